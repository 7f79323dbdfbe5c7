/**
 * NO_RECENT_REPORT: an active task the province has not heard about lately.
 *
 * Active: not completed; started (start ≤ today, or no start); of a kind that is under
 * way by itself (deadline, window, recurring, ongoing) — an `unspecified` or
 * `conditional` task only once someone has reported on it, since until then nobody
 * knows it has begun. An ongoing task stops being active when its window closes; a
 * deadline or window task stays active past its due date (it is overdue, and still owes
 * reports).
 *
 * Deadline, window, ongoing and the rest, first rule that holds:
 *   stale:   the last report is 45 days old or more;
 *   never:   no report ever, and the task started 45 days ago or more (a task with no
 *            start date has no such count: the quarter rule below covers it);
 *   quarter: no report yet in the current quarter and more than half of it is gone,
 *            counted in whole days before today from the quarter's start (or the task's
 *            start, if later) — Q3 has 92 days, so from its 48th day, 17/08.
 * Recurring tasks owe one report per period instead (a yearly duty must not be nagged
 * every 45 days): once a period (month, quarter, year) has ended, a report must have
 * come in during it or since. Periods are checked only while they overlap the task's
 * window, counting from the task's start when it falls inside the period.
 */
import {
  addDays,
  compareIso,
  monthRange,
  parseIsoDate,
  quarterOf,
  quarterRange,
  yearRange,
  type DateRange,
  type IsoDate,
} from '../../calendar.ts';
import { formatPeriod } from '../../period/period.ts';
import { daysBetween } from '../days.ts';
import type { RiskDetailsByCode } from '../risk-finding.ts';
import { finding, type RiskRule, type RuleContext } from './rule-context.ts';

type Recurrence = 'monthly' | 'quarterly' | 'yearly';

export const noRecentReportRule: RiskRule = (context) => {
  const { task, today, completed } = context;
  const { kind, start, recurrence } = task.schedule;
  if (completed) return null;
  if (start !== null && compareIso(start, today) > 0) return null;
  const details =
    kind === 'recurring' && recurrence !== null
      ? periodRule(context, recurrence)
      : generalRule(context);
  return details === null ? null : finding('NO_RECENT_REPORT', details);
};

type Details = RiskDetailsByCode['NO_RECENT_REPORT'];

function generalRule(context: RuleContext): Details | null {
  const { task, today, lastReportOn, config } = context;
  const { kind, start, due } = task.schedule;
  const everReported = lastReportOn !== null || context.latest.length > 0;
  if ((kind === 'unspecified' || kind === 'conditional') && !everReported) return null;
  if (kind === 'ongoing' && due !== null && compareIso(due, today) < 0) return null;

  if (lastReportOn !== null) {
    const days = daysBetween(lastReportOn, today);
    if (days >= config.noReportAfterDays) {
      return { rule: 'stale', lastReportOn, daysSinceReport: days };
    }
  } else if (start !== null) {
    const days = daysBetween(start, today);
    if (days >= config.noReportAfterDays)
      return { rule: 'never', activeSince: start, daysActive: days };
  }

  const { year, quarter } = quarterOf(today);
  const range = quarterRange(year, quarter);
  const reportedThisQuarter = lastReportOn !== null && compareIso(lastReportOn, range.start) >= 0;
  const from = start !== null && compareIso(start, range.start) > 0 ? start : range.start;
  const length = daysBetween(range.start, range.end) + 1;
  if (!reportedThisQuarter && daysBetween(from, today) > config.noReportQuarterShare * length) {
    return { rule: 'quarter', quarter: formatPeriod({ kind: 'quarter', year, quarter }) };
  }
  return null;
}

function periodRule(context: RuleContext, recurrence: Recurrence): Details | null {
  const { task, today, lastReportOn } = context;
  const { start, due } = task.schedule;
  const { period, range } = previousPeriod(today, recurrence);
  const overlaps =
    (start === null || compareIso(range.end, start) >= 0) &&
    (due === null || compareIso(range.start, due) <= 0);
  if (!overlaps) return null;
  const owedFrom = start !== null && compareIso(start, range.start) > 0 ? start : range.start;
  if (lastReportOn !== null && compareIso(lastReportOn, owedFrom) >= 0) return null;
  return { rule: 'period', recurrence, period };
}

/** The whole period of the given kind that ended most recently before `today`. */
function previousPeriod(
  today: IsoDate,
  recurrence: Recurrence,
): { period: string; range: DateRange } {
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`${JSON.stringify(today)} is not a valid ISO date`);
  if (recurrence === 'yearly') {
    return { period: String(parts.year - 1).padStart(4, '0'), range: yearRange(parts.year - 1) };
  }
  if (recurrence === 'monthly') {
    const day = addDays(monthRange(parts.year, parts.month).start, -1);
    const previous = parseIsoDate(day);
    if (!previous) throw new RangeError(`no month before ${today}`);
    const period = day.slice(0, 7);
    return { period, range: monthRange(previous.year, previous.month) };
  }
  const current = quarterOf(today);
  const previous = quarterOf(addDays(quarterRange(current.year, current.quarter).start, -1));
  return {
    period: formatPeriod({ kind: 'quarter', ...previous }),
    range: quarterRange(previous.year, previous.quarter),
  };
}
