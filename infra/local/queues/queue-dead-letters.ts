/**
 * The local queues' dead letters: one JSON line each in `<data folder>/queue-dead-letters.jsonl`
 * (owner-only), where an operator reads what failed and why. On AWS they are the queues'
 * dead-letter queues, whose depth is alarmed.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueDeadLetter, QueueDeadLetterStore } from './local-queue.ts';

export const queueDeadLettersFile = (dataDir: string) => join(dataDir, 'queue-dead-letters.jsonl');

export class FileQueueDeadLetters implements QueueDeadLetterStore {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  add(letter: QueueDeadLetter): Promise<void> {
    // One append at a time, so that two letters never interleave.
    const append = this.#queue.then(async () => {
      await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      await appendFile(queueDeadLettersFile(this.dataDir), `${JSON.stringify(letter)}\n`, {
        mode: 0o600,
      });
    });
    this.#queue = append.catch(() => undefined);
    return append;
  }
}
