/**
 * The local stand-in for a rule's dead-letter queue: events whose delivery failed on every
 * attempt, kept with enough context to replay them once the target is fixed.
 */
import * as z from 'zod';
import { JsonLinesFile } from '../jsonl-file.ts';
import type { BusEvent } from './bus-event.ts';
import { describeError } from './log.ts';

export interface DeadLetter {
  id: string;
  rule: string;
  target: string;
  event: BusEvent;
  attempts: number;
  lastError: { name: string; message: string };
  /** ISO instant of the last failed attempt. */
  failedAt: string;
}

export interface DeadLetterStore {
  add(letter: DeadLetter): Promise<void>;
  list(): Promise<DeadLetter[]>;
  remove(id: string): Promise<void>;
}

export class MemoryDeadLetterStore implements DeadLetterStore {
  #letters: DeadLetter[] = [];

  add(letter: DeadLetter): Promise<void> {
    this.#letters.push(structuredClone(letter));
    return Promise.resolve();
  }

  list(): Promise<DeadLetter[]> {
    return Promise.resolve(structuredClone(this.#letters));
  }

  remove(id: string): Promise<void> {
    this.#letters = this.#letters.filter((letter) => letter.id !== id);
    return Promise.resolve();
  }
}

const deadLetterSchema = z.object({
  id: z.string(),
  rule: z.string(),
  target: z.string(),
  event: z.object({
    version: z.string(),
    id: z.string(),
    'detail-type': z.string(),
    source: z.string(),
    account: z.string(),
    time: z.string(),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.unknown(),
    'replay-name': z.string().optional(),
  }),
  attempts: z.number().int(),
  lastError: z.object({ name: z.string(), message: z.string() }),
  failedAt: z.string(),
});

/** One JSON line per letter in `<dataDir>/dead-letters.jsonl`. */
export class FileDeadLetterStore extends JsonLinesFile<DeadLetter> implements DeadLetterStore {
  constructor(dataDir: string) {
    super(dataDir, 'dead-letters.jsonl', deadLetterSchema);
  }
}

/** What replay needs from the bus: one delivery attempt to a rule's target. */
export interface Redeliverer {
  redeliver(ruleName: string, event: BusEvent): Promise<void>;
}

export interface ReplayReport {
  replayed: number;
  /** Letters still stored, with why their replay failed. */
  failed: { id: string; rule: string; error: string }[];
}

/**
 * Re-delivers each stored event to its rule's target, one at a time, and removes the letter
 * once delivered. A failed replay leaves the letter where it is, for the next replay.
 */
export async function replayDeadLetters(
  store: DeadLetterStore,
  bus: Redeliverer,
): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, failed: [] };
  for (const letter of await store.list()) {
    try {
      await bus.redeliver(letter.rule, letter.event);
    } catch (error) {
      report.failed.push({ id: letter.id, rule: letter.rule, error: describeError(error).message });
      continue;
    }
    await store.remove(letter.id);
    report.replayed++;
  }
  return report;
}
