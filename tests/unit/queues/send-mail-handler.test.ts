/**
 * The mail queue's consumer as Lambda runs it, with the SDK mocked: each record's message
 * read from the outbox, sent through SES and marked sent; a record that fails reported
 * alone in the partial batch response.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { lambdaContext } from '../../support/api-event.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
let handler: (event: SQSEvent, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

function stored(id: string, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    kind: 'reminder',
    period: '2026-Q4',
    recipientId: 'so-y-te',
    to: ['vanthu@soyte.langson.gov.vn'],
    state: 'queued',
    content: {
      kind: 'reminder',
      period: '2026-Q4',
      deadline: '2026-12-18',
      on: '2026-12-13',
      recipient: { id: 'so-y-te', name: 'Sở Y tế' },
      tasks: [
        {
          id: 'KH267-VI-43',
          title: 'Trợ giúp xã hội',
          plan: 'Kế hoạch số 267/KH-UBND',
          section: 'VI',
          ordinal: '43',
        },
      ],
    },
    claims: [{ agencyId: 'so-y-te', taskId: 'KH267-VI-43', recipientId: 'so-y-te' }],
    createdAt: '2026-12-13T00:00:00.000Z',
    updatedAt: '2026-12-13T00:00:00.000Z',
    queuedAt: '2026-12-13T00:00:00.000Z',
    sentAt: null,
    failures: 0,
    lastError: null,
    sent: null,
    ...overrides,
  };
}

const record = (messageId: string, recordId = messageId) => ({
  messageId: recordId,
  receiptHandle: recordId,
  body: JSON.stringify({ messageId }),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1796000000000',
    SenderId: 'test',
    ApproximateFirstReceiveTimestamp: '1796000000000',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:ap-southeast-1:123456789012:mail',
  awsRegion: 'ap-southeast-1',
});

describe('send-mail (the mail queue’s consumer)', () => {
  beforeAll(async () => {
    Object.assign(process.env, {
      MAIL_FROM: 'no-reply@langson.gov.vn',
      PUBLIC_BASE_URL: 'https://tiendo.langson.gov.vn',
    });
    ({ handler } = await import('#functions/queues/send-mail.ts'));
  });
  beforeEach(() => {
    dynamo.reset();
    ses.reset();
    dynamo.on(UpdateCommand).resolves({});
  });

  it('sends each message in words with links under the public address, and marks it sent', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: stored('msg_1') });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    // Act
    const response = await handler({ Records: [record('msg_1')] }, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: 'no-reply@langson.gov.vn',
      Destination: { ToAddresses: ['vanthu@soyte.langson.gov.vn'] },
      Content: {
        Simple: {
          Subject: {
            Data: 'Nhắc gửi báo cáo Quý IV/2026: 1 nhiệm vụ chưa báo cáo, hạn 18/12/2026',
            Charset: 'UTF-8',
          },
          Body: {
            Text: {
              Data: expect.stringContaining('https://tiendo.langson.gov.vn/co-quan/so-y-te\n'),
              Charset: 'UTF-8',
            },
          },
        },
      },
    });
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: 'MAIL#msg_1', SK: 'MAIL' },
      ExpressionAttributeValues: expect.objectContaining({ ':sent': 'sent' }),
    });
  });

  it('sends nothing for a message already sent', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({
      Item: stored('msg_1', {
        state: 'sent',
        sent: { subject: 's', text: 't', providerId: 'ses-0' },
      }),
    });

    // Act
    const response = await handler({ Records: [record('msg_1')] }, lambdaContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('reports only the record whose sending failed, and records the failure on its message', async () => {
    // Prepare
    dynamo
      .on(GetCommand, { Key: { PK: 'MAIL#msg_1', SK: 'MAIL' } })
      .resolves({ Item: stored('msg_1') });
    dynamo.on(GetCommand, { Key: { PK: 'MAIL#msg_2', SK: 'MAIL' } }).resolves({
      Item: stored('msg_2', { to: ['bad@nowhere.vn'] }),
    });
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: ['bad@nowhere.vn'] } })
      .rejects(new Error('MessageRejected'))
      .on(SendEmailCommand, { Destination: { ToAddresses: ['vanthu@soyte.langson.gov.vn'] } })
      .resolves({ MessageId: 'ses-1' });

    // Act
    const response = await handler(
      { Records: [record('msg_1', 'r-1'), record('msg_2', 'r-2')] },
      lambdaContext(),
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'r-2' }] });
    expect(dynamo).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: 'MAIL#msg_2', SK: 'MAIL' },
      ExpressionAttributeValues: expect.objectContaining({ ':error': 'MessageRejected' }),
    });
  });

  it('fails a record that names no message, and the whole batch when every record failed', async () => {
    // Prepare
    dynamo.on(GetCommand).resolves({ Item: stored('msg_1') });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const malformed = { ...record('msg_1', 'r-bad'), body: 'not json' };

    // Act
    const partly = await handler({ Records: [malformed, record('msg_1')] }, lambdaContext());
    const wholly = handler({ Records: [malformed] }, lambdaContext());

    // Assess
    expect(partly).toEqual({ batchItemFailures: [{ itemIdentifier: 'r-bad' }] });
    await expect(wholly).rejects.toThrow('All records failed processing');
  });
});
