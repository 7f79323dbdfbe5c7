/**
 * Reporting completeness and timeliness per lead agency, counted the way DHIS2 counts
 * data-set reporting rates: expected reports, reports received, reports received on time.
 *
 * Expected: one report per task the agency LEADS that is active in the quarter, and one
 *   per month (the quarter's three month windows, data-window.ts) for monthly recurring
 *   tasks, counting the months that overlap the task's window. Active: begun by the
 *   window's end; not a recurring/ongoing task whose window closed before the quarter's
 *   began; not completed or cancelled before the window opened (its newest report,
 *   received before the window, says so); an unspecified or conditional task only once
 *   someone has reported on it.
 * Received: an expected report is covered by a report on the task from the agency (or a
 *   member of the collective it is). The quarter's report: any report received within
 *   the window, or received after the window's end but naming the quarter (`2026-Q3`) or
 *   one of its months. A month's report: a report naming that month (`2026-08`), whenever
 *   received; any other report covers the expected month whose window
 *   its receipt day falls in. One report covers at most one month.
 * On time: received on or before the end of the window it covers (the quarter's, or the
 *   month's). DHIS2 allows "expiry days" after a period; the province's cut-off already
 *   leaves agencies the days they need, so there is no grace: after the end is late.
 * Percentages have two decimals; null when nothing was expected.
 */
import { compareIso, type DateRange, type IsoDate, type Quarter } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import { quarterOfPeriod } from '../progress/report.ts';
import { percentOf } from '../risk/decimal.ts';
import { compareText } from '../risk/order.ts';
import { actsFor, type Memberships } from '../risk/task-state.ts';
import { monthlyWindows, type ReportingCutoff } from './data-window.ts';
import type { ReportFact } from './report-timeline.ts';
import type { AgencyReporting } from './snapshot-schema.ts';

export interface ReportingTask {
  task: Task;
  /** The quarter's reports on the task (received from the window's start on). */
  reports: readonly ReportFact[];
  /** The task's newest report, whenever received, or null. */
  latest: ReportFact | null;
}

interface Slot {
  /** `2026-08` for a month, `2026-Q3` for the quarter. */
  period: string;
  range: DateRange;
}

type Coverage = 'on-time' | 'late' | 'missing';

export function reportingRates(
  tasks: readonly ReportingTask[],
  quarter: Quarter,
  cutoff: ReportingCutoff,
  window: DateRange,
  memberOf: Memberships,
): AgencyReporting[] {
  const tallies = new Map<string, Tally>();
  for (const entry of tasks) {
    if (!activeInWindow(entry, window)) continue;
    const slots = slotsOf(entry.task, quarter, cutoff, window);
    for (const lead of entry.task.lead) {
      const tally = tallies.get(lead.id) ?? newTally();
      tallies.set(lead.id, tally);
      tally.names.add(lead.name);
      // A task may name one agency twice (two spellings): it still owes one set of reports.
      if (tally.tasks.has(entry.task.id)) continue;
      tally.tasks.add(entry.task.id);
      const own = entry.reports.filter((report) => actsFor(report.agencyId, lead.id, memberOf));
      for (const coverage of cover(slots, own, quarter)) {
        tally.expected += 1;
        if (coverage !== 'missing') tally.received += 1;
        if (coverage === 'on-time') tally.onTime += 1;
      }
    }
  }
  return [...tallies.entries()]
    .filter(([, tally]) => tally.expected > 0)
    .sort(([a], [b]) => compareText(a, b))
    .map(([agencyId, tally]) => ({
      agencyId,
      // Several spellings of one agency: the first in code-unit order, for determinism.
      agencyName: [...tally.names].sort(compareText)[0] ?? agencyId,
      expected: tally.expected,
      received: tally.received,
      receivedOnTime: tally.onTime,
      completeness: percentOf(tally.received, tally.expected),
      timeliness: percentOf(tally.onTime, tally.expected),
    }));
}

interface Tally {
  names: Set<string>;
  tasks: Set<string>;
  expected: number;
  received: number;
  onTime: number;
}

const newTally = (): Tally => ({
  names: new Set(),
  tasks: new Set(),
  expected: 0,
  received: 0,
  onTime: 0,
});

function activeInWindow({ task, reports, latest }: ReportingTask, window: DateRange): boolean {
  const { kind, start, due } = task.schedule;
  if ((kind === 'unspecified' || kind === 'conditional') && reports.length === 0 && !latest) {
    return false;
  }
  if (start !== null && compareIso(start, window.end) > 0) return false;
  if (
    (kind === 'recurring' || kind === 'ongoing') &&
    due !== null &&
    compareIso(due, window.start) < 0
  ) {
    return false;
  }
  const closedBefore =
    latest !== null &&
    compareIso(latest.receivedOn, window.start) < 0 &&
    (latest.status === 'completed' || latest.status === 'cancelled');
  return !closedBefore;
}

function slotsOf(task: Task, quarter: Quarter, cutoff: ReportingCutoff, window: DateRange): Slot[] {
  const { kind, recurrence, start, due } = task.schedule;
  if (kind !== 'recurring' || recurrence !== 'monthly') return [{ period: quarter, range: window }];
  return monthlyWindows(quarter, cutoff).filter(
    ({ range }) =>
      (start === null || compareIso(range.end, start) >= 0) &&
      (due === null || compareIso(range.start, due) <= 0),
  );
}

const within = (day: IsoDate, range: DateRange) =>
  compareIso(day, range.start) >= 0 && compareIso(day, range.end) <= 0;

/** How each slot is covered by `reports` (one agency's reports on one task). */
function cover(
  slots: readonly Slot[],
  reports: readonly ReportFact[],
  quarter: Quarter,
): Coverage[] {
  const coverage: Coverage[] = slots.map(() => 'missing');
  const mark = (index: number, onTime: boolean) => {
    if (index < 0) return;
    if (onTime) coverage[index] = 'on-time';
    else if (coverage[index] === 'missing') coverage[index] = 'late';
  };
  for (const report of reports) {
    const [only] = slots;
    if (slots.length === 1 && only?.period === quarter) {
      if (within(report.receivedOn, only.range)) mark(0, true);
      else if (
        compareIso(report.receivedOn, only.range.end) > 0 &&
        quarterOfPeriod(report.period) === quarter
      ) {
        mark(0, false);
      }
      continue;
    }
    const named = slots.findIndex((slot) => slot.period === report.period);
    if (named >= 0) {
      mark(named, compareIso(report.receivedOn, slots[named]?.range.end ?? '') <= 0);
    } else {
      mark(
        slots.findIndex((slot) => within(report.receivedOn, slot.range)),
        true,
      );
    }
  }
  return coverage;
}
