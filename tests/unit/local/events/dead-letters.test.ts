import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerName } from '#shared/platform/handlers.ts';
import type { BusEvent } from '#infra/local/events/bus-event.ts';
import {
  FileDeadLetterStore,
  MemoryDeadLetterStore,
  replayDeadLetters,
  type DeadLetter,
  type DeadLetterStore,
} from '#infra/local/events/dead-letters.ts';
import { LocalEventBus } from '#infra/local/events/event-bus.ts';

const event = (id: string): BusEvent => ({
  version: '0',
  id,
  'detail-type': 'ReportSubmitted',
  source: 'langson.progress',
  account: '000000000000',
  time: '2026-07-08T03:04:05Z',
  region: 'local',
  resources: [],
  detail: { taskId: 'KH266-I-1.1', note: 'Sở Nông nghiệp\nvà Môi trường' },
});

const letter = (id: string, rule = 'to-risk'): DeadLetter => ({
  id,
  rule,
  target: 'riskEvaluator',
  event: event(`event-${id}`),
  attempts: 3,
  lastError: { name: 'Error', message: 'boom' },
  failedAt: '2026-07-08T03:04:05.678Z',
});

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dead-letters-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.each([
  { kind: 'memory', make: (): DeadLetterStore => new MemoryDeadLetterStore() },
  { kind: 'file', make: (): DeadLetterStore => new FileDeadLetterStore(join(dataDir, 'nested')) },
])('$kind dead-letter store', ({ make }) => {
  it('lists nothing before anything is added', async () => {
    // Prepare
    const store = make();

    // Act
    const letters = await store.list();

    // Assess
    expect(letters).toEqual([]);
  });

  it('lists added letters in order and forgets removed ones', async () => {
    // Prepare
    const store = make();
    await store.add(letter('a'));
    await store.add(letter('b'));
    await store.add(letter('c'));

    // Act
    await store.remove('b');
    await store.remove('unknown');

    // Assess
    expect(await store.list()).toEqual([letter('a'), letter('c')]);
  });

  it('keeps every letter of concurrent adds', async () => {
    // Prepare
    const store = make();
    const ids = Array.from({ length: 25 }, (_, i) => `letter-${i}`);

    // Act
    await Promise.all(ids.map((id) => store.add(letter(id))));

    // Assess
    expect((await store.list()).map((l) => l.id).sort()).toEqual([...ids].sort());
  });
});

describe('FileDeadLetterStore on disk', () => {
  it('persists across instances, one JSON line per letter', async () => {
    // Prepare
    await new FileDeadLetterStore(dataDir).add(letter('a'));
    await new FileDeadLetterStore(dataDir).add(letter('b'));

    // Act
    const letters = await new FileDeadLetterStore(dataDir).list();
    const text = await readFile(join(dataDir, 'dead-letters.jsonl'), 'utf8');

    // Assess
    expect(letters).toEqual([letter('a'), letter('b')]);
    expect(text.split('\n')).toHaveLength(3); // two lines and the final newline
  });

  it('loses no removal when removals run concurrently', async () => {
    // Prepare
    const store = new FileDeadLetterStore(dataDir);
    for (const id of ['a', 'b', 'c', 'd']) await store.add(letter(id));

    // Act
    await Promise.all([store.remove('a'), store.remove('b'), store.remove('c')]);

    // Assess
    expect((await store.list()).map((l) => l.id)).toEqual(['d']);
  });

  it('skips a torn line when listing and keeps it when removing another letter', async () => {
    // Prepare
    const store = new FileDeadLetterStore(dataDir);
    await store.add(letter('a'));
    await appendFile(join(dataDir, 'dead-letters.jsonl'), '{"id":"torn","rule":\n');
    await store.add(letter('b'));

    // Act
    const listed = await store.list();
    await store.remove('a');
    const text = await readFile(join(dataDir, 'dead-letters.jsonl'), 'utf8');

    // Assess
    expect(listed.map((l) => l.id)).toEqual(['a', 'b']);
    expect(text).toContain('{"id":"torn","rule":');
    expect((await store.list()).map((l) => l.id)).toEqual(['b']);
  });
});

describe('replayDeadLetters', () => {
  it('re-delivers each letter and removes the delivered ones', async () => {
    // Prepare
    const store = new MemoryDeadLetterStore();
    await store.add(letter('a'));
    await store.add(letter('b', 'broken-rule'));
    await store.add(letter('c'));
    const redelivered: string[] = [];
    const bus = {
      redeliver: (rule: string, replayed: BusEvent) => {
        if (rule === 'broken-rule') return Promise.reject(new Error('still failing'));
        redelivered.push(replayed.id);
        return Promise.resolve();
      },
    };

    // Act
    const report = await replayDeadLetters(store, bus);

    // Assess
    expect(redelivered).toEqual(['event-a', 'event-c']);
    expect(report).toEqual({
      replayed: 2,
      failed: [{ id: 'b', rule: 'broken-rule', error: 'still failing' }],
    });
    expect((await store.list()).map((l) => l.id)).toEqual(['b']);
  });

  it('replays what the bus dead-lettered once the target is fixed', async () => {
    // Prepare
    const store = new FileDeadLetterStore(dataDir);
    let healthy = false;
    const delivered: unknown[] = [];
    const bus = new LocalEventBus({
      rules: [
        {
          name: 'to-risk',
          description: 'test rule',
          pattern: { source: ['langson.progress'] },
          target: 'riskEvaluator' as HandlerName,
          maxAttempts: 2,
        },
      ],
      invoke: (_target, received) => {
        if (!healthy) return Promise.reject(new Error('target down'));
        delivered.push(received.detail);
        return Promise.resolve();
      },
      deadLetters: store,
      retryDelayMs: () => 1,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await bus.putEvents([{ Source: 'langson.progress', DetailType: 'X', Detail: '{"n":1}' }]);
    await bus.drain();
    const parked = await store.list();
    healthy = true;

    // Act
    const report = await replayDeadLetters(store, bus);

    // Assess
    expect(parked).toHaveLength(1);
    expect(report).toEqual({ replayed: 1, failed: [] });
    expect(delivered).toEqual([{ n: 1 }]);
    expect(await store.list()).toEqual([]);
  });
});
