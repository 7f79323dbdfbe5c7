/**
 * The rollup of one sector for one period: pure and deterministic. The same input gives a
 * byte-identical `JSON.stringify`, whatever the order of its lists: every list is sorted
 * by a stable key, sums run in that order, and time enters only as `knownAt` and
 * `computedAt`.
 *
 * - Tasks: the sector's non-group tasks alive in the period (period/task-life.ts): their
 *   plan's period and their own schedule share a day with it, and they had not been
 *   completed or cancelled before it began, by what was known at `knownAt`. A task of a
 *   plan issued in July 2026 is absent from 2026-Q2.
 * - Reports: those describing the period or a period inside it (a quarter's months),
 *   received by `knownAt`, whenever that was: a report on the third quarter sent on
 *   5 October counts in the third quarter. When a report came in decides only whether
 *   it was on time, which it carries (reporting-rates.ts).
 * - Categories are judged on the as-of day: the period's end, its deadline or the day of
 *   `knownAt`, whichever comes first. Revisions, taken with a later `knownAt`, keep the
 *   official snapshot's as-of day (the deadline): they differ from it only by what came
 *   in late.
 */
import { compareIso, todayInProvince, type DateRange, type IsoDate } from '../calendar.ts';
import type { IndicatorFigures } from '../indicator/figures.ts';
import type { Sector, Task } from '../plan/model.ts';
import { dataWindow, type ReportingCutoff } from '../period/data-window.ts';
import {
  formatPeriod,
  periodOfCode,
  requirePeriod,
  type Period,
  type PeriodCode,
} from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { periodContains, periodRange, rangesOverlap } from '../period/period-span.ts';
import { taskLifespan } from '../period/task-life.ts';
import type { LatestReport } from '../progress/report.ts';
import type { RiskReason } from '../progress/task-view.ts';
import { roundDecimal } from '../risk/decimal.ts';
import { compareNatural, compareText } from '../risk/order.ts';
import { compareRiskCodes } from '../risk/risk-config.ts';
import type { Memberships } from '../risk/task-state.ts';
import { countCategories } from './counts.ts';
import { reportingRates } from './reporting-rates.ts';
import {
  compareOldestFirst,
  fromProgressReport,
  type ReportFact,
  type ReportSource,
} from './report-timeline.ts';
import { sectionSummaries } from './sections.ts';
import { snapshotChanges } from './snapshot-changes.ts';
import type { AtRiskTask, SectorSnapshot } from './snapshot-schema.ts';
import { targetRows } from './target-rows.ts';
import { taskOutcome } from './task-outcome.ts';

/** A task as the rollup reads it once. */
export interface RollupTask {
  task: Task;
  /** The days of its plan. */
  planPeriod: DateRange;
  /** Each agency's latest report on it: whether (and when) it was completed or cancelled. */
  states: readonly LatestReport[];
  riskReasons: RiskReason[];
}

export interface SnapshotInput {
  period: PeriodCode;
  sector: Sector;
  /** The province's cut-off: the data window the snapshot states. */
  cutoff: ReportingCutoff;
  /** The day the official snapshot is taken at the end of. */
  deadline: IsoDate;
  tasks: readonly RollupTask[];
  /**
   * Reports on the sector's tasks describing the period or a period inside it; any other,
   * or one received after `knownAt`, is left out.
   */
  reports: readonly ReportSource[];
  /** The same sector's snapshot of the same period a year before, if any. */
  previousYear: SectorSnapshot | null;
  /** The indicator figures of the period (any sector's: the sector's are kept). */
  figures: readonly IndicatorFigures[];
  /** ISO instant: what was received by then counts. */
  knownAt: string;
  /** ISO instant. */
  computedAt: string;
  /** 0 for a preliminary snapshot, 1 for the official one, 2… for revisions. */
  revision: number;
  /** The revision before this one, to say what changed (revisions from 2 on). */
  previousRevision?: SectorSnapshot | null;
  /** Agency → collectives it belongs to (a commune's report counts for "UBND các xã"). */
  memberOf?: Memberships;
}

