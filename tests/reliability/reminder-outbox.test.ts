/**
 * Never twice, never lost, on the real store (dynalite): the reminder job run again, two
 * runs at once, and runs that die between claiming their notices and queueing them. Only
 * conditional single-item writes are used, as the local store has no transactions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoOutboxStore } from '#shared/adapters/dynamodb/outbox-store.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import type { OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { DEFAULT_REMINDER_SETTINGS } from '#shared/domain/reminder/reminder-settings.ts';
import type {
  MailQueue,
  MailSender,
  OutboxRepository,
  ReminderReads,
} from '#shared/use-cases/reminders/reminder-ports.ts';
import { runReminderJob, type ReminderDeps } from '#shared/use-cases/reminders/run-reminders.ts';
import { sendMessage } from '#shared/use-cases/reminders/send-mail.ts';
import { startLocalTable, type LocalTable } from '../support/local-table.ts';
import { planRecord } from '../support/stored-items.ts';
import { task } from '../unit/risk/fixtures.ts';

const LEASE_MS = 20 * 60_000;
/** 09:00 on 14 December in the province: the fourth quarter's reminders are due. */
const MORNING = new Date('2026-12-14T02:00:00Z');

const plan = planRecord('KH266', { period: { start: '2026-07-07', end: '2026-12-31' } });

const agencyOf = (id: string, emails: string[]): Agency => ({
  id,
  name: `Tên của ${id}`,
  kind: 'department',
  aliases: [],
  memberOf: [],
  active: true,
  mergedInto: null,
  absorbed: [],
  emails,
});

const due = { kind: 'deadline' as const, start: null, due: '2026-12-31' };
const TASKS = [
  task({ id: 'KH266-I-2', ordinal: '2', lead: [{ id: 'so-nn', name: 'Sở NN' }], schedule: due }),
  task({ id: 'KH266-I-3', ordinal: '3', lead: [{ id: 'so-nn', name: 'Sở NN' }], schedule: due }),
  task({ id: 'KH266-I-4', ordinal: '4', lead: [{ id: 'so-ct', name: 'Sở CT' }], schedule: due }),
];

function reads(tasks = TASKS): ReminderReads {
  return {
    trackedPlans: async () => [plan],
    tasksOf: async function* () {
      for (const each of tasks) {
        yield { task: each, latest: [], riskReasons: [], announcedCodes: [], official: null };
      }
    },
    reportsDescribing: async () => [],
    memberships: async () => ({}),
    agencies: async () => [
      agencyOf('so-nn', ['nn@langson.gov.vn']),
      agencyOf('so-ct', ['ct@langson.gov.vn']),
    ],
    settings: async () => DEFAULT_REMINDER_SETTINGS,
    people: async () => [],
  };
}

class RecordingQueue implements MailQueue {
  readonly ids: string[] = [];
  failNext = false;
  async enqueue(ids: readonly string[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the queue is down');
    }
    this.ids.push(...ids);
  }
}

let table: LocalTable;
let outbox: DynamoOutboxStore;
let queue: RecordingQueue;
let now: Date;

beforeEach(async () => {
  table = await startLocalTable();
  outbox = new DynamoOutboxStore(table.db, table.tableName);
  queue = new RecordingQueue();
  now = MORNING;
});
afterEach(() => table.close());

function deps(overrides: Partial<ReminderDeps> = {}): ReminderDeps {
  return {
    reads: reads(),
    outbox,
    queue,
    clock: { now: () => now },
    leaseMs: LEASE_MS,
    ...overrides,
  };
}

/** What the outbox holds: each message's state, recipient and tasks. */
async function held() {
  const { items } = await outbox.list(100);
  return items
    .map((message) => ({
      state: message.state,
      recipient: message.recipientId,
      tasks: message.claims.map((claim) => claim.taskId).sort(),
    }))
    .sort((a, b) => a.recipient.localeCompare(b.recipient));
}

/** Every claim of the fourth quarter's reminders, with the message holding it. */
async function claims() {
  return [...(await outbox.claimsOf('reminder', '2026-Q4')).entries()].sort();
}

/** The outbox, but the run dies when it would make the recipient's draft ready. */
function dyingAt(recipientId: string): OutboxRepository {
  return Object.assign(Object.create(outbox) as DynamoOutboxStore, {
    finalize: async (id: string, won: Pick<OutboxMessage, 'content' | 'claims'>, at: string) => {
      if ((await outbox.get(id))?.recipientId === recipientId) {
        throw new Error('the process was killed');
      }
      return outbox.finalize(id, won, at);
    },
  });
}

const EXPECTED = [
  { state: 'queued', recipient: 'so-ct', tasks: ['KH266-I-4'] },
  { state: 'queued', recipient: 'so-nn', tasks: ['KH266-I-2', 'KH266-I-3'] },
];

