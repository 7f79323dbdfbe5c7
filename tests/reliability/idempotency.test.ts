/**
 * Idempotency under concurrency, over HTTP on the local platform: simultaneous submissions
 * under one Idempotency-Key store one report; a key reused with another request is 422; and
 * a submission interrupted after its filing, or whose filing was cut short (the local
 * store's transactions are not atomic against a crash), converges, when retried, on exactly
 * the state an uninterrupted submission leaves.
 */
import {
  PutCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { reportSubmissionSchema, type ProgressReport } from '#shared/domain/progress/report.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';
import type {
  EventPublisher,
  FiledReport,
  FilingRemainder,
  ReportFiling,
  ReportRepository,
} from '#shared/use-cases/progress-ports.ts';
import { submitReport, type SubmitReportCommand } from '#shared/use-cases/submit-report.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { auditItems, reportItems, taskPartition, type Item } from '../support/table-items.ts';

const LEAD = 'so-nong-nghiep-va-moi-truong';

let platform: TestPlatform;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  db = createDocumentClient(process.env.DYNAMODB_ENDPOINT);
});
afterAll(async () => {
  db.destroy();
  await platform.bus.drain();
  await platform.stop();
});

const leadToken = () => {
  const token = platform.tokens.agencies[LEAD];
  if (!token) throw new Error(`no development token for ${LEAD}`);
  return token;
};

function submit(taskId: string, body: string, key: string): Promise<Response> {
  return platform.request(`/tasks/${taskId}/reports`, {
    method: 'POST',
    token: leadToken(),
    headers: { 'idempotency-key': key },
    body,
  });
}

describe('simultaneous submissions', () => {
  it('store exactly one report for 50 submissions under one key, every one answering it (none "in progress")', async () => {
    const body = JSON.stringify({
      status: 'on_track',
      percentComplete: 30,
      actuals: { lua: 9000 },
    });

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => submit('KH266-I-2', body, 'concurrent-one-key')),
    );
    const answers = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: await bodyOf(r) })),
    );
    const settled = await submit('KH266-I-2', body, 'concurrent-one-key');
    const stored = await reportItems(db, LOCAL_TABLE_NAME, 'KH266-I-2');

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const accepted = answers;
    expect(settled.status).toBe(201);
    const id = (await bodyOf(settled)).id as string;
    expect(new Set(accepted.map((a) => a.body.id))).toEqual(new Set([id]));
    expect(stored.map((item) => item.id)).toEqual([id]);
  });

  it('treat bodies that parse to the same submission as one request, whatever their spelling', async () => {
    const spellings = [
      '{"status":"delayed","percentComplete":20}',
      '{"percentComplete":20,"status":"delayed"}',
      '{"status":"delayed","percentComplete":20.0,"narrative":"","obstacles":[],"actuals":{}}',
      '{"status":"delayed","percentComplete":2e1,"narrative":"   ","proposals":[]}',
      '{ "status" : "delayed" ,\n "percentComplete" : 20 }',
    ];

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit('KH266-I-12', spellings[i % spellings.length] ?? '', 'spellings'),
      ),
    );
    const answers = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: await bodyOf(r) })),
    );
    const stored = await reportItems(db, LOCAL_TABLE_NAME, 'KH266-I-12');

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(stored.map((item) => item.id)).toEqual([answers[0]?.body.id]);
  });

  it('store one report per key for 50 simultaneous keys, and the latest state is the newest', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit(
          'KH266-I-10',
          JSON.stringify({ status: 'on_track', percentComplete: i }),
          `concurrent-many-${i}`,
        ),
      ),
    );
    const reports = (await Promise.all(responses.map((r) => bodyOf(r)))) as ProgressReport[];
    // The task's official state is derived by the evaluation each report triggers.
    await platform.bus.drain();
    const partition = await taskPartition(db, LOCAL_TABLE_NAME, 'KH266-I-10');
    const stored = await reportItems(db, LOCAL_TABLE_NAME, 'KH266-I-10');

    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    expect(stored.map((item) => item.id).sort()).toEqual(reports.map((r) => r.id).sort());
    const newest = [...reports].sort((a, b) =>
      a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1,
    )[0];
    const task = partition.find((item) => item.SK === 'SUMMARY');
    const state = partition.find((item) => item.SK === `STATE#${LEAD}`);
    expect((task?.latestReport as { reportId?: string } | undefined)?.reportId).toBe(newest?.id);
    expect((state?.state as { reportId?: string } | undefined)?.reportId).toBe(newest?.id);
  });
});

