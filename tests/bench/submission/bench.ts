/**
 * Part 1: a report submission over the local HTTP API against the floor under it, a raw
 * PutItem of the same report item on the same dynalite store, at 1, 10 and 50 concurrent
 * clients over 100 tasks and at 10 clients on one task, side by side; then the capacity
 * each accepted report consumes.
 */
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { runMeasurement, runScript, startServer } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import type { SubmissionCapacity } from './capacity.ts';
import { runLoad, type LoadResult } from './load.ts';
import type { PlatformInfo } from './platform-server.ts';
import { RAW_PUT_PERIOD, rawPutRequests } from './raw-put.ts';
import { reportRequest, TASK_COUNT, tasksOfLevel, type ReportedTask } from './tasks.ts';

/** Clients, and the tasks they send over in turn. */
export const LEVELS = [
  { connections: 1, tasks: TASK_COUNT },
  { connections: 10, tasks: TASK_COUNT },
  { connections: 10, tasks: 1 },
  { connections: 50, tasks: TASK_COUNT },
] as const;

/** A phase's load, and the platform process's CPU time per accepted request during it. */
export type MeasuredLoad = LoadResult & {
  /**
   * Milliseconds of CPU the platform process (gateway, handlers, store, bus and risk
   * evaluations) spent per accepted request, backlog drained: the work a request costs,
   * which the load of a shared machine does not change as it changes the wall clock.
   */
  cpuMsPerRequest?: number;
};

export interface SubmissionLevel {
  connections: number;
  /** How many tasks the clients send over in turn (1: every report on the same task). */
  tasks: number;
  http: MeasuredLoad;
  raw: MeasuredLoad;
  /** Time the local bus took to finish the risk evaluations still queued after the HTTP phase. */
  httpBacklogDrainMs: number;
}

export interface SubmissionPartResult {
  secondsPerPhase: number;
  levels: SubmissionLevel[];
  /**
   * Every request must write a new report: the reports stored after the run against the 2xx
   * answers counted (warm-up included). Stored may exceed answered by the requests still in
   * flight when a phase stopped, which are stored but whose answers are not counted.
   */
  reportsAnswered: number;
  reportsStored: number;
  capacity: SubmissionCapacity;
}

runMeasurement(async () => {
  const { quick } = readOptions();
  const seconds = quick ? 3 : 10;
  const server = await startServer<PlatformInfo>('tests/bench/submission/platform-server.ts');
  const { url, storeEndpoint, tableName, agencyTokens } = server.ready;
  const http = (prefix: string, tasks: readonly ReportedTask[]) => (n: number) => {
    const report = reportRequest(prefix, n, tasks);
    return {
      path: report.path,
      headers: {
        authorization: `Bearer ${agencyTokens[report.agencyId] ?? ''}`,
        'content-type': 'application/json',
        'idempotency-key': report.idempotencyKey,
      },
      body: report.body,
    };
  };
  const load = async (
    target: 'http' | 'raw',
    level: { connections: number; tasks: number },
    phaseSeconds: number,
    prefix: string,
  ): Promise<MeasuredLoad & { drainMs: number }> => {
    const tasks = tasksOfLevel(level.tasks);
    const cpuBefore = await server.call<number>('cpu');
    const result = await runLoad({
      url: target === 'http' ? url : storeEndpoint,
      connections: level.connections,
      seconds: phaseSeconds,
      request: target === 'http' ? http(prefix, tasks) : rawPutRequests(tableName, prefix, tasks),
    });
    const drainMs = await server.call<number>('drain');
    const cpuMs = (await server.call<number>('cpu')) - cpuBefore;
    return { ...result, cpuMsPerRequest: cpuMs / Math.max(1, result.accepted), drainMs };
  };

  const levels: SubmissionLevel[] = [];
  // HTTP reports describe the quarter in progress, raw ones the quarter raw-put.ts names.
  const quarter = () => formatPeriod(currentPeriod('quarter', new Date()));
  const periods = new Set([quarter(), RAW_PUT_PERIOD]);
  let reportsAnswered = 0;
  let reportsStored = 0;
  try {
    progress('submission', 'warming up (handlers load, JIT settles)');
    const warmUp = { connections: 10, tasks: TASK_COUNT };
    for (const warm of [
      await load('http', warmUp, quick ? 1 : 3, 'warm'),
      await load('raw', warmUp, quick ? 1 : 3, 'w'),
    ]) {
      reportsAnswered += warm.accepted;
    }
    await server.call('drain');
    for (const level of LEVELS) {
      const { connections, tasks } = level;
      progress(
        'submission',
        `${connections} client(s) over ${tasks} task(s): raw PutItem, then HTTP, ${seconds} s each`,
      );
      const prefix = `c${connections}t${tasks}`;
      const { drainMs: _rawDrain, ...raw } = await load('raw', level, seconds, `${prefix}x`);
      const { drainMs, ...httpResult } = await load('http', level, seconds, prefix);
      levels.push({ connections, tasks, http: httpResult, raw, httpBacklogDrainMs: drainMs });
      reportsAnswered += raw.accepted + httpResult.accepted;
    }
    periods.add(quarter());
    reportsStored = await server.call<number>('countReports', [...periods]);
    if (reportsStored < reportsAnswered) {
      throw new Error(`${reportsAnswered} reports answered but only ${reportsStored} stored`);
    }
  } finally {
    await server.stop();
  }
  progress('submission', 'counting capacity units per report');
  // Its platform's logs are not this part's output.
  const capacity = await runScript<SubmissionCapacity>(
    'tests/bench/submission/capacity.ts',
    [String(quick ? 11 : 22)],
    { env: { POWERTOOLS_LOG_LEVEL: 'ERROR' } },
  );
  return {
    secondsPerPhase: seconds,
    levels,
    reportsAnswered,
    reportsStored,
    capacity,
  } satisfies SubmissionPartResult;
});
