/**
 * The quarterly rollup: one snapshot per sector. A closed quarter's snapshot is never
 * replaced; a preliminary one is replaced only when its content changed, so running the
 * rollup again over the same data returns the same snapshot, byte for byte.
 */
import {
  compareIso,
  formatQuarter,
  parseQuarter,
  todayInProvince,
  type Quarter,
} from '#shared/domain/calendar.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import { compareNewestFirst, latestActual } from '#shared/domain/risk/task-state.ts';
import { computeSnapshot, type RollupTask } from '#shared/domain/rollup/compute-snapshot.ts';
import { dataWindow, type ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { ROLLUP_COMPLETED, type RollupCompletedV1 } from '#shared/events/rollup-completed.ts';
import type { Clock, EventPublisher } from './progress-ports.ts';
import type { TaskRiskState } from './risk-ports.ts';
import type { RollupRepository } from './rollup-ports.ts';

export interface RunRollupDeps {
  rollups: RollupRepository;
  events: EventPublisher;
  clock: Clock;
}

export interface RollupRequest {
  quarter: Quarter;
  cutoff: ReportingCutoff;
  sectors: readonly Sector[];
}

export function sameQuarterLastYear(quarter: Quarter): Quarter {
  const parsed = parseQuarter(quarter);
  if (!parsed)
    throw new ValidationError(`not a quarter: ${quarter}`, [
      { field: 'quarter', reason: 'like 2026-Q3' },
    ]);
  return formatQuarter(parsed.year - 1, parsed.quarter);
}

/** The quarter before the one `now` falls in: what the quarter-close schedule closes. */
export function previousQuarter(now: Date): Quarter {
  const today = todayInProvince(now);
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1
    ? formatQuarter(year - 1, 4)
    : formatQuarter(year, (quarter - 1) as 1 | 2 | 3);
}

function toRollupTask(
  state: TaskRiskState,
  memberOf: Parameters<typeof latestActual>[3],
): RollupTask {
  const newest = [...state.latest].sort(compareNewestFirst)[0];
  const latestActuals: Record<string, number> = {};
  for (const target of state.task.targets) {
    const actual = latestActual(state.task, state.latest, target.key, memberOf);
    if (actual !== null) latestActuals[target.key] = actual;
  }
  const latestReport = newest ? (({ actuals: _actuals, ...report }) => report)(newest) : null;
  return { task: state.task, latestReport, latestActuals, riskReasons: state.riskReasons };
}

const withoutComputedAt = ({ computedAt: _computedAt, ...rest }: SectorSnapshot) =>
  JSON.stringify(rest);

/**
 * A sector's snapshot as a rollup run now would compute it, without storing it: the
 * rollup's first step, and the web app's live view of the current quarter.
 */
export async function computeSectorSnapshot(
  request: Pick<RollupRequest, 'quarter' | 'cutoff'>,
  sector: Sector,
  deps: Pick<RunRollupDeps, 'rollups'>,
  now: Date,
): Promise<SectorSnapshot> {
  const { quarter, cutoff } = request;
  const memberOf = await deps.rollups.memberships();
  const tasks: RollupTask[] = [];
  for await (const state of deps.rollups.loadSector(sector))
    tasks.push(toRollupTask(state, memberOf));
  const window = dataWindow(quarter, cutoff);
  return computeSnapshot({
    quarter,
    sector,
    cutoff,
    tasks,
    reports: await deps.rollups.reportsReceived(sector, window),
    previousYear: await deps.rollups.getSnapshot(sameQuarterLastYear(quarter), cutoff, sector),
    computedAt: now.toISOString(),
    closed: compareIso(todayInProvince(now), window.end) > 0,
    memberOf,
  });
}

async function rollupSector(
  request: RollupRequest,
  sector: Sector,
  deps: RunRollupDeps,
  now: Date,
): Promise<SectorSnapshot> {
  const existing = await deps.rollups.getSnapshot(request.quarter, request.cutoff, sector);
  if (existing?.status === 'closed') return existing;
  const snapshot = await computeSectorSnapshot(request, sector, deps, now);
  if (existing && withoutComputedAt(existing) === withoutComputedAt(snapshot)) return existing;
  return deps.rollups.saveSnapshot(snapshot);
}

/** What a rollup run produced, per sector: the detail of RollupCompleted and the admin answer. */
export function rollupSummary(snapshots: readonly SectorSnapshot[]): RollupCompletedV1['sectors'] {
  return snapshots.map((s) => ({
    sector: s.sector,
    status: s.status,
    computedAt: s.computedAt,
    tasks: s.basis.tasks,
  }));
}

export async function runRollup(
  request: RollupRequest,
  deps: RunRollupDeps,
): Promise<SectorSnapshot[]> {
  const now = deps.clock.now();
  const snapshots: SectorSnapshot[] = [];
  for (const sector of request.sectors)
    snapshots.push(await rollupSector(request, sector, deps, now));
  const detail: RollupCompletedV1 = {
    version: '1',
    quarter: request.quarter,
    cutoff: request.cutoff,
    sectors: rollupSummary(snapshots),
    completedAt: now.toISOString(),
  };
  await deps.events.publish([{ detailType: ROLLUP_COMPLETED, detail }]);
  return snapshots;
}
