/**
 * The rollup of a period: one snapshot per sector, taken as the moment allows
 * (rollup/snapshot-timing.ts):
 *
 * - before the period's deadline, a preliminary snapshot, replaced only when its content
 *   changed (running it again over the same data returns the same snapshot);
 * - once the deadline has passed, the official snapshot (revision 1) if there is none:
 *   what was received by the deadline, however late it is computed;
 * - after that, a revision numbered after the latest, only when something the period's
 *   data decide has changed (a late report, a final figure after an estimate), saying
 *   what changed. No revision is ever replaced.
 *
 * The daily job (`closePeriods`) runs it for every period whose deadline has passed; an
 * admin runs it for any period at any time: nothing closes a period before its deadline.
 */
import { entityOf, SCHEDULE_ACTOR, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { UnprocessableError } from '#shared/domain/errors.ts';
import type { IndicatorFigures } from '#shared/domain/indicator/figures.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import {
  formatPeriod,
  requirePeriod,
  type Period,
  type PeriodCode,
} from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { periodsWithin } from '#shared/domain/period/period-parts.ts';
import { previousYearPeriod } from '#shared/domain/period/period-relations.ts';
import { periodRange, rangesOverlap } from '#shared/domain/period/period-span.ts';
import { PROVINCE_REPORTING_CALENDAR } from '#shared/domain/period/reporting-calendar.ts';
import { planCalendar, type PlanRecord } from '#shared/domain/registry/plan-record.ts';
import { computeSnapshot, type RollupTask } from '#shared/domain/rollup/compute-snapshot.ts';
import { counts } from '#shared/domain/progress/report.ts';
import { hasNewData } from '#shared/domain/rollup/snapshot-changes.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import {
  officialDeadline,
  periodsDue,
  snapshotMoment,
  type SnapshotMoment,
} from '#shared/domain/rollup/snapshot-timing.ts';
import { ROLLUP_COMPLETED, type RollupCompletedV2 } from '#shared/events/rollup-completed.ts';
import type { Clock, EventPublisher } from './progress-ports.ts';
import type { AuditLog } from './registry/registry-ports.ts';
import type { RollupRepository } from './rollup-ports.ts';

export interface RunRollupDeps {
  rollups: RollupRepository;
  events: EventPublisher;
  clock: Clock;
  /** The indicator figures of a period, counting what was received by `knownAt`. */
  figures: (period: Period, knownAt: Date) => Promise<IndicatorFigures[]>;
  /** Every snapshot written (preliminary, official, revision) is recorded. */
  audit: AuditLog;
}

export { SCHEDULE_ACTOR };

export interface RollupRequest {
  period: PeriodCode;
  sectors: readonly Sector[];
  /** Who asked: an admin's token, or the schedule. */
  actor: Actor;
  /** Told before each sector is rolled up (`done` of `total`), for a job's progress. */
  onSector?: (sector: Sector, done: number, total: number) => Promise<void>;
}

/** What one sector's run did: the snapshot it left, and whether it wrote one. */
export interface SectorRun {
  snapshot: SectorSnapshot;
  written: boolean;
}

/** What a rollup run produced, per sector: the detail of RollupCompleted and the admin answer. */
export function rollupSummary(runs: readonly SectorRun[]): RollupCompletedV2['sectors'] {
  return runs.map(({ snapshot, written }) => ({
    sector: snapshot.sector,
    status: snapshot.status,
    revision: snapshot.revision,
    computedAt: snapshot.computedAt,
    tasks: snapshot.basis.tasks,
    written,
  }));
}

/** No tracked plan covers the period: there is nothing to roll up. */
function withoutPlans(period: Period): UnprocessableError {
  return new UnprocessableError(
    'period-without-plans',
    `không có kế hoạch nào được theo dõi trong ${periodLabel(period, 'inline')}: không có gì để tổng hợp`,
    [{ field: 'path.period', reason: 'không kế hoạch nào có thời gian trùng với kỳ này' }],
  );
}

/**
 * Refuses at once a period no tracked plan covers, before a rollup of it is queued as a
 * job: the caller hears it from its request, not from the job.
 */
export async function checkRollable(
  code: PeriodCode,
  deps: Pick<RunRollupDeps, 'rollups'>,
): Promise<void> {
  const period = requirePeriod(code);
  const plans = await deps.rollups.trackedPlans();
  if (!plans.some((plan) => rangesOverlap(plan.period, periodRange(period)))) {
    throw withoutPlans(period);
  }
}

