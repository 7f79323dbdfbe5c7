/**
 * The mail queue on SQS: each message's id, ten to a SendMessageBatch (SQS's most). The
 * body is the id alone: the consumer reads the message from the outbox, so the queue
 * carries no personal data and a redelivered id finds the message as it stands.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { MailQueue } from '#shared/use-cases/reminders/reminder-ports.ts';

const BATCH = 10;

/** What the queue carries, and what its consumer accepts. */
export const mailQueueBodySchema = z.strictObject({ messageId: z.string().min(1).max(100) });
export type MailQueueBody = z.infer<typeof mailQueueBodySchema>;

export class SqsMailQueue implements MailQueue {
  constructor(
    private readonly sqs: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  async enqueue(messageIds: readonly string[]): Promise<void> {
    for (let start = 0; start < messageIds.length; start += BATCH) {
      const batch = messageIds.slice(start, start + BATCH);
      const { Failed = [] } = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((messageId, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({ messageId } satisfies MailQueueBody),
          })),
        }),
      );
      if (Failed.length > 0) {
        const [first] = Failed;
        throw new Error(
          `the mail queue refused ${Failed.length} of ${batch.length} messages: ${first?.Code} ${first?.Message ?? ''}`.trim(),
        );
      }
    }
  }
}
