import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../support/api-event.ts';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:ap-southeast-1:000000000000:risks';
let handler: (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

describe('notify-risk (TaskFlaggedAtRisk)', () => {
  beforeAll(async () => {
    process.env.RISK_TOPIC_ARN = TOPIC;
    ({ handler } = await import('#functions/events/notify-risk.ts'));
  });
  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes a Vietnamese message naming the task and its reasons', async () => {
    await handler(
      {
        'detail-type': 'TaskFlaggedAtRisk',
        source: 'langson.progress',
        id: 'e-1',
        time: '2026-11-20T03:00:00Z',
        detail: {
          version: '1',
          taskId: 'KH266-I-9',
          plan: 'KH266',
          sector: 'agriculture',
          section: 'I',
          leadAgencyIds: ['so-nong-nghiep-va-moi-truong'],
          evaluatedAt: '2026-11-20T03:00:00.000Z',
          reasons: [{ code: 'OVERDUE', message: 'Quá hạn 3 ngày (hạn 17/11/2026)' }],
          gained: ['OVERDUE'],
        },
      },
      lambdaContext(),
    );

    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      Subject: '[KH266] Nhiệm vụ KH266-I-9 có nguy cơ chậm tiến độ',
      Message: expect.stringContaining('- Quá hạn 3 ngày (hạn 17/11/2026)'),
    });
  });
});