export async function runRollup(request: RollupRequest, deps: RunRollupDeps): Promise<SectorRun[]> {
  const now = deps.clock.now();
  const period = requirePeriod(request.period);
  const scope = await periodScope(period, deps);
  if (!scope) throw withoutPlans(period);
  const runs: SectorRun[] = [];
  for (const sector of request.sectors) {
    await request.onSector?.(sector, runs.length, request.sectors.length);
    const latest = await deps.rollups.latestRevision(request.period, sector);
    const moment = snapshotMoment(scope.deadline, now, latest !== null);
    runs.push(await rollupSector({ ...scope, period, sector, moment, latest, now }, deps));
  }
  const detail: RollupCompletedV2 = {
    version: '2',
    period: formatPeriod(period),
    sectors: rollupSummary(runs),
    completedAt: now.toISOString(),
  };
  await recordRuns(runs, request.actor, now, deps);
  await deps.events.publish([{ detailType: ROLLUP_COMPLETED, detail }]);
  return runs;
}

/** One audit entry per snapshot written; its id is the snapshot's, so a retry records it once. */
async function recordRuns(
  runs: readonly SectorRun[],
  actor: Actor,
  now: Date,
  deps: Pick<RunRollupDeps, 'audit'>,
): Promise<void> {
  for (const { snapshot, written } of runs) {
    if (!written) continue;
    const { period, sector, status, revision, computedAt, basis, counts } = snapshot;
    await deps.audit.record({
      id: `rollup:${period}:${sector}:${revision}:${computedAt}`,
      at: now.toISOString(),
      action: 'rollup.run',
      entity: entityOf.rollup(period),
      actor,
      before: null,
      after: { sector, status, revision, computedAt, tasks: basis.tasks, counts },
    });
  }
}

/**
 * The sectors' snapshots of a period as they stand now, computed and not stored: the web
 * app's live view (leaders see a report the moment it is filed, not at the next run).
 * Empty when no plan covers the period.
 */
export async function liveSnapshots(
  code: PeriodCode,
  sectors: readonly Sector[],
  deps: Omit<RunRollupDeps, 'events' | 'audit'>,
): Promise<SectorSnapshot[]> {
  const now = deps.clock.now();
  const period = requirePeriod(code);
  const scope = await periodScope(period, deps);
  if (!scope) return [];
  const moment = { kind: 'preliminary', knownAt: now } as const;
  return Promise.all(
    sectors.map((sector) =>
      freshSnapshot({ ...scope, period, sector, moment, latest: null, now }, 0, deps),
    ),
  );
}

/** The plans a period's rollup covers, its official deadline and its figures. */
async function periodScope(period: Period, deps: Omit<RunRollupDeps, 'events' | 'audit'>) {
  const plans = (await deps.rollups.trackedPlans()).filter((plan) =>
    rangesOverlap(plan.period, periodRange(period)),
  );
  if (plans.length === 0) return null;
  return {
    plans,
    deadline: officialDeadline(period, timed(plans)),
    figures: memoFigures(period, deps),
  };
}

/**
 * The daily job: every period of this year and the last whose deadline has passed gets
 * its official snapshot if it has none, and a revision if late data came in since.
 */
export async function closePeriods(
  sectors: readonly Sector[],
  deps: RunRollupDeps,
): Promise<{ period: PeriodCode; sectors: RollupCompletedV2['sectors'] }[]> {
  const due = periodsDue(deps.clock.now(), timed(await deps.rollups.trackedPlans()));
  const results = [];
  for (const period of due) {
    const code = formatPeriod(period);
    results.push({
      period: code,
      sectors: rollupSummary(
        await runRollup({ period: code, sectors, actor: SCHEDULE_ACTOR }, deps),
      ),
    });
  }
  return results;
}

interface SectorJob {
  period: Period;
  sector: Sector;
  plans: readonly PlanRecord[];
  deadline: string;
  moment: SnapshotMoment;
  latest: SectorSnapshot | null;
  now: Date;
  figures: (knownAt: Date) => Promise<IndicatorFigures[]>;
}

