/**
 * `npm run crash-test`: the local runtime killed (SIGKILL) in the middle of a load of
 * report submissions, restarted on the same data folder, and every submission retried by
 * its client until acknowledged. Then a reconciliation, from the store itself:
 *
 * - every acknowledged report id is stored exactly once, and nothing else is stored;
 * - one stored report per distinct Idempotency-Key, and each key kept one report id;
 * - each stored report has exactly one entry in the audit trail;
 * - each agency's latest state of a task (STATE#) and the task's summary (SUMMARY) converged on
 *   the newest stored report (forward-only updates survived the crash and the retries);
 * - a rollup of the current quarter (POST /rollups/{quarter}/runs, its job, then GET) counts exactly
 *   the stored reports, sector by sector.
 *
 * Prints a short summary; exits 1 on any mismatch, 2 on a run that could not complete.
 *
 * Options: --submissions N (10000), --clients N (20), --kill-at F (0.5: the fraction of
 * submissions acknowledged when the runtime is killed), --deadline-s N (1500: the guard
 * against a hang, far above a quiet machine's few minutes), --keep-data, --record (writes
 * the counts to tests/bench/results/crash-test.json, which BENCHMARKS.md shows).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { keys, progressKeys } from '#shared/adapters/dynamodb/keys.ts';
import { startLocalStore } from '#shared/adapters/dynamodb/local-store.ts';
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { isTaskAlive } from '#shared/domain/period/task-life.ts';
import { compareNewestFirst } from '#shared/domain/risk/task-state.ts';
import { devTokensSchema } from '#infra/local/dev-tokens.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { freePort, startChildRuntime, type ChildRuntime } from '../tests/support/child-runtime.ts';
import { seedPlans } from '../tests/support/seed-tasks.ts';

const { values: options } = parseArgs({
  options: {
    submissions: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '20' },
    'kill-at': { type: 'string', default: '0.5' },
    'deadline-s': { type: 'string', default: '1500' },
    'keep-data': { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
  },
});
const SUBMISSIONS = Number(options.submissions);
const CLIENTS = Number(options.clients);
const KILL_AT = Number(options['kill-at']);
const DEADLINE_MS = Number(options['deadline-s']) * 1000;
if (![SUBMISSIONS, CLIENTS].every((n) => Number.isInteger(n) && n > 0) || !(KILL_AT > 0)) {
  console.error('usage: crash-restart [--submissions N] [--clients N] [--kill-at 0..1]');
  process.exit(2);
}

// The children inherit these: only warnings and errors in their logs, no metric lines.
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

interface Submission {
  key: string;
  taskId: string;
  agencyId: string;
  body: { status: 'on_track'; percentComplete: number; narrative: string };
}

interface Client {
  name: string;
  agencyId: string;
  token: string;
  submissions: Submission[];
}

interface Acknowledgement {
  submission: Submission;
  reportId: string;
  /** How many times the client had to send it. */
  attempts: number;
}

/** Set when the runtime dies on its own: every client stops instead of retrying forever. */
let aborted: string | undefined;

/** Watches a runtime: an exit nobody asked for aborts the run, with the runtime's last words. */
function watch(runtime: ChildRuntime): ChildRuntime {
  let stopping = false;
  runtime.child.once('exit', (code, signal) => {
    if (stopping) return;
    aborted = `the runtime exited on its own (code ${code}, signal ${signal})`;
    console.error(`crash-test: ${aborted}; its last output:\n${runtime.output().slice(-4000)}`);
  });
  return {
    ...runtime,
    stop: (signal) => {
      stopping = true;
      return runtime.stop(signal);
    },
  };
}

const counters = {
  /** Requests sent, retries included. */
  sent: 0,
  acknowledged: 0,
  replays: 0,
  networkErrors: 0,
  conflicts: 0,
  unavailable: 0,
  /** Keys that saw a network error: in flight (or sent) while the runtime was down. */
  interruptedKeys: new Set<string>(),
  unexpected: [] as string[],
};

/** The quarter in progress in the province: what a report names when it names no period. */
const currentQuarter = (now: Date) => formatPeriod(currentPeriod('quarter', now));

/**
 * Spreads the clients over the agencies that lead leaf tasks alive in the current quarter
 * (a report on any other is refused), each over its own tasks.
 */
