/**
 * The queues' dead letters on disk, and their replay: a message that failed on every
 * delivery is kept in the data folder, and put back on its queue once its consumer works.
 */
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalQueue } from '#infra/local/queues/local-queue.ts';
import {
  FileQueueDeadLetters,
  queueDeadLettersFile,
  replayQueueDeadLetters,
} from '#infra/local/queues/queue-dead-letters.ts';
import type { QueueDeclaration } from '#shared/platform/queues.ts';

const MAIL: QueueDeclaration = {
  name: 'Mail',
  description: 'test',
  consumer: 'sendMail',
  urlVariable: 'MAIL_QUEUE_URL',
  maxReceiveCount: 2,
  visibilityTimeoutSeconds: 180,
  batchSize: 10,
  oldestMessageAlarmSeconds: 1800,
};

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'queue-dead-letters-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A queue whose consumer fails while `failing` says so, and records what it received. */
function mailQueue(store: FileQueueDeadLetters) {
  const state = { failing: true, delivered: [] as string[] };
  const queue = new LocalQueue({
    declaration: MAIL,
    url: 'https://sqs.local/mail',
    invoke: async (_consumer, event: SQSEvent) => {
      if (state.failing) throw new Error('the mail server refused the connection');
      state.delivered.push(...event.Records.map((record) => record.body));
      return { batchItemFailures: [] };
    },
    deadLetters: store,
    retryDelayMs: () => 1,
    logger: silent,
  });
  queue.start();
  return { queue, state };
}

describe('the queues’ dead letters', () => {
  it('keeps a message that failed on every delivery in an owner-only file, with why', async () => {
    // Prepare
    const store = new FileQueueDeadLetters(dataDir);
    const { queue } = mailQueue(store);

    // Act
    queue.send(['{"messageId":"msg_a"}']);
    await queue.drain();
    const letters = await store.list();

    // Assess
    expect(letters).toEqual([
      expect.objectContaining({
        queue: 'Mail',
        body: '{"messageId":"msg_a"}',
        receiveCount: 2,
        lastError: { name: 'Error', message: 'the mail server refused the connection' },
      }),
    ]);
    expect((await stat(queueDeadLettersFile(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('puts each letter back on its queue on replay, and forgets it once queued', async () => {
    // Prepare
    const store = new FileQueueDeadLetters(dataDir);
    const { queue, state } = mailQueue(store);
    queue.send(['{"messageId":"msg_a"}', '{"messageId":"msg_b"}']);
    await queue.drain();
    state.failing = false;

    // Act
    const report = await replayQueueDeadLetters(store, [queue]);
    await queue.drain();

    // Assess
    expect(report).toEqual({ replayed: 2, failed: [] });
    expect(state.delivered.sort()).toEqual(['{"messageId":"msg_a"}', '{"messageId":"msg_b"}']);
    expect(await store.list()).toEqual([]);
  });

  it('keeps a letter whose queue the platform no longer has, and says why', async () => {
    // Prepare
    const store = new FileQueueDeadLetters(dataDir);
    await store.add({
      id: 'dl-1',
      queue: 'Gone',
      body: '{}',
      receiveCount: 5,
      lastError: { name: 'Error', message: 'x' },
      failedAt: '2026-12-02T00:00:00.000Z',
    });

    // Act
    const report = await replayQueueDeadLetters(store, []);

    // Assess
    expect(report).toEqual({
      replayed: 0,
      failed: [{ id: 'dl-1', queue: 'Gone', error: 'no queue named Gone' }],
    });
    expect(await store.list()).toHaveLength(1);
  });

  it('skips a torn last line when listing, and keeps it when removing another letter', async () => {
    // Prepare
    const store = new FileQueueDeadLetters(dataDir);
    const { queue } = mailQueue(store);
    queue.send(['{"messageId":"msg_a"}']);
    await queue.drain();
    const [letter] = await store.list();
    await appendFile(queueDeadLettersFile(dataDir), '{"id":"torn","que');

    // Act
    const listed = await store.list();
    await store.remove(String(letter?.id));
    const left = await readFile(queueDeadLettersFile(dataDir), 'utf8');

    // Assess
    expect(listed).toHaveLength(1);
    expect(left).toBe('{"id":"torn","que\n');
  });
});