export function computeSnapshot(input: SnapshotInput): SectorSnapshot {
  const { sector, cutoff, knownAt } = input;
  const period = requirePeriod(input.period);
  const memberOf = input.memberOf ?? {};
  checkPreviousYear(input, period);
  const days = periodRange(period);
  const knownOn = todayInProvince(new Date(knownAt));
  const asOf = [days.end, input.deadline, knownOn].sort(compareIso)[0] ?? days.end;

  const tasks = aliveTasks(input.tasks, sector, period, knownAt);
  const taskIds = new Set(tasks.map(({ entry }) => entry.task.id));
  const reports = periodReports(input.reports, period, taskIds, knownAt);
  const reportsOf = groupByTask(reports);

  const evaluated = tasks.map(({ entry, life }) => {
    const known = reportsOf.get(entry.task.id) ?? [];
    return { entry, life, known, outcome: taskOutcome(entry.task, known, asOf, memberOf) };
  });

  const percents = evaluated
    .map(({ outcome }) => outcome.percentComplete)
    .filter((percent): percent is number => percent !== null);
  const atRisk: AtRiskTask[] = evaluated
    .filter(({ entry }) => entry.riskReasons.length > 0)
    .map(({ entry: { task, riskReasons } }) => ({
      taskId: task.id,
      title: task.title,
      section: task.section.code,
      leadAgencyIds: task.lead.map((ref) => ref.id),
      reasons: [...riskReasons]
        .sort((a, b) => compareRiskCodes(a.code, b.code) || compareText(a.message, b.message))
        .map(({ code, message }) => ({ code, message })),
    }));
  const last = reports.at(-1);
  const window = dataWindow(period, cutoff);

  const snapshot: SectorSnapshot = {
    period: formatPeriod(period),
    label: periodLabel(period),
    sector,
    cutoff,
    window: { start: window.start, end: window.end },
    deadline: input.deadline,
    asOf,
    status: input.revision === 0 ? 'preliminary' : 'official',
    revision: input.revision,
    knownAt,
    computedAt: input.computedAt,
    basis: { tasks: tasks.length, reports: reports.length, lastReportAt: last?.receivedAt ?? null },
    counts: countCategories(evaluated.map(({ outcome }) => outcome.category)),
    averagePercentComplete:
      percents.length === 0
        ? null
        : roundDecimal(percents.reduce((sum, percent) => sum + percent, 0) / percents.length),
    reporting: reportingRates(
      evaluated.map(({ entry, life, known }) => ({
        task: entry.task,
        life,
        reports: known,
        everReported: entry.states.length > 0,
      })),
      period,
      memberOf,
    ),
    targets: targetRows(
      evaluated.map(({ entry, known }) => ({ task: entry.task, known })),
      input.previousYear,
      memberOf,
    ),
    atRisk,
    bySection: sectionSummaries(
      evaluated.map(({ entry, outcome }) => ({
        plan: entry.task.plan,
        section: entry.task.section,
        category: outcome.category,
        atRisk: entry.riskReasons.length > 0,
      })),
    ),
    tasks: evaluated.map(({ entry, outcome }) => ({
      taskId: entry.task.id,
      section: entry.task.section.code,
      category: outcome.category,
      percentComplete: outcome.percentComplete,
    })),
    figures: input.figures.filter((figures) => figures.inPeriod.sector === sector),
    changes: null,
  };
  const before = input.previousRevision ?? null;
  return before ? { ...snapshot, changes: snapshotChanges(before, snapshot) } : snapshot;
}

function checkPreviousYear({ sector, previousYear }: SnapshotInput, period: Period): void {
  if (previousYear === null) return;
  const expected = formatPeriod({ ...period, year: period.year - 1 });
  if (previousYear.sector !== sector || previousYear.period !== expected) {
    throw new RangeError(
      `previousYear must be ${sector} ${expected}, got ${previousYear.sector} ${previousYear.period}`,
    );
  }
}

/**
 * The sector's non-group tasks alive in the period, in natural id order, each with its
 * life; a task listed twice is a caller's bug.
 */
function aliveTasks(
  tasks: readonly RollupTask[],
  sector: Sector,
  period: Period,
  knownAt: string,
): { entry: RollupTask; life: DateRange | null }[] {
  const seen = new Set<string>();
  for (const { task } of tasks) {
    if (seen.has(task.id)) throw new RangeError(`task ${task.id} is listed twice`);
    seen.add(task.id);
  }
  const days = periodRange(period);
  return tasks
    .filter(({ task }) => task.sector === sector && !task.isGroup)
    .map((entry) => ({
      entry,
      life: taskLifespan(entry.task, entry.planPeriod, endedOn(entry.states, knownAt)),
    }))
    .filter(({ life }) => life !== null && rangesOverlap(life, days))
    .sort((a, b) => compareNatural(a.entry.task.id, b.entry.task.id));
}

/**
 * The day the task ended, by the states known at `knownAt`: the day the newest report
 * saying completed or cancelled describes (its `asOf`), when one says so; else null.
 */
function endedOn(states: readonly LatestReport[], knownAt: string): IsoDate | null {
  const known = states.filter((state) => Date.parse(state.receivedAt) <= Date.parse(knownAt));
  const ending = known
    .filter((state) => state.status === 'completed' || state.status === 'cancelled')
    .map((state) => state.asOf)
    .sort(compareIso);
  return ending.at(-1) ?? null;
}

/** The reports that count: on the tasks, describing a period inside `period`, known by then. */
function periodReports(
  reports: readonly ReportSource[],
  period: Period,
  taskIds: ReadonlySet<string>,
  knownAt: string,
): ReportFact[] {
  const byId = new Map<string, ReportFact>();
  const cutoff = Date.parse(knownAt);
  for (const report of reports) {
    if (!taskIds.has(report.taskId)) continue;
    if (Date.parse(report.receivedAt) > cutoff) continue;
    if (!periodContains(period, periodOfCode(report.period))) continue;
    byId.set(report.id, fromProgressReport(report));
  }
  return [...byId.values()].sort(compareOldestFirst);
}

function groupByTask(reports: readonly ReportFact[]): Map<string, ReportFact[]> {
  const byTask = new Map<string, ReportFact[]>();
  for (const report of reports) {
    const list = byTask.get(report.taskId) ?? [];
    list.push(report);
    byTask.set(report.taskId, list);
  }
  return byTask;
}
