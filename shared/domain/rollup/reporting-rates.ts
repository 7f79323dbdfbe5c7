/**
 * Reporting completeness and timeliness per lead agency, counted the way DHIS2 counts
 * data-set reporting rates: expected reports, reports received, reports received on time.
 *
 * Expected: for each task the agency LEADS that is alive in the period (period/task-life.ts),
 *   one report per quarter of the period the task lives in (the province reports
 *   quarterly; a month's snapshot expects the month's report), or per month for a monthly
 *   recurring task. An unspecified or conditional task is expected to report only once
 *   someone has reported on it.
 * Received: an expected report is covered by a report from the agency (or a member of the
 *   collective it is) describing that quarter or month, or a period inside it, received
 *   by the snapshot's `knownAt`.
 * On time: covered by a report that was on time, as stored with it: received by its
 *   period's deadline under its plan's reporting calendar (period/reporting-calendar.ts).
 * Percentages have two decimals; null when nothing was expected.
 */
import type { DateRange } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import { periodOfCode, type Period } from '../period/period.ts';
import { periodsWithin } from '../period/period-parts.ts';
import { periodContains, periodRange, rangesOverlap } from '../period/period-span.ts';
import { percentOf } from '../risk/decimal.ts';
import { compareText } from '../risk/order.ts';
import { actsFor, type Memberships } from '../risk/task-state.ts';
import type { ReportFact } from './report-timeline.ts';
import type { AgencyReporting } from './snapshot-schema.ts';

export interface ReportingTask {
  task: Task;
  /** The days the task counts (its life), or null when it never does. */
  life: DateRange | null;
  /** The task's reports describing the period or a period inside it, known to the snapshot. */
  reports: readonly ReportFact[];
  /** Whether anyone has ever reported on the task (its latest states). */
  everReported: boolean;
}

type Coverage = 'on-time' | 'late' | 'missing';

export function reportingRates(
  tasks: readonly ReportingTask[],
  period: Period,
  memberOf: Memberships,
): AgencyReporting[] {
  const tallies = new Map<string, Tally>();
  for (const entry of tasks) {
    const { kind } = entry.task.schedule;
    const silent = entry.reports.length === 0 && !entry.everReported;
    if ((kind === 'unspecified' || kind === 'conditional') && silent) continue;
    const slots = slotsOf(entry, period);
    for (const lead of entry.task.lead) {
      const tally = tallies.get(lead.id) ?? newTally();
      tallies.set(lead.id, tally);
      tally.names.add(lead.name);
      // A task may name one agency twice (two spellings): it still owes one set of reports.
      if (tally.tasks.has(entry.task.id)) continue;
      tally.tasks.add(entry.task.id);
      const own = entry.reports.filter((report) => actsFor(report.agencyId, lead.id, memberOf));
      for (const slot of slots) {
        const coverage = cover(slot, own);
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

/** The periods a task owes a report on within `period`: its quarters or months it lives in. */
function slotsOf({ task, life }: ReportingTask, period: Period): Period[] {
  if (period.kind === 'month') return [period];
  const monthly = task.schedule.kind === 'recurring' && task.schedule.recurrence === 'monthly';
  const kind = monthly ? 'month' : 'quarter';
  return periodsWithin(period).filter(
    (candidate) =>
      candidate.kind === kind && life !== null && rangesOverlap(life, periodRange(candidate)),
  );
}

/** How one slot is covered by `reports` (one agency's reports on one task). */
function cover(slot: Period, reports: readonly ReportFact[]): Coverage {
  const covering = reports.filter((report) => periodContains(slot, periodOfCode(report.period)));
  if (covering.some((report) => report.timeliness === 'on_time')) return 'on-time';
  return covering.length > 0 ? 'late' : 'missing';
}