describe('a key reused with another request', () => {
  const first = { status: 'on_track', percentComplete: 10 } as const;
  const canonical = (body: unknown) => JSON.stringify(reportSubmissionSchema.parse(body));

  const otherSubmission = fc
    .record(
      {
        status: fc.constantFrom(
          'not_started',
          'on_track',
          'at_risk',
          'delayed',
          'completed',
          'cancelled',
        ),
        percentComplete: fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.double({ min: 0, max: 100, noNaN: true }),
        ),
        actuals: fc.dictionary(fc.constant('o-dich-hai'), fc.integer({ min: 0, max: 1e6 })),
        narrative: fc.string({ maxLength: 40 }),
        obstacles: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 2 }),
        period: fc.constantFrom('2025-Q4', '2026-01', '2026-Q2'),
      },
      { requiredKeys: ['status', 'percentComplete'] },
    )
    .filter((body) => {
      const parsed = reportSubmissionSchema.safeParse(body);
      return parsed.success && JSON.stringify(parsed.data) !== canonical(first);
    });

  it('is refused with 422 problem+json once the first has completed, storing nothing more', async () => {
    const accepted = await submit('KH266-I-3', JSON.stringify(first), 'reused-key');
    expect(accepted.status).toBe(201);
    const id = (await bodyOf(accepted)).id as string;

    await fc.assert(
      fc.asyncProperty(
        otherSubmission,
        fc.constantFrom('KH266-I-3', 'KH266-I-11'),
        async (body, taskId) => {
          const response = await submit(taskId, JSON.stringify(body), 'reused-key');

          expect(response.status).toBe(422);
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(await bodyOf(response)).toMatchObject({
            status: 422,
            type: expect.stringMatching(/\/idempotency-key-reused$/),
            title: expect.any(String),
            detail: expect.any(String),
          });
        },
      ),
      { numRuns: 25 },
    );

    const replay = await submit('KH266-I-3', JSON.stringify(first), 'reused-key');
    expect(replay.status).toBe(201);
    expect((await bodyOf(replay)).id).toBe(id);
    expect((await reportItems(db, LOCAL_TABLE_NAME, 'KH266-I-3')).map((i) => i.id)).toEqual([id]);
    expect(await reportItems(db, LOCAL_TABLE_NAME, 'KH266-I-11')).toEqual([]);
  });
});

