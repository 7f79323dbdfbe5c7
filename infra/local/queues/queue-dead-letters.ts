/**
 * The local queues' dead letters: one JSON line each in `<data folder>/queue-dead-letters.jsonl`
 * (owner-only), where an operator reads what failed and why, and from where a replay puts
 * them back on their queue once the cause is fixed. On AWS they are the queues' dead-letter
 * queues, whose depth is alarmed, redriven from the console.
 */
import { join } from 'node:path';
import * as z from 'zod';
import { describeError } from '../events/log.ts';
import { JsonLinesFile } from '../jsonl-file.ts';
import type { LocalQueue, QueueDeadLetter, QueueDeadLetterStore } from './local-queue.ts';

const QUEUE_DEAD_LETTERS_FILE = 'queue-dead-letters.jsonl';

export const queueDeadLettersFile = (dataDir: string) => join(dataDir, QUEUE_DEAD_LETTERS_FILE);

const queueDeadLetterSchema = z.object({
  id: z.string(),
  queue: z.string(),
  body: z.string(),
  receiveCount: z.number().int(),
  lastError: z.object({ name: z.string(), message: z.string() }),
  failedAt: z.string(),
});

export class FileQueueDeadLetters
  extends JsonLinesFile<QueueDeadLetter>
  implements QueueDeadLetterStore
{
  constructor(dataDir: string) {
    super(dataDir, QUEUE_DEAD_LETTERS_FILE, queueDeadLetterSchema);
  }
}

export interface QueueReplayReport {
  replayed: number;
  /** Letters still stored, with why they could not be put back. */
  failed: { id: string; queue: string; error: string }[];
}

/**
 * Puts each letter's message back on its queue, then removes the letter. A crash between
 * the two leaves the letter for the next replay, and the message delivered twice: the
 * queues' consumers are idempotent (the mail consumer sends a message once).
 */
export async function replayQueueDeadLetters(
  store: FileQueueDeadLetters,
  queues: readonly Pick<LocalQueue, 'name' | 'send'>[],
): Promise<QueueReplayReport> {
  const report: QueueReplayReport = { replayed: 0, failed: [] };
  for (const letter of await store.list()) {
    const queue = queues.find((each) => each.name === letter.queue);
    try {
      if (!queue) throw new Error(`no queue named ${letter.queue}`);
      queue.send([letter.body]);
    } catch (error) {
      report.failed.push({
        id: letter.id,
        queue: letter.queue,
        error: describeError(error).message,
      });
      continue;
    }
    await store.remove(letter.id);
    report.replayed++;
  }
  return report;
}
