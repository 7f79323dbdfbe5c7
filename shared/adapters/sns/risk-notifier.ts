/**
 * Tells people about tasks flagged at risk through an SNS topic (e-mail, SMS or a chat
 * hook subscribe to it). The message is Vietnamese, as its readers are.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { TaskFlaggedAtRiskV1 } from '#shared/domain/risk/risk-events.ts';

/** SNS subjects are at most 100 characters. */
const SUBJECT_LIMIT = 100;

export function riskMessage(detail: TaskFlaggedAtRiskV1): { subject: string; message: string } {
  const subject = `[${detail.plan}] Nhiệm vụ ${detail.taskId} có nguy cơ chậm tiến độ`.slice(
    0,
    SUBJECT_LIMIT,
  );
  const message = [
    `Nhiệm vụ ${detail.taskId} (lĩnh vực ${detail.sector}, mục ${detail.section}) được đánh dấu có nguy cơ:`,
    ...detail.reasons.map((reason) => `- ${reason.message}`),
    `Cơ quan chủ trì: ${detail.leadAgencyIds.join(', ') || 'chưa xác định'}.`,
    `Đánh giá lúc ${detail.evaluatedAt}.`,
  ].join('\n');
  return { subject, message };
}

export class SnsRiskNotifier {
  constructor(
    private readonly sns: Pick<SNSClient, 'send'>,
    private readonly topicArn: string,
  ) {}

  async notify(detail: TaskFlaggedAtRiskV1): Promise<void> {
    const { subject, message } = riskMessage(detail);
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: subject,
        Message: message,
        MessageAttributes: {
          sector: { DataType: 'String', StringValue: detail.sector },
          plan: { DataType: 'String', StringValue: detail.plan },
        },
      }),
    );
  }
}
