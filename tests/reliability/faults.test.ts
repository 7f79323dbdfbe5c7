/**
 * Faults of the managed services, injected at the SDK boundary (aws-sdk-client-mock) under
 * the real submit handler, and inside the rollup through its repository port. Every fault
 * is either absorbed (retried) or surfaced as a clear 503 problem+json that the client
 * retries with the same Idempotency-Key; either way, nothing accepted is lost and nothing
 * is counted twice.
 *
 * The table behind the mocked document client is a small in-memory fake with DynamoDB's
 * conditional-put and transaction semantics, so "stored once" is checked on what was
 * actually written.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchGetCommandInput,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/api/submit-report.ts';
import { stableId } from '#functions/api/http/idempotency-key.ts';
import { todayInProvince } from '#shared/domain/calendar.ts';
import { SECTORS, type Sector, type Task } from '#shared/domain/plan/model.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { isTaskAlive } from '#shared/domain/period/task-life.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { LatestReportWithActuals } from '#shared/domain/risk/task-state.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';
import type { TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import type { RollupRepository } from '#shared/use-cases/rollup-ports.ts';
import { runRollup, SCHEDULE_ACTOR } from '#shared/use-cases/run-rollup.ts';
import { agencyCaller, apiEvent, lambdaContext } from '../support/api-event.ts';
import { seedPlans } from '../support/seed-tasks.ts';
import { catalogAnswers, planRecord } from '../support/stored-items.ts';

const documents = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

const LEAD = agencyCaller('so-nong-nghiep-va-moi-truong', ['cac-so-ban-nganh']);
const TASK_ID = 'KH266-I-2';
const BODY = { status: 'on_track', percentComplete: 40, actuals: { lua: 9000 } };
const FIRST_ATTEMPT = new Date('2026-08-15T03:00:00Z');
const RETRY = new Date('2026-08-15T03:01:00Z');

/** The report id a key of the lead agency derives, whatever the attempt. */
const reportIdOf = (key: string) => stableId('rep', `${LEAD.agencyId}:${key}`);

const fault = (name: string, message = name) => Object.assign(new Error(message), { name });
const TRANSIENT = [
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'TimeoutError',
] as const;

type Operation = 'read-task' | 'file' | 'complete';

/**
 * The table's items, by `PK|SK`, and a fault to throw on the n-th call of one operation,
 * before the call takes effect or, with `after`, once it has (the answer is lost).
 */
const table = new Map<string, Record<string, unknown>>();
const calls: Record<Operation, number> = { 'read-task': 0, file: 0, complete: 0 };
let planned: { operation: Operation; call: number; error: Error; after: boolean } | null = null;
/** Whether the agency's stored state is newer than any report sent (its update is refused). */
let newerState = false;

function faultDue(operation: Operation, after: boolean): Error | null {
  if (!after) calls[operation] += 1;
  if (planned?.operation !== operation || planned.call !== calls[operation]) return null;
  if (planned.after !== after) return null;
  const { error } = planned;
  planned = null;
  return error;
}

function maybeFail(operation: Operation, after = false): void {
  const error = faultDue(operation, after);
  if (error) throw error;
}

const keyOf = (item: { PK: unknown; SK: unknown }) => `${String(item.PK)}|${String(item.SK)}`;

/** DynamoDB's TransactWriteItems over the fake table: the report's and audit's conditions. */
function transact(input: TransactWriteCommandInput) {
  maybeFail('file');
  const items = input.TransactItems ?? [];
  const reasons = items.map((entry) => {
    const put = entry.Put;
    if (
      put?.ConditionExpression === 'attribute_not_exists(PK)' &&
      table.has(keyOf(put.Item as never))
    ) {
      return {
        Code: 'ConditionalCheckFailed',
        Item: marshall(table.get(keyOf(put.Item as never)) ?? {}),
      };
    }
    if (entry.Update && newerState) return { Code: 'ConditionalCheckFailed' };
    return { Code: 'None' };
  });
  if (reasons.some((reason) => reason.Code !== 'None')) {
    throw new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: reasons,
    });
  }
  for (const entry of items) {
    const item = entry.Put?.Item;
    if (item) table.set(keyOf(item as never), structuredClone(item));
  }
  maybeFail('file', true);
  return {};
}

