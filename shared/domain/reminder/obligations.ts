/**
 * Who owes what: the reports a period still waits for, one per part of a task's lead.
 *
 * - The periods: a task reports each quarter, or each month when it recurs monthly (as
 *   the rollup's reporting rates expect, rollup/reporting-rates.ts). A task is asked only
 *   in a period it is alive in (period/task-life.ts); an unspecified or conditional task
 *   only once someone has reported on it.
 * - Who: every part of the lead (risk/task-state.ts): each lead agency, and each member
 *   of a lead collective, owes its own report. A part whose latest report said completed
 *   or cancelled before the period began owes nothing more.
 * - Owed until a report that counts arrives: from the part (or an agency acting for it),
 *   describing the period or a period inside it, and accepted when its plan requires
 *   approval (progress/report.ts `counts`).
 * - The deadline is the plan's (period/reporting-calendar.ts).
 */
import { compareIso, type DateRange, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import { formatPeriod, parsePeriod, type Period, type PeriodCode } from '../period/period.ts';
import { periodContains, periodRange } from '../period/period-span.ts';
import { deadlineDay, type ReportingCalendar } from '../period/reporting-calendar.ts';
import { isTaskAlive } from '../period/task-life.ts';
import { counts, type LatestReport, type ProgressReport } from '../progress/report.ts';
import {
  isCancelled,
  isCompleted,
  leadParts,
  newestByPart,
  partOf,
  type Memberships,
} from '../risk/task-state.ts';

/** What the obligations need of a plan: its days and its reporting calendar. */
export interface ObligationPlan {
  code: string;
  period: DateRange;
  calendar: ReportingCalendar;
}

/** A task with each agency's latest report on it (its state). */
export interface ObligationTask {
  task: Task;
  latest: readonly LatestReport[];
}

/** The part of a report that settles an obligation. */
export type SettlingReport = Pick<ProgressReport, 'taskId' | 'agencyId' | 'period' | 'review'>;

/** One report still owed: by a part of the lead, on a task, for a period, by a day. */
export interface Obligation {
  /** The part that owes it: a lead agency, or a member of a lead collective. */
  agencyId: string;
  /** The collective the part is a member of; null for a lead agency itself. */
  via: string | null;
  taskId: string;
  plan: string;
  period: PeriodCode;
  /** The last day the report is on time, by the plan's calendar. */
  deadline: IsoDate;
}

/** The kind of period a task reports on: monthly for a task that recurs monthly. */
export function reportingKindOf(task: Pick<Task, 'schedule'>): 'month' | 'quarter' {
  const { kind, recurrence } = task.schedule;
  return kind === 'recurring' && recurrence === 'monthly' ? 'month' : 'quarter';
}

const DONE = new Set<LatestReport['status']>(['completed', 'cancelled']);

/**
 * The reports `period` still waits for. `reports` may hold any reports of the tasks: only
 * those that count and describe the period (or a period inside it) settle anything.
 */
export function obligationsIn(
  period: Period,
  plans: ReadonlyMap<string, ObligationPlan>,
  tasks: readonly ObligationTask[],
  reports: readonly SettlingReport[],
  memberOf: Memberships,
): Obligation[] {
  if (period.kind !== 'month' && period.kind !== 'quarter') return [];
  const days = periodRange(period);
  const settling = settlingReportsByTask(period, reports);
  const owed: Obligation[] = [];
  for (const { task, latest } of tasks) {
    const plan = plans.get(task.plan);
    if (!plan || task.isGroup || reportingKindOf(task) !== period.kind) continue;
    const { kind } = task.schedule;
    const filed = settling.get(task.id) ?? [];
    const silent = latest.length === 0 && filed.length === 0;
    if ((kind === 'unspecified' || kind === 'conditional') && silent) continue;
    if (!isTaskAlive(task, plan.period, period, endedOn(task, latest, memberOf))) continue;
    const parts = leadParts(task, memberOf);
    const newest = newestByPart(task, latest, memberOf);
    const deadline = deadlineDay(period, plan.calendar);
    for (const part of parts) {
      const state = newest.get(part.agencyId);
      if (state && DONE.has(state.status) && compareIso(state.asOf, days.start) < 0) continue;
      const settled = filed.some(
        (report) => partOf(parts, report.agencyId, memberOf)?.agencyId === part.agencyId,
      );
      if (settled) continue;
      owed.push({
        agencyId: part.agencyId,
        via: part.via,
        taskId: task.id,
        plan: task.plan,
        period: formatPeriod(period),
        deadline,
      });
    }
  }
  return owed;
}

/** Reports that count and describe `period` or a period inside it, by task. */
function settlingReportsByTask(
  period: Period,
  reports: readonly SettlingReport[],
): Map<string, SettlingReport[]> {
  const byTask = new Map<string, SettlingReport[]>();
  for (const report of reports) {
    const described = parsePeriod(report.period);
    if (!described || !counts(report) || !periodContains(period, described)) continue;
    byTask.set(report.taskId, [...(byTask.get(report.taskId) ?? []), report]);
  }
  return byTask;
}

/**
 * The day the task ended, when its lead says it did (every part completed, or every part
 * cancelled): the newest day its parts' reports describe. Null while it goes on.
 */
function endedOn(task: Task, latest: readonly LatestReport[], memberOf: Memberships) {
  if (!isCompleted(task, latest, memberOf) && !isCancelled(task, latest, memberOf)) return null;
  const days = [...newestByPart(task, latest, memberOf).values()].map((state) => state.asOf);
  return days.sort(compareIso).at(-1) ?? null;
}
