/**
 * The quarterly rollup of one sector: pure and deterministic. The same input gives a
 * byte-identical `JSON.stringify`, whatever the order of its lists: every list is sorted
 * by a stable key, sums run in that order, and time enters only as `computedAt`.
 *
 * The state of each task is judged on the as-of day: the window's end, or the day of
 * `computedAt` in the province if earlier (a preliminary snapshot mid-quarter judges
 * deadlines by today, not by the quarter's end). The rollup sees a task through its
 * quarter's reports and its current latest report, each counted only if received by
 * the as-of day: recomputing an old quarter from a newer state does not leak the future.
 */
import {
  compareIso,
  parseQuarter,
  todayInProvince,
  type IsoDate,
  type Quarter,
} from '../calendar.ts';
import type { Sector, Task } from '../plan/model.ts';
import type { LatestReport, ProgressReport } from '../progress/report.ts';
import type { RiskReason } from '../progress/task-view.ts';
import { roundDecimal } from '../risk/decimal.ts';
import { compareNatural, compareText } from '../risk/order.ts';
import { compareRiskCodes } from '../risk/risk-config.ts';
import type { Memberships } from '../risk/task-state.ts';
import { countCategories } from './counts.ts';
import { dataWindow, type ReportingCutoff } from './data-window.ts';
import { reportingRates } from './reporting-rates.ts';
import {
  compareOldestFirst,
  fromLatestReport,
  fromProgressReport,
  knownBy,
  type ReportFact,
} from './report-timeline.ts';
import { sectionSummaries } from './sections.ts';
import type { AtRiskTask, SectorSnapshot } from './snapshot-schema.ts';
import { targetRows } from './target-rows.ts';
import { taskOutcome } from './task-outcome.ts';

/** A task's current state, read once for the rollup. */
export interface RollupTask {
  task: Task;
  latestReport: LatestReport | null;
  latestActuals: Record<string, number>;
  riskReasons: RiskReason[];
}

export interface SnapshotInput {
  quarter: Quarter;
  sector: Sector;
  cutoff: ReportingCutoff;
  tasks: readonly RollupTask[];
  /** The sector's reports received in the quarter's data window (later ones: see reporting-rates.ts). */
  reports: readonly ProgressReport[];
  /** The same sector's snapshot of the same quarter a year before. */
  previousYear: SectorSnapshot | null;
  /** ISO instant. */
  computedAt: string;
  closed: boolean;
  /** Agency → collectives it belongs to (a commune's report counts for "UBND các xã"). */
  memberOf?: Memberships;
}

export function computeSnapshot(input: SnapshotInput): SectorSnapshot {
  const { quarter, sector, cutoff } = input;
  const memberOf = input.memberOf ?? {};
  checkPreviousYear(input);
  const window = dataWindow(quarter, cutoff);
  const computedOn = todayInProvince(new Date(input.computedAt));
  const asOf: IsoDate = compareIso(computedOn, window.end) < 0 ? computedOn : window.end;

  const tasks = sectorTasks(input.tasks, sector);
  const taskIds = new Set(tasks.map(({ task }) => task.id));
  const reports = quarterReports(input.reports, sector, taskIds, window.start, computedOn);
  const reportsOf = groupByTask(reports);

  const evaluated = tasks.map((entry) => {
    const quarterly = reportsOf.get(entry.task.id) ?? [];
    const latest = entry.latestReport ? fromLatestReport(entry.latestReport, entry.task.id) : null;
    const known = knownBy(latest ? [...quarterly, latest] : quarterly, asOf);
    const latestKnown = latest !== null && compareIso(latest.receivedOn, asOf) <= 0;
    return {
      entry,
      quarterly,
      latest,
      known,
      latestKnown,
      outcome: taskOutcome(entry.task, known, asOf, memberOf),
    };
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

  return {
    quarter,
    sector,
    cutoff,
    window: { start: window.start, end: window.end },
    asOf,
    status: input.closed ? 'closed' : 'preliminary',
    computedAt: input.computedAt,
    basis: { tasks: tasks.length, reports: reports.length, lastReportAt: last?.receivedAt ?? null },
    counts: countCategories(evaluated.map(({ outcome }) => outcome.category)),
    averagePercentComplete:
      percents.length === 0
        ? null
        : roundDecimal(percents.reduce((sum, percent) => sum + percent, 0) / percents.length),
    reporting: reportingRates(
      evaluated.map(({ entry, quarterly, latest }) => ({
        task: entry.task,
        reports: quarterly,
        latest,
      })),
      quarter,
      cutoff,
      window,
      memberOf,
    ),
    targets: targetRows(
      evaluated.map(({ entry, known, latestKnown }) => ({
        task: entry.task,
        latestActuals: latestKnown ? entry.latestActuals : null,
        known,
      })),
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
  };
}

function checkPreviousYear({ quarter, sector, previousYear }: SnapshotInput): void {
  const parts = parseQuarter(quarter);
  if (!parts) throw new RangeError(`${JSON.stringify(quarter)} is not a quarter like 2026-Q3`);
  if (previousYear === null) return;
  const expected = `${String(parts.year - 1).padStart(4, '0')}-Q${parts.quarter}`;
  if (previousYear.sector !== sector || previousYear.quarter !== expected) {
    throw new RangeError(
      `previousYear must be ${sector} ${expected}, got ${previousYear.sector} ${previousYear.quarter}`,
    );
  }
}

/** The sector's non-group tasks, in natural id order; a task listed twice is a caller's bug. */
function sectorTasks(tasks: readonly RollupTask[], sector: Sector): RollupTask[] {
  const seen = new Set<string>();
  for (const { task } of tasks) {
    if (seen.has(task.id)) throw new RangeError(`task ${task.id} is listed twice`);
    seen.add(task.id);
  }
  return tasks
    .filter(({ task }) => task.sector === sector && !task.isGroup)
    .sort((a, b) => compareNatural(a.task.id, b.task.id));
}

/** The reports that count: this sector's, on its tasks, from the window's start to the computing day. */
function quarterReports(
  reports: readonly ProgressReport[],
  sector: Sector,
  taskIds: ReadonlySet<string>,
  from: IsoDate,
  to: IsoDate,
): ReportFact[] {
  const byId = new Map<string, ReportFact>();
  for (const report of reports) {
    if (report.sector !== sector || !taskIds.has(report.taskId)) continue;
    const fact = fromProgressReport(report);
    if (compareIso(fact.receivedOn, from) < 0 || compareIso(fact.receivedOn, to) > 0) continue;
    byId.set(report.id, fact);
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