describe('a submission interrupted', () => {
  class Crash extends Error {
    override name = 'SimulatedCrash';
  }

  /** The real store, failing once right after `fileReport` filed the report. */
  class CrashAfterFiling implements ReportRepository {
    crashes = 1;
    constructor(private readonly inner: ReportRepository) {}
    async fileReport(filing: ReportFiling): Promise<FiledReport> {
      const filed = await this.inner.fileReport(filing);
      if (this.crashes-- > 0) throw new Crash('crashed after the filing');
      return filed;
    }
    findFiled(reportId: string): Promise<FiledReport | null> {
      return this.inner.findFiled(reportId);
    }
    completeFiling(filing: FilingRemainder): Promise<void> {
      return this.inner.completeFiling(filing);
    }
    recordLatest(report: ProgressReport): Promise<void> {
      return this.inner.recordLatest(report);
    }
  }

  /** What submitReport needs of the table, through `client`. */
  const storesOn = (client: DynamoDBDocumentClient) => {
    const stores = dynamoStores(client, LOCAL_TABLE_NAME);
    return {
      tasks: stores.progress,
      reports: stores.progress,
      agencies: { get: async () => null },
    };
  };

  /**
   * The table client, its first transaction cut short after the first write (the report)
   * took effect: what a crash in the middle of the local store's transaction leaves.
   */
  function cutShortClient(): DynamoDBDocumentClient {
    let cut = false;
    return new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: { input: TransactWriteCommandInput }) => {
          if (cut || !(command instanceof TransactWriteCommand)) {
            return target.send(command as Parameters<typeof db.send>[0]);
          }
          cut = true;
          const first = command.input.TransactItems?.[0]?.Put;
          if (first) await target.send(new PutCommand(first));
          throw new Crash('crashed in the middle of the filing');
        };
      },
    });
  }

  class RecordingPublisher implements EventPublisher {
    readonly published: DomainEvent[] = [];
    constructor(private failures = 0) {}
    async publish(events: DomainEvent[]): Promise<void> {
      this.published.push(...events);
      if (this.failures-- > 0) throw new Crash('crashed after publishing');
    }
  }

  const receivedFirst = new Date();
  const retriedLater = new Date(receivedFirst.getTime() + 5 * 60_000);

  const command = (taskId: string): SubmitReportCommand => ({
    taskId,
    agencyId: LEAD,
    actsFor: [LEAD, 'cac-so-ban-nganh'],
    reportId: `rep_interrupted-${taskId}`,
    fingerprint: 'the-same-request',
    actor: { tokenId: 'tok_lead', agencyId: LEAD, person: null },
    submission: reportSubmissionSchema.parse({
      status: 'delayed',
      percentComplete: 35,
      narrative: 'Mưa lũ kéo dài',
      obstacles: ['Thiếu giống'],
    }),
  });

  /**
   * What a submission leaves on its task: its reports, the agency's state, the summary's
   * latestReport, and its audit entries.
   */
  async function finalState(taskId: string) {
    const items = await taskPartition(db, LOCAL_TABLE_NAME, taskId);
    const pick = (item: Item) =>
      String(item.SK).startsWith('STATE#')
        ? item
        : item.SK === 'SUMMARY'
          ? { SK: 'SUMMARY', latestReport: item.latestReport }
          : null;
    const relevant = items
      .map(pick)
      .filter((item) => item !== null)
      .sort((a, b) => String(a.SK).localeCompare(String(b.SK)));
    const reports = await reportItems(db, LOCAL_TABLE_NAME, taskId);
    const audit = await auditItems(db, LOCAL_TABLE_NAME, taskId);
    return JSON.parse(
      JSON.stringify({ relevant, reports, audit }).replaceAll(taskId, '<task>'),
    ) as unknown;
  }

  const eventsOf = (publisher: RecordingPublisher, taskId: string) =>
    JSON.parse(JSON.stringify(publisher.published).replaceAll(taskId, '<task>')) as unknown;

  let baseline: { state: unknown; events: unknown };

  beforeAll(async () => {
    const publisher = new RecordingPublisher();
    await submitReport(command('KH266-I-4'), {
      ...storesOn(db),
      events: publisher,
      clock: { now: () => receivedFirst },
    });
    await platform.bus.drain();
    baseline = { state: await finalState('KH266-I-4'), events: eventsOf(publisher, 'KH266-I-4') };
  });

  it('converges, retried later with the same report id, on the uninterrupted state (crash after the filing)', async () => {
    const store = storesOn(db);
    const reports = new CrashAfterFiling(store.reports);
    const publisher = new RecordingPublisher();
    const deps = { ...store, reports, events: publisher };

    await expect(
      submitReport(command('KH266-I-5'), { ...deps, clock: { now: () => receivedFirst } }),
    ).rejects.toBeInstanceOf(Crash);
    const retried = await submitReport(command('KH266-I-5'), {
      ...deps,
      clock: { now: () => retriedLater },
    });
    await platform.bus.drain();

    expect(retried.receivedAt).toBe(receivedFirst.toISOString());
    expect(await finalState('KH266-I-5')).toEqual(baseline.state);
    expect(eventsOf(publisher, 'KH266-I-5')).toEqual(baseline.events);
  });

  it('completes a filing cut short after its report (no audit entry, no state) when retried', async () => {
    const publisher = new RecordingPublisher();

    await expect(
      submitReport(command('KH266-I-6'), {
        ...storesOn(cutShortClient()),
        events: publisher,
        clock: { now: () => receivedFirst },
      }),
    ).rejects.toBeInstanceOf(Crash);
    const interrupted = await finalState('KH266-I-6');
    await submitReport(command('KH266-I-6'), {
      ...storesOn(db),
      events: publisher,
      clock: { now: () => retriedLater },
    });
    await platform.bus.drain();

    expect(interrupted).not.toEqual(baseline.state); // the cut did land between the writes
    expect(await finalState('KH266-I-6')).toEqual(baseline.state);
    expect(eventsOf(publisher, 'KH266-I-6')).toEqual(baseline.events);
  });

  it('republishes, and changes nothing stored, when the retry follows a failed publish', async () => {
    const publisher = new RecordingPublisher(1);
    const deps = { ...storesOn(db), events: publisher };

    await expect(
      submitReport(command('KH266-I-9'), { ...deps, clock: { now: () => receivedFirst } }),
    ).rejects.toBeInstanceOf(Crash);
    await submitReport(command('KH266-I-9'), { ...deps, clock: { now: () => retriedLater } });
    await platform.bus.drain();

    expect(await finalState('KH266-I-9')).toEqual(baseline.state);
    const events = eventsOf(publisher, 'KH266-I-9') as unknown[];
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual(events[1]);
    expect([events[0]]).toEqual(baseline.events);
  });
});