describe('the reminder job on the store', () => {
  it('tells each of its parts as it starts, in order, before it returns', async () => {
    // Prepare
    const told: string[] = [];

    // Act
    const run = await runReminderJob('daily', deps(), async (stage, done, total) => {
      told.push(`${stage} ${done}/${total} queued:${queue.ids.length}`);
    });

    // Assess: the messages are queued after the last part is told
    expect(told).toEqual(['recover 0/3 queued:0', 'read 1/3 queued:0', 'compose 2/3 queued:0']);
    expect(run.messages.filter((message) => message.queued)).toHaveLength(2);
  });

  it('queues one message per agency, and nothing when run again', async () => {
    // Act
    const first = await runReminderJob('daily', deps());
    const again = await runReminderJob('daily', deps());

    // Assess
    expect(first.messages.filter((message) => message.queued)).toHaveLength(2);
    expect(again.messages).toEqual([]);
    expect(await held()).toEqual(EXPECTED);
    expect(queue.ids).toHaveLength(2);
    expect(new Set(queue.ids).size).toBe(2);
  });

  it('queues each message once when two runs overlap', async () => {
    // Act
    await Promise.all([runReminderJob('daily', deps()), runReminderJob('daily', deps())]);

    // Assess
    expect(await held()).toEqual(EXPECTED);
    expect(queue.ids.sort()).toEqual([...new Set(queue.ids)].sort());
    expect(queue.ids).toHaveLength(2);
    expect(await claims()).toHaveLength(3);
  });

  it('finishes a run that died after claiming: the same message at once, never a second one', async () => {
    // Prepare: the run dies after claiming so-nn's notices, before its draft becomes ready
    await expect(runReminderJob('daily', deps({ outbox: dyingAt('so-nn') }))).rejects.toThrow(
      'killed',
    );
    const claimedBefore = await claims();

    // Act
    const rerun = await runReminderJob('daily', deps());

    // Assess
    expect(claimedBefore).toHaveLength(3);
    expect(rerun.messages).toEqual([
      expect.objectContaining({ recipientId: 'so-nn', queued: true }),
    ]);
    expect(await held()).toEqual(EXPECTED);
    expect(queue.ids).toHaveLength(2);
  });

  it('leaves a dead run’s draft to the first run after its lease when the notices changed meanwhile', async () => {
    // Prepare: the run dies after claiming so-nn's notices; then its second task is reported
    await expect(runReminderJob('daily', deps({ outbox: dyingAt('so-nn') }))).rejects.toThrow(
      'killed',
    );
    const fewer = reads(TASKS.filter((each) => each.id !== 'KH266-I-3'));

    // Act: a run within the lease, then one after it
    const soon = await runReminderJob('daily', deps({ reads: fewer }));
    now = new Date(MORNING.getTime() + LEASE_MS + 60_000);
    const later = await runReminderJob('daily', deps({ reads: fewer }));

    // Assess: nothing claimed twice; the dead run's draft is finished after the lease
    expect(soon.messages).toEqual([
      expect.objectContaining({ recipientId: 'so-nn', queued: false }),
    ]);
    expect(soon.recovered).toEqual([]);
    expect(later.recovered).toEqual([expect.objectContaining({ queued: true, notices: 2 })]);
    expect(await held()).toEqual(EXPECTED);
    expect(queue.ids).toHaveLength(2);
  });

  it('queues a message left ready by a run that died before queueing it, after the lease', async () => {
    // Prepare
    queue.failNext = true;
    await expect(runReminderJob('daily', deps())).rejects.toThrow('the queue is down');

    // Act
    const soon = await runReminderJob('daily', deps());
    now = new Date(MORNING.getTime() + LEASE_MS + 60_000);
    const later = await runReminderJob('daily', deps());

    // Assess
    expect(soon.messages.filter((message) => message.queued)).toHaveLength(1);
    expect(later.recovered).toEqual([expect.objectContaining({ queued: true })]);
    expect(await held()).toEqual(EXPECTED);
    expect(new Set(queue.ids).size).toBe(2);
  });
});

describe('sending a queued message', () => {
  it('sends it once, however often the queue delivers it', async () => {
    // Prepare
    await runReminderJob('daily', deps());
    const sent: string[] = [];
    const sender: MailSender = {
      send: async (mail) => {
        sent.push(mail.subject);
        return `ses-${sent.length}`;
      },
    };
    const sendDeps = {
      outbox,
      sender,
      clock: { now: () => now },
      baseUrl: 'https://tiendo.example',
    };
    const [id] = queue.ids;

    // Act
    const outcomes = [await sendMessage(id ?? '', sendDeps), await sendMessage(id ?? '', sendDeps)];

    // Assess
    expect(outcomes).toEqual(['sent', 'already-sent']);
    expect(sent).toHaveLength(1);
    expect(await outbox.get(id ?? '')).toMatchObject({
      state: 'sent',
      sent: { providerId: 'ses-1', subject: sent[0] },
    });
  });

  it('records a failed delivery on the message and rethrows it, for the queue to retry', async () => {
    // Prepare
    await runReminderJob('daily', deps());
    const sender: MailSender = {
      send: async () => {
        throw new Error('Throttling: Maximum sending rate exceeded');
      },
    };
    const [id] = queue.ids;

    // Act
    const attempt = sendMessage(id ?? '', {
      outbox,
      sender,
      clock: { now: () => now },
      baseUrl: 'https://tiendo.example',
    });

    // Assess
    await expect(attempt).rejects.toThrow('Throttling');
    expect(await outbox.get(id ?? '')).toMatchObject({
      state: 'queued',
      failures: 1,
      lastError: 'Throttling: Maximum sending rate exceeded',
    });
  });
});