function planClients(agencyTokens: Record<string, string>): Client[] {
  const ledLeaves = new Map<string, string[]>();
  const planPeriods = new Map(seedPlans.plans.map((plan) => [plan.code, plan.period]));
  const quarter = currentPeriod('quarter', new Date());
  for (const task of seedPlans.tasks) {
    const planPeriod = planPeriods.get(task.plan);
    if (task.isGroup || !planPeriod || !isTaskAlive(task, planPeriod, quarter)) continue;
    for (const ref of task.lead) {
      if (!agencyTokens[ref.id]) continue;
      ledLeaves.set(ref.id, [...(ledLeaves.get(ref.id) ?? []), task.id]);
    }
  }
  const agencies = [...ledLeaves.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .slice(0, CLIENTS);
  if (agencies.length === 0) throw new Error('no agency with a token leads a leaf task');
  const perClient = Math.ceil(SUBMISSIONS / CLIENTS);
  const clients: Client[] = [];
  for (let index = 0; index < CLIENTS; index++) {
    const [agencyId, tasks] = agencies[index % agencies.length] as [string, string[]];
    const name = `c${String(index).padStart(2, '0')}`;
    const count = Math.max(0, Math.min(perClient, SUBMISSIONS - index * perClient));
    clients.push({
      name,
      agencyId,
      token: agencyTokens[agencyId] ?? '',
      submissions: Array.from({ length: count }, (_, i) => ({
        key: `crash-${name}-${String(i).padStart(5, '0')}`,
        taskId: tasks[(i + index) % tasks.length] ?? '',
        agencyId,
        body: {
          status: 'on_track',
          percentComplete: i % 101,
          narrative: `${name} submission ${i}`,
        },
      })),
    });
  }
  return clients;
}

/** Sends one submission until the runtime acknowledges it (201), whatever happens meanwhile. */
async function submitUntilAcknowledged(
  url: string,
  client: Client,
  submission: Submission,
  deadline: number,
): Promise<Acknowledgement> {
  for (let attempt = 1; ; attempt++) {
    if (aborted) throw new Error(aborted);
    if (Date.now() > deadline) throw new Error(`deadline passed while sending ${submission.key}`);
    let response: Response;
    counters.sent++;
    try {
      response = await fetch(`${url}/tasks/${submission.taskId}/reports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${client.token}`,
          'content-type': 'application/json',
          'idempotency-key': submission.key,
        },
        body: JSON.stringify(submission.body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      // Refused, reset or cut: the runtime is down or going down. Same key, later.
      counters.networkErrors++;
      counters.interruptedKeys.add(submission.key);
      await sleep(250);
      continue;
    }
    const text = await response.text().catch(() => '');
    if (response.status === 201) {
      const body = JSON.parse(text) as { id: string; taskId: string; agencyId: string };
      if (body.taskId !== submission.taskId || body.agencyId !== submission.agencyId) {
        counters.unexpected.push(`${submission.key}: acknowledged another report ${text}`);
      }
      if (attempt > 1) counters.replays++;
      return { submission, reportId: body.id, attempts: attempt };
    }
    if (response.status === 409) {
      // Still in progress: the killed runtime's attempt holds the key until its lease ends.
      counters.conflicts++;
      await sleep(500);
      continue;
    }
    if (response.status === 503) {
      counters.unavailable++;
      await sleep(250);
      continue;
    }
    counters.unexpected.push(`${submission.key}: ${response.status} ${text.slice(0, 300)}`);
    if (counters.unexpected.length > 20) throw new Error('too many unexpected answers');
    await sleep(250);
  }
}

interface StoredReport {
  PK: string;
  SK: string;
  id: string;
  taskId: string;
  agencyId: string;
  sector: string;
  receivedAt: string;
}

async function scanAll<T>(
  db: ReturnType<typeof createDocumentClient>,
  input: ScanCommandInput,
): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** What a run counts, for BENCHMARKS.md (tests/bench/report/sections/crash.ts). */
export interface CrashTestOutcome {
  recordedOn: string;
  submissions: number;
  clients: number;
  sent: number;
  acknowledged: number;
  stored: number;
  /** Acknowledged reports not stored. */
  lost: number;
  /** Report ids stored more than once, and reports beyond one per key. */
  doubled: number;
  auditEntries: number;
  interruptedKeys: number;
  secondsDown: number;
  reconciled: boolean;
}

let outcome: CrashTestOutcome | undefined;

async function main(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'langson-crash-'));
  const port = await freePort();
  const deadline = started + DEADLINE_MS;
  const mismatches: string[] = [];
  let runtime: ChildRuntime | undefined;
  try {
    runtime = watch(await startChildRuntime(dataDir, port));
    const url = runtime.url;
    const tokens = devTokensSchema.parse(
      JSON.parse(await readFile(join(dataDir, 'tokens.json'), 'utf8')),
    );
    const clients = planClients(tokens.agencies);
    const quarter = currentQuarter(new Date());
    const taskCount = new Set(clients.flatMap((c) => c.submissions.map((s) => s.taskId))).size;
    console.log(
      `crash-test: ${SUBMISSIONS} submissions from ${clients.length} clients (${new Set(clients.map((c) => c.agencyId)).size} agencies, ${taskCount} tasks) on ${url}; SIGKILL at ${Math.round(KILL_AT * 100)}% acknowledged`,
    );

    const loadStarted = Date.now();
    // The crash: once enough is acknowledged, SIGKILL, then the same command on the same data.
    const killAfter = Math.floor(SUBMISSIONS * KILL_AT);
    let crash: Promise<void> | undefined;
    let killedAt = 0;
    let restartedAt = 0;
    let acknowledgedAtKill = 0;
    const crashOnce = () => {
      crash ??= (async () => {
        killedAt = Date.now();
        acknowledgedAtKill = counters.acknowledged;
        const first = runtime as ChildRuntime;
        const code = await first.stop('SIGKILL');
        console.log(
          `crash-test: ${elapsed()}: runtime killed (exit ${code}, signal ${first.child.signalCode}) with ${acknowledgedAtKill} acknowledged (${(acknowledgedAtKill / ((killedAt - loadStarted) / 1000)).toFixed(0)}/s)`,
        );
        runtime = watch(await startChildRuntime(dataDir, port));
        restartedAt = Date.now();
        console.log(`crash-test: ${elapsed()}: runtime restarted on the same data folder`);
      })().catch((error: unknown) => {
        aborted = `the runtime did not restart: ${(error as Error).message}`;
      });
    };

    const acknowledgements: Acknowledgement[] = [];
    await Promise.all(
      clients.map(async (client) => {
        for (const submission of client.submissions) {
          acknowledgements.push(await submitUntilAcknowledged(url, client, submission, deadline));
          counters.acknowledged++;
          if (counters.acknowledged >= killAfter) crashOnce();
        }
      }),
    );
    await crash;
    if (aborted) throw new Error(aborted);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const afterRestart =
      (acknowledgements.length - acknowledgedAtKill) / ((Date.now() - restartedAt) / 1000);
    console.log(
      `crash-test: ${elapsed()}: all ${acknowledgements.length} acknowledged in ${loadSeconds.toFixed(1)} s (${(acknowledgements.length / loadSeconds).toFixed(0)}/s overall, ${afterRestart.toFixed(0)}/s after the restart, ${((restartedAt - killedAt) / 1000).toFixed(1)} s down)`,
    );

    // Each key acknowledged once, with one report id, distinct from every other key's.
    const idOfKey = new Map<string, string>();
    const keyOfId = new Map<string, string>();
    for (const { submission, reportId } of acknowledgements) {
      const scoped = `${submission.agencyId}:${submission.key}`;
      if (idOfKey.has(scoped)) mismatches.push(`key ${scoped} acknowledged twice`);
      idOfKey.set(scoped, reportId);
      const other = keyOfId.get(reportId);
      if (other !== undefined) mismatches.push(`report ${reportId} answers ${other} and ${scoped}`);
      keyOfId.set(reportId, scoped);
    }
    if (idOfKey.size !== SUBMISSIONS) {
      mismatches.push(`${idOfKey.size} distinct keys acknowledged, expected ${SUBMISSIONS}`);
    }

    // The rollup of the current quarter, through the API as an admin would run it.
    const admin = { authorization: `Bearer ${tokens.admin}` };
    const run = await fetch(`${runtime.url}/rollups/${quarter}/runs`, {
      method: 'POST',
      headers: { ...admin, 'idempotency-key': `crash-rollup-${Date.now()}` },
    });
    if (run.status !== 202) mismatches.push(`rollup run answered ${run.status}`);
    // The rollup is a job: followed until it has finished.
    const { id } = (await run.json()) as { id: string };
    for (let status = 'queued'; status === 'queued' || status === 'running';) {
      await sleep(200);
      const job = await fetch(`${runtime.url}/jobs/${id}`, { headers: admin });
      status = ((await job.json()) as { status: string }).status;
      if (status === 'failed') mismatches.push(`the rollup job failed`);
    }
    const read = await fetch(`${runtime.url}/rollups/${quarter}`, {
      headers: { authorization: `Bearer ${tokens.viewer}` },
    });
    const rollup = (await read.json()) as {
      sectors?: { sector: string; basis: { reports: number } }[];
    };
    const rolledUp = new Map((rollup.sectors ?? []).map((s) => [s.sector, s.basis.reports]));

    const stopCode = await runtime.stop('SIGTERM');
    runtime = undefined;
    if (stopCode !== 0) mismatches.push(`the restarted runtime stopped with ${stopCode}`);

    // The store itself, opened after the runtime has stopped.
    const store = await startLocalStore({ path: join(dataDir, 'dynamodb') });
    const db = createDocumentClient(store.endpoint);
    try {
      const reports = await scanAll<StoredReport>(db, {
        TableName: LOCAL_TABLE_NAME,
        FilterExpression: 'entity = :report',
        ExpressionAttributeValues: { ':report': 'report' },
      });
      const states = await scanAll<{
        PK: string;
        SK: string;
        state?: { reportId: string };
        latestReport?: { reportId: string };
      }>(db, {
        TableName: LOCAL_TABLE_NAME,
        FilterExpression: 'begins_with(PK, :task) AND (begins_with(SK, :state) OR SK = :summary)',
        ExpressionAttributeValues: {
          ':task': keys.taskPk(''),
          ':state': progressKeys.statePrefix,
          ':summary': progressKeys.summarySk,
        },
      });

      const audited = await scanAll<{ after?: { reportId?: string } }>(db, {
        TableName: LOCAL_TABLE_NAME,
        FilterExpression: 'entity = :audit AND #action = :submitted',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: { ':audit': 'audit', ':submitted': 'report.submitted' },
      });

      const storedIds = new Map<string, number>();
      for (const report of reports) storedIds.set(report.id, (storedIds.get(report.id) ?? 0) + 1);
      const twice = [...storedIds].filter(([, n]) => n > 1);
      if (twice.length > 0) mismatches.push(`${twice.length} report ids stored more than once`);
      const missing = [...keyOfId.keys()].filter((id) => !storedIds.has(id));
      if (missing.length > 0) {
        mismatches.push(`${missing.length} acknowledged reports not stored: ${missing[0]}…`);
      }
      const unacknowledged = [...storedIds.keys()].filter((id) => !keyOfId.has(id));
      if (unacknowledged.length > 0) {
        mismatches.push(`${unacknowledged.length} stored reports no client acknowledged`);
      }
      if (reports.length !== idOfKey.size) {
        mismatches.push(`${reports.length} reports stored for ${idOfKey.size} distinct keys`);
      }
      const entries = new Map<string, number>();
      for (const entry of audited) {
        const id = entry.after?.reportId ?? '';
        entries.set(id, (entries.get(id) ?? 0) + 1);
      }
      const unaudited = [...storedIds.keys()].filter((id) => !entries.has(id));
      const auditedTwice = [...entries].filter(([, n]) => n > 1);
      if (unaudited.length > 0)
        mismatches.push(`${unaudited.length} reports without an audit entry`);
      if (auditedTwice.length > 0) {
        mismatches.push(`${auditedTwice.length} reports with more than one audit entry`);
      }
      outcome = {
        recordedOn: new Date().toISOString().slice(0, 10),
        submissions: SUBMISSIONS,
        clients: CLIENTS,
        sent: counters.sent,
        acknowledged: acknowledgements.length,
        stored: reports.length,
        lost: missing.length,
        doubled: twice.length + Math.max(0, reports.length - idOfKey.size),
        auditEntries: audited.length,
        interruptedKeys: counters.interruptedKeys.size,
        secondsDown: (restartedAt - killedAt) / 1000,
        reconciled: false,
      };

      // Latest states: the newest stored report per (task, agency) and per task.
      const newest = new Map<string, StoredReport>();
      const consider = (key: string, report: StoredReport) => {
        const current = newest.get(key);
        const order = (r: StoredReport) => ({ receivedAt: r.receivedAt, reportId: r.id });
        if (!current || compareNewestFirst(order(report), order(current)) < 0) {
          newest.set(key, report);
        }
      };
      for (const report of reports) {
        const state = progressKeys.latestStateKey(report.taskId, report.agencyId);
        consider(`${state.PK}|${state.SK}`, report);
        consider(`${keys.taskPk(report.taskId)}|${progressKeys.summarySk}`, report);
      }
      const recorded = new Map(
        states.map((item) => [
          `${item.PK}|${item.SK}`,
          item.SK === 'SUMMARY' ? item.latestReport?.reportId : item.state?.reportId,
        ]),
      );
      const stale = [...newest].filter(([key, report]) => recorded.get(key) !== report.id);
      if (stale.length > 0) {
        const [key, report] = stale[0] as [string, StoredReport];
        mismatches.push(
          `${stale.length} latest states not on the newest report (${key}: ${recorded.get(key)} instead of ${report.id})`,
        );
      }

      // The rollup counts exactly what is stored, sector by sector.
      const storedBySector = new Map<string, number>();
      for (const report of reports) {
        storedBySector.set(report.sector, (storedBySector.get(report.sector) ?? 0) + 1);
      }
      const rolledUpTotal = [...rolledUp.values()].reduce((sum, n) => sum + n, 0);
      for (const [sector, count] of storedBySector) {
        if (rolledUp.get(sector) !== count) {
          mismatches.push(
            `rollup ${quarter} ${sector}: ${rolledUp.get(sector)} reports, ${count} stored`,
          );
        }
      }
      if (currentQuarter(new Date()) !== quarter) {
        console.log(`crash-test: the quarter changed during the run; rollup counts may differ`);
      }

      console.log(
        [
          `crash-test: ${elapsed()}: summary`,
          `  acknowledged      ${acknowledgements.length} (${SUBMISSIONS} keys, ${idOfKey.size} distinct report ids)`,
          `  stored reports    ${reports.length} (${storedIds.size} distinct ids)`,
          `  audit entries     ${audited.length} (${entries.size} reports)`,
          `  rollup ${quarter}   ${rolledUpTotal} reports (${[...rolledUp].map(([s, n]) => `${s} ${n}`).join(', ')})`,
          `  interrupted keys  ${counters.interruptedKeys.size} (retried after network errors: ${counters.networkErrors} attempts)`,
          `  409 while held    ${counters.conflicts}, 503 ${counters.unavailable}, replays ${counters.replays}`,
          `  latest states     ${newest.size} checked`,
        ].join('\n'),
      );
    } finally {
      db.destroy();
      await store.close();
    }
    if (counters.interruptedKeys.size === 0) {
      mismatches.push('no submission was interrupted: the crash did not land mid-load');
    }
    for (const line of counters.unexpected) mismatches.push(`unexpected answer: ${line}`);
  } finally {
    if (runtime) await runtime.stop('SIGKILL').catch(() => undefined);
    if (options['keep-data']) console.log(`crash-test: data kept in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
  if (outcome && options.record) {
    outcome.reconciled = mismatches.length === 0;
    const file = join(import.meta.dirname, '../tests/bench/results/crash-test.json');
    await writeFile(
      file,
      await format(JSON.stringify(outcome), {
        ...(await resolveConfig(file)),
        filepath: file,
      }),
    );
    console.log(`crash-test: recorded in ${file}`);
  }
  if (mismatches.length > 0) {
    console.error(`crash-test: FAILED\n${mismatches.map((m) => `  - ${m}`).join('\n')}`);
    return 1;
  }
  console.log(`crash-test: OK in ${elapsed()}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('crash-test: could not complete:', error);
    process.exit(2);
  },
);
