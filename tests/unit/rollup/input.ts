/**
 * Snapshot inputs for the rollup tests: a period's defaults (agriculture, 2026-Q3 on the
 * calendar cut-off, official, with a deadline on 10/10/2026 that counts what came by its
 * end) and tasks with their plan's days and their agencies' latest states.
 */
import { endOfDayInstant } from '#shared/domain/calendar.ts';
import type { Task } from '#shared/domain/plan/model.ts';
import { latestReportOf, type ProgressReport } from '#shared/domain/progress/report.ts';
import type { RiskReason } from '#shared/domain/progress/task-view.ts';
import type { RollupTask, SnapshotInput } from '#shared/domain/rollup/compute-snapshot.ts';

export const KH266_DAYS = { start: '2026-07-01', end: '2026-12-31' };
export const KH267_DAYS = { start: '2026-07-08', end: '2030-12-31' };
export const DEADLINE = '2026-10-10';
/** The end of the deadline day in the province: what the official snapshot knows. */
export const KNOWN_AT = endOfDayInstant(DEADLINE).toISOString();

export function snapshotInput(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    period: '2026-Q3',
    sector: 'agriculture',
    cutoff: 'calendar',
    deadline: DEADLINE,
    tasks: [],
    reports: [],
    previousYear: null,
    figures: [],
    knownAt: KNOWN_AT,
    computedAt: '2026-10-10T17:05:00.000Z', // 00:05 on 11/10 in the province
    revision: 1,
    ...overrides,
  };
}

/** The latest state a report leaves for its agency. */
export const stateOf = latestReportOf;

/** A task as the rollup reads it: in KH266 unless its plan says otherwise. */
export function rollupTask(
  task: Task,
  options: {
    planPeriod?: RollupTask['planPeriod'];
    /** The reports whose states stand (one per agency: the newest of each). */
    latest?: readonly ProgressReport[];
    riskReasons?: RiskReason[];
  } = {},
): RollupTask {
  const newest = new Map<string, ProgressReport>();
  for (const report of options.latest ?? []) {
    const current = newest.get(report.agencyId);
    if (!current || current.receivedAt < report.receivedAt) newest.set(report.agencyId, report);
  }
  return {
    task,
    planPeriod: options.planPeriod ?? (task.plan === 'KH267' ? KH267_DAYS : KH266_DAYS),
    states: [...newest.values()].map(stateOf),
    riskReasons: options.riskReasons ?? [],
  };
}