const storedReports = () => [...table.values()].filter((item) => item.entity === 'report');
const auditEntries = () => [...table.values()].filter((item) => item.entity === 'audit');
const publishedDetails = () =>
  bus
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => JSON.parse(entry.Detail ?? '{}') as { reportId?: string; receivedAt?: string });

async function submit(key: string, at: Date) {
  vi.setSystemTime(at);
  calls['read-task'] = calls.file = calls.complete = 0;
  const response = await handler(
    apiEvent({
      method: 'POST',
      resource: '/tasks/{taskId}/reports',
      pathParameters: { taskId: TASK_ID },
      headers: { 'Idempotency-Key': key },
      body: BODY,
      caller: LEAD,
    }),
    lambdaContext(),
  );
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}

function expectUnavailable(response: Awaited<ReturnType<typeof submit>>) {
  expect(response.statusCode).toBe(503);
  expect(response.headers?.['content-type']).toBe('application/problem+json');
  expect(response.json).toMatchObject({
    status: 503,
    type: expect.stringMatching(/\/temporarily-unavailable$/),
    title: 'Service Unavailable',
    detail: expect.stringMatching(/\S/),
  });
}

describe('POST /tasks/{taskId}/reports under faults', () => {
  beforeAll(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterAll(() => vi.useRealTimers());

  beforeEach(() => {
    table.clear();
    planned = null;
    newerState = false;
    documents.reset();
    bus.reset();
    const catalog = catalogAnswers(seedPlans.tasks);
    documents.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => {
      maybeFail('read-task');
      return catalog.batchGet(input);
    });
    documents.on(GetCommand).callsFake((input: GetCommandInput) => {
      const { PK, SK } = input.Key as { PK: string; SK: string };
      return PK.startsWith('PLAN#')
        ? catalog.get({ Key: { PK } })
        : { Item: table.get(`${PK}|${SK}`) };
    });
    documents
      .on(QueryCommand)
      .callsFake((input: QueryCommandInput) => catalog.query(input) ?? { Items: [] });
    documents.on(TransactWriteCommand).callsFake(transact);
    // Completing a stored report's filing: its audit entry (put once) and its state.
    documents.on(PutCommand).callsFake((input: PutCommandInput) => {
      maybeFail('complete');
      const key = keyOf(input.Item as never);
      if (input.ConditionExpression === 'attribute_not_exists(PK)' && table.has(key)) {
        throw new ConditionalCheckFailedException({
          message: 'The conditional request failed',
          $metadata: {},
        });
      }
      table.set(key, structuredClone(input.Item as Record<string, unknown>));
      return {};
    });
    documents.on(UpdateCommand).callsFake((_input: UpdateCommandInput) => {
      maybeFail('complete');
      return {};
    });
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
  });

  const cases = TRANSIENT.flatMap((error) =>
    (
      [
        ['reading the task', 'read-task', false, false],
        ['filing the report', 'file', false, false],
        ['the answer to a filing that took effect', 'file', true, true],
      ] as const
    ).map(([step, operation, after, reportWritten]) => ({
      error,
      step,
      operation,
      after,
      reportWritten,
    })),
  );

  it.each(cases)(
    '$error on $step: 503 problem+json, then the retry stores the report once and announces it once',
    async ({ error, operation, after, reportWritten }) => {
      const key = `fault-${error}-${operation}-${after}`;
      planned = { operation, call: 1, error: fault(error), after };

      const refused = await submit(key, FIRST_ATTEMPT);
      const eventsAfterRefusal = publishedDetails();
      const reportsAfterRefusal = storedReports().length;
      const retried = await submit(key, RETRY);

      expectUnavailable(refused);
      expect(eventsAfterRefusal).toEqual([]);
      expect(reportsAfterRefusal).toBe(reportWritten ? 1 : 0);
      expect(retried.statusCode).toBe(201);
      expect(retried.json.id).toBe(reportIdOf(key));
      // A report filed before the fault keeps its first receipt time: the retry finds it.
      expect(retried.json.receivedAt).toBe((reportWritten ? FIRST_ATTEMPT : RETRY).toISOString());
      expect(storedReports().map((item) => item.id)).toEqual([reportIdOf(key)]);
      expect(auditEntries()).toHaveLength(1);
      expect(publishedDetails()).toEqual([
        expect.objectContaining({
          reportId: reportIdOf(key),
          receivedAt: retried.json.receivedAt,
        }),
      ]);
    },
  );

  it('answers a retry of a filed report with the stored report, writing no duplicate', async () => {
    const key = 'filed-before';
    const first = await submit(key, FIRST_ATTEMPT);
    bus.resetHistory();
    documents.resetHistory();

    const again = await submit(key, RETRY);

    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(storedReports()).toHaveLength(1);
    expect(auditEntries()).toHaveLength(1);
    // The filing is completed as the first attempt left it: the state of its receipt time.
    for (const update of documents.commandCalls(UpdateCommand)) {
      expect(update.args[0].input.ExpressionAttributeValues).toMatchObject({
        ':received': FIRST_ATTEMPT.toISOString(),
        ':id': reportIdOf(key),
      });
    }
    expect(publishedDetails()).toEqual([
      expect.objectContaining({
        reportId: reportIdOf(key),
        receivedAt: FIRST_ATTEMPT.toISOString(),
      }),
    ]);
  });

  it('files the report when a newer latest state refuses the forward-only update', async () => {
    newerState = true;

    const response = await submit('older-than-state', FIRST_ATTEMPT);

    expect(response.statusCode).toBe(201);
    expect(storedReports()).toHaveLength(1);
    expect(auditEntries()).toHaveLength(1);
    expect(publishedDetails()).toHaveLength(1);
  });

  it('answers 503 when completing a filed report fails, and converges when retried again', async () => {
    await submit('complete-later', FIRST_ATTEMPT);
    planned = { operation: 'complete', call: 1, error: fault('ThrottlingException'), after: false };

    const refused = await submit('complete-later', RETRY);
    const retried = await submit('complete-later', RETRY);

    expectUnavailable(refused);
    expect(retried.statusCode).toBe(201);
    expect(storedReports()).toHaveLength(1);
    expect(auditEntries()).toHaveLength(1);
  });

  it('retries the entries EventBridge refused (FailedEntryCount > 0) and answers 201 once accepted', async () => {
    bus
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'busy' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-2' }] });

    const response = await submit('bus-partial', FIRST_ATTEMPT);

    expect(response.statusCode).toBe(201);
    const attempts = bus.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toEqual(attempts[0]);
    expect(storedReports()).toHaveLength(1);
  });

  it.each([
    [
      'keeps refusing entries',
      () =>
        bus.on(PutEventsCommand).resolves({
          FailedEntryCount: 1,
          Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'busy' }],
        }),
    ],
    ['throttles PutEvents', () => bus.on(PutEventsCommand).rejects(fault('ThrottlingException'))],
    ['times out', () => bus.on(PutEventsCommand).rejects(fault('TimeoutError'))],
  ])(
    'answers 503 when the bus %s, and the retry announces the report already stored',
    async (_name, breakBus) => {
      breakBus();

      const refused = await submit('bus-down', FIRST_ATTEMPT);
      const reportsWhileDown = storedReports().map((item) => item.id);
      bus.reset();
      bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-3' }] });
      const retried = await submit('bus-down', RETRY);

      expectUnavailable(refused);
      expect(reportsWhileDown).toEqual([reportIdOf('bus-down')]);
      expect(retried.statusCode).toBe(201);
      expect(retried.json).toMatchObject({
        id: reportIdOf('bus-down'),
        receivedAt: FIRST_ATTEMPT.toISOString(),
      });
      expect(storedReports()).toHaveLength(1);
      expect(publishedDetails()).toEqual([
        expect.objectContaining({ reportId: reportIdOf('bus-down') }),
      ]);
    },
  );
});