async function rollupSector(job: SectorJob, deps: RunRollupDeps): Promise<SectorRun> {
  const { moment, latest } = job;
  const existing =
    moment.kind === 'preliminary'
      ? await deps.rollups.getPreliminary(formatPeriod(job.period), job.sector)
      : null;
  const revision =
    moment.kind === 'preliminary'
      ? 0
      : moment.kind === 'official'
        ? 1
        : (latest?.revision ?? 0) + 1;
  const fresh = await freshSnapshot(job, revision, deps);
  switch (moment.kind) {
    case 'preliminary':
      if (existing && !hasNewData(existing, fresh) && sameRisks(existing, fresh)) {
        return { snapshot: existing, written: false };
      }
      await deps.rollups.savePreliminary(fresh);
      return { snapshot: fresh, written: true };
    case 'official':
      return written(fresh, await deps.rollups.saveRevision(fresh));
    case 'revision':
      if (latest && !hasNewData(latest, fresh)) return { snapshot: latest, written: false };
      return written(fresh, await deps.rollups.saveRevision(fresh));
  }
}

/** The snapshot of the job's sector as the data stand at its moment. */
async function freshSnapshot(
  job: SectorJob,
  revision: number,
  deps: Omit<RunRollupDeps, 'events' | 'audit'>,
): Promise<SectorSnapshot> {
  const tasks = await loadTasks(job, deps);
  // Only the plans with tasks in the sector: a plan's reports are read once per sector it
  // has tasks in (KH266 spans three), never for a sector it has none in.
  const plansOfSector = [...new Set(tasks.map(({ task }) => task.plan))];
  return computeSnapshot({
    period: formatPeriod(job.period),
    sector: job.sector,
    cutoff: PROVINCE_REPORTING_CALENDAR.cutoff,
    deadline: job.deadline,
    tasks,
    // Only reports that count: no approval asked of them, or accepted.
    reports:
      plansOfSector.length === 0
        ? []
        : (
            await deps.rollups.reportsDescribing(
              plansOfSector,
              periodsWithin(job.period).map(formatPeriod),
            )
          ).filter(counts),
    previousYear: await previousYear(job, deps),
    figures: await job.figures(job.moment.knownAt),
    knownAt: job.moment.knownAt.toISOString(),
    computedAt: job.now.toISOString(),
    revision,
    previousRevision: job.moment.kind === 'revision' ? job.latest : null,
    memberOf: await deps.rollups.memberships(),
  });
}

/** Another run may have stored the revision first: then it is what stands. */
function written(fresh: SectorSnapshot, stored: SectorSnapshot): SectorRun {
  return { snapshot: stored, written: stored.computedAt === fresh.computedAt };
}

const sameRisks = (a: SectorSnapshot, b: SectorSnapshot) =>
  JSON.stringify(a.atRisk) === JSON.stringify(b.atRisk);

async function loadTasks(
  job: SectorJob,
  deps: Pick<RunRollupDeps, 'rollups'>,
): Promise<RollupTask[]> {
  const planPeriods = new Map(job.plans.map((plan) => [plan.code, plan.period]));
  const tasks: RollupTask[] = [];
  for await (const state of deps.rollups.loadSector(job.sector, [...planPeriods.keys()])) {
    const planPeriod = planPeriods.get(state.task.plan);
    if (!planPeriod) continue;
    tasks.push({
      task: state.task,
      planPeriod,
      states: state.latest.map(({ actuals: _actuals, ...report }) => report),
      riskReasons: state.riskReasons,
    });
  }
  return tasks;
}

/** Last year's latest revision of the period, for the targets' same-period ratios. */
async function previousYear(
  job: SectorJob,
  deps: Pick<RunRollupDeps, 'rollups'>,
): Promise<SectorSnapshot | null> {
  const before = previousYearPeriod(job.period);
  return before ? deps.rollups.latestRevision(formatPeriod(before), job.sector) : null;
}

function timed(plans: readonly PlanRecord[]) {
  return plans.map((plan) => ({ period: plan.period, calendar: planCalendar(plan) }));
}

/** The figures are the same for every sector of a run: computed once per instant. */
function memoFigures(period: Period, deps: Pick<RunRollupDeps, 'figures'>) {
  const memo = new Map<number, Promise<IndicatorFigures[]>>();
  return (knownAt: Date) => {
    const key = knownAt.getTime();
    if (!memo.has(key)) memo.set(key, deps.figures(period, knownAt));
    return memo.get(key) as Promise<IndicatorFigures[]>;
  };
}
