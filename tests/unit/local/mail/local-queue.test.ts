/**
 * The local queue as SQS and Lambda's event source mapping behave: batches to the
 * consumer, the records it reports failed delivered again, and a message that failed on
 * every delivery dead-lettered.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalQueue, type QueueDeadLetter } from '#infra/local/queues/local-queue.ts';
import type { QueueDeclaration } from '#shared/platform/queues.ts';

const MAIL: QueueDeclaration = {
  name: 'Mail',
  description: 'test',
  consumer: 'sendMail',
  urlVariable: 'MAIL_QUEUE_URL',
  maxReceiveCount: 3,
  visibilityTimeoutSeconds: 180,
  batchSize: 2,
  oldestMessageAlarmSeconds: 1800,
};

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function queueWith(consume: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>) {
  const letters: QueueDeadLetter[] = [];
  const batches: string[][] = [];
  const queue = new LocalQueue({
    declaration: MAIL,
    url: 'https://sqs.local/mail',
    invoke: async (_consumer, event) => {
      batches.push(event.Records.map((record) => record.body));
      return consume(event);
    },
    deadLetters: { add: async (letter) => void letters.push(letter) },
    retryDelayMs: () => 1,
    logger: silent,
  });
  return { queue, letters, batches };
}

describe('LocalQueue', () => {
  it('holds messages until started, then delivers them in batches of the declared size', async () => {
    // Prepare
    const { queue, batches } = queueWith(async () => ({ batchItemFailures: [] }));
    const sent = queue.send(['a', 'b', 'c']);

    // Act
    await queue.drain();
    const before = batches.length;
    queue.start();
    await queue.drain();

    // Assess
    expect(before).toBe(0);
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(sent[0]?.md5OfBody).toBe('0cc175b9c0f1b6a831c399e269772661');
  });

  it('delivers again only the records reported failed, with their receive count', async () => {
    // Prepare
    const counts: string[] = [];
    const { queue, batches } = queueWith(async (event) => {
      counts.push(...event.Records.map((r) => `${r.body}:${r.attributes.ApproximateReceiveCount}`));
      const failing = event.Records.filter(
        (r) => r.body === 'b' && r.attributes.ApproximateReceiveCount === '1',
      );
      return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    queue.start();

    // Act
    queue.send(['a', 'b']);
    await queue.drain();

    // Assess
    expect(batches).toEqual([['a', 'b'], ['b']]);
    expect(counts).toEqual(['a:1', 'b:1', 'b:2']);
  });

  it('dead-letters a message that failed on every delivery, and a batch whose consumer threw', async () => {
    // Prepare
    const { queue, letters, batches } = queueWith(async () => {
      throw new Error('SES is down');
    });
    queue.start();

    // Act
    queue.send(['a']);
    await queue.drain();

    // Assess
    expect(batches).toEqual([['a'], ['a'], ['a']]);
    expect(letters).toEqual([
      expect.objectContaining({
        queue: 'Mail',
        body: 'a',
        receiveCount: 3,
        lastError: { name: 'Error', message: 'SES is down' },
      }),
    ]);
  });

  it('refuses messages once closed', async () => {
    // Prepare
    const { queue } = queueWith(async () => undefined);
    queue.start();

    // Act
    await queue.close();

    // Assess
    expect(() => queue.send(['late'])).toThrow('closed');
  });
});