describe('a rollup interrupted on its second sector', () => {
  const PERIOD = '2026-Q3';
  // The official snapshot of Q3 is taken after its deadline, 18/09/2026 in the province.
  const NOW = new Date('2026-09-20T03:00:00Z'); // 10:00 in the province
  const LATER = new Date('2026-09-20T04:00:00Z');
  const plans: PlanRecord[] = seedPlans.plans.map((plan) => ({
    ...planRecord(plan.code),
    ...plan,
  }));
  const planPeriod = new Map(plans.map((plan) => [plan.code, plan.period]));
  // Leaf tasks alive in the quarter: every report on them counts.
  const leaves = seedPlans.tasks.filter((task) => {
    const days = planPeriod.get(task.plan);
    return (
      !task.isGroup &&
      task.lead.length > 0 &&
      days &&
      isTaskAlive(task, days, requirePeriod(PERIOD))
    );
  });

  class Crash extends Error {
    override name = 'SimulatedCrash';
  }

  type Step =
    'loadSector' | 'reportsDescribing' | 'memberships' | 'latestRevision' | 'saveRevision';

  /**
   * The rollup's reads and writes over fixed tasks and reports. `crash` fails one step of
   * one sector once; `duplicates` makes report reads return some reports twice, as a page
   * read again after a retry would.
   */
  class FakeRollupRepository implements RollupRepository {
    readonly saved = new Map<Sector, SectorSnapshot>();
    saves = 0;
    #membershipCalls = 0;
    #reportReads = 0;

    constructor(
      private readonly reports: readonly ProgressReport[],
      private crash: { step: Step; sector: Sector } | null,
      private readonly duplicates: boolean,
    ) {}

    #maybeCrash(step: Step, sector: Sector): void {
      if (this.crash?.step === step && this.crash.sector === sector) {
        this.crash = null;
        throw new Crash(`crashed in ${step} of ${sector}`);
      }
    }

    async trackedPlans() {
      return plans;
    }

    async *loadSector(sector: Sector): AsyncIterable<TaskRiskState> {
      this.#maybeCrash('loadSector', sector);
      for (const task of leaves.filter((t) => t.sector === sector)) {
        yield {
          task,
          latest: this.#latest(task),
          riskReasons: [],
          announcedCodes: [],
          official: null,
        };
      }
    }

    #latest(task: Task): LatestReportWithActuals[] {
      const newest = new Map<string, ProgressReport>();
      for (const report of this.reports.filter((r) => r.taskId === task.id)) {
        const current = newest.get(report.agencyId);
        if (!current || current.receivedAt < report.receivedAt) newest.set(report.agencyId, report);
      }
      return [...newest.values()].map((r) => ({
        reportId: r.id,
        agencyId: r.agencyId,
        status: r.status,
        percentComplete: r.percentComplete,
        period: r.period,
        asOf: r.asOf,
        receivedAt: r.receivedAt,
        hasObstacles: r.obstacles.length > 0,
        actuals: r.actuals,
      }));
    }

    async reportsDescribing(codes: readonly string[], periods: readonly string[]) {
      this.#reportReads += 1;
      // Read once per sector, in order: the second read is the second sector's.
      if (this.#reportReads === 2) this.#maybeCrash('reportsDescribing', SECTORS[1]);
      const described = this.reports.filter(
        (r) => codes.includes(r.plan) && periods.includes(r.period),
      );
      return this.duplicates
        ? [...described, ...described.filter((_, i) => i % 2 === 0)]
        : described;
    }

    async memberships() {
      this.#membershipCalls += 1;
      // Called once per sector, in order: the second call is the second sector's.
      if (this.#membershipCalls === 2) this.#maybeCrash('memberships', SECTORS[1]);
      return {};
    }

    async latestRevision(period: string, sector: Sector) {
      if (period === PERIOD) this.#maybeCrash('latestRevision', sector);
      return period === PERIOD ? (this.saved.get(sector) ?? null) : null;
    }

    async getRevision(period: string, sector: Sector, revision: number) {
      const saved = period === PERIOD ? this.saved.get(sector) : undefined;
      return saved?.revision === revision ? saved : null;
    }

    async getPreliminary() {
      return null;
    }

    async savePreliminary(): Promise<void> {
      throw new Error('a period past its deadline has no preliminary snapshot');
    }

    async saveRevision(snapshot: SectorSnapshot) {
      this.#maybeCrash('saveRevision', snapshot.sector);
      const stored = this.saved.get(snapshot.sector);
      if (stored && stored.revision >= snapshot.revision) return stored;
      this.saves += 1;
      this.saved.set(snapshot.sector, snapshot);
      return snapshot;
    }
  }

  class RecordingPublisher {
    readonly published: DomainEvent[] = [];
    async publish(events: DomainEvent[]) {
      this.published.push(...events);
    }
  }

  const withoutTimes = ({ computedAt: _c, ...rest }: SectorSnapshot) => rest;

  const reportArbitrary = fc.record({
    task: fc.constantFrom(...leaves),
    // Days after 1 July: from 8 July (KH267's first day) to the deadline (18/09).
    day: fc.integer({ min: 7, max: 79 }),
    hour: fc.integer({ min: 0, max: 16 }), // UTC: the same day in the province
    status: fc.constantFrom<ProgressReport['status']>(
      'on_track',
      'delayed',
      'completed',
      'not_started',
    ),
    percentComplete: fc.integer({ min: 0, max: 100 }),
  });

  type ReportInput = typeof reportArbitrary extends fc.Arbitrary<infer T> ? T : never;

  function toReport(input: ReportInput, index: number): ProgressReport {
    const received = new Date(Date.parse('2026-07-01T00:00:00Z') + input.day * 86_400_000);
    received.setUTCHours(input.hour);
    const agencyId = input.task.lead[0]?.id ?? '';
    return {
      id: `rep_${String(index).padStart(4, '0')}`,
      taskId: input.task.id,
      agencyId,
      plan: input.task.plan,
      sector: input.task.sector,
      period: PERIOD,
      status: input.status,
      percentComplete: input.percentComplete,
      actuals: {},
      actualsStatus: 'estimate',
      narrative: '',
      obstacles: [],
      proposals: [],
      asOf: todayInProvince(received),
      receivedAt: received.toISOString(),
      deadline: '2026-09-18',
      timeliness: 'on_time',
    };
  }

  const deps = (rollups: RollupRepository, events: RecordingPublisher, now: Date) => ({
    rollups,
    events,
    clock: { now: () => now },
    figures: async () => [],
    audit: { record: async () => undefined },
  });

  it('converges, when retried, on the snapshots of an uninterrupted run, counting each report once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportArbitrary, { maxLength: 60 }),
        fc.constantFrom<Step>(
          'loadSector',
          'reportsDescribing',
          'memberships',
          'latestRevision',
          'saveRevision',
        ),
        fc.boolean(),
        async (inputs, step, duplicates) => {
          const reports = inputs.map(toReport);
          const request = { period: PERIOD, sectors: SECTORS, actor: SCHEDULE_ACTOR } as const;
          const reference = new FakeRollupRepository(reports, null, false);
          const expected = await runRollup(request, deps(reference, new RecordingPublisher(), NOW));
          const crashing = new FakeRollupRepository(
            reports,
            { step, sector: SECTORS[1] },
            duplicates,
          );
          const events = new RecordingPublisher();

          await expect(runRollup(request, deps(crashing, events, NOW))).rejects.toBeInstanceOf(
            Crash,
          );
          const eventsAfterCrash = events.published.length;
          const retried = await runRollup(request, deps(crashing, events, LATER));

          expect(eventsAfterCrash).toBe(0);
          expect(events.published).toHaveLength(1);
          expect(retried.map(({ snapshot }) => withoutTimes(snapshot))).toEqual(
            expected.map(({ snapshot }) => withoutTimes(snapshot)),
          );
          for (const sector of SECTORS) {
            const stored = crashing.saved.get(sector);
            const reference_ = reference.saved.get(sector);
            expect(stored && withoutTimes(stored)).toEqual(reference_ && withoutTimes(reference_));
            expect(stored?.revision).toBe(1);
          }
          // The first sector's snapshot, saved before the crash, is not saved again.
          expect(crashing.saves).toBe(SECTORS.length);
          const counted = new Map(
            retried.map(({ snapshot }) => [snapshot.sector, snapshot.basis.reports]),
          );
          for (const sector of SECTORS) {
            const distinct = new Set(reports.filter((r) => r.sector === sector).map((r) => r.id));
            expect(counted.get(sector)).toBe(distinct.size);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
