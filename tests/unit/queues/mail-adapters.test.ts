/** The mail adapters against the AWS SDK (aws-sdk-client-mock): SES API v2 and SQS. */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailSender } from '#shared/adapters/ses/ses-mail-sender.ts';
import { SqsMailQueue } from '#shared/adapters/sqs/mail-queue.ts';

const ses = mockClient(SESv2Client);
const sqs = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/mail';

beforeEach(() => {
  ses.reset();
  sqs.reset();
});

describe('SesMailSender', () => {
  it('sends plain UTF-8 text from the platform’s address and returns SES’s id', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const sender = new SesMailSender(new SESv2Client({}), 'no-reply@langson.gov.vn');

    // Act
    const id = await sender.send({
      to: ['vanthu@soyte.langson.gov.vn', 'an@soyte.langson.gov.vn'],
      subject: 'Nhắc gửi báo cáo Quý IV/2026',
      text: 'Kính gửi: Sở Y tế\n',
    });

    // Assess
    expect(id).toBe('ses-1');
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: 'no-reply@langson.gov.vn',
      Destination: { ToAddresses: ['vanthu@soyte.langson.gov.vn', 'an@soyte.langson.gov.vn'] },
      Content: {
        Simple: {
          Subject: { Data: 'Nhắc gửi báo cáo Quý IV/2026', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Kính gửi: Sở Y tế\n', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('lets SES’s refusal through, for the queue to retry', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected: Email address is not verified'));
    const sender = new SesMailSender(new SESv2Client({}), 'no-reply@langson.gov.vn');

    // Act
    const sending = sender.send({ to: ['a@b.vn'], subject: 's', text: 't' });

    // Assess
    await expect(sending).rejects.toThrow('not verified');
  });
});

describe('SqsMailQueue', () => {
  it('sends each message id as its own queue message, ten to a batch', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const queue = new SqsMailQueue(new SQSClient({}), QUEUE_URL);
    const ids = Array.from({ length: 12 }, (_, i) => `msg_${i}`);

    // Act
    await queue.enqueue(ids);

    // Assess
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 2);
    const [first, second] = sqs
      .commandCalls(SendMessageBatchCommand)
      .map((call) => call.args[0].input);
    expect(first?.QueueUrl).toBe(QUEUE_URL);
    expect(first?.Entries).toHaveLength(10);
    expect(first?.Entries?.[0]).toEqual({ Id: '0', MessageBody: '{"messageId":"msg_0"}' });
    expect(second?.Entries?.map((entry) => entry.MessageBody)).toEqual([
      '{"messageId":"msg_10"}',
      '{"messageId":"msg_11"}',
    ]);
  });

  it('fails when SQS refuses any entry, so that the run is retried rather than the message lost', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false, Message: 'try again' }],
    });
    const queue = new SqsMailQueue(new SQSClient({}), QUEUE_URL);

    // Act
    const enqueueing = queue.enqueue(['msg_1']);

    // Assess
    await expect(enqueueing).rejects.toThrow(
      'the mail queue refused 1 of 1 messages: InternalError try again',
    );
  });
});
