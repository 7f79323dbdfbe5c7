/**
 * When each kind of notice about a period is due, on the province's calendar:
 *
 * - a reminder from `daysBefore` days before the deadline to the deadline itself (a daily
 *   job that missed the first day still reminds on the next);
 * - an escalation from the day after the grace ends, for ESCALATION_DAYS days.
 *
 * And which periods a daily job looks at: the months and quarters of this year and the
 * last whose reminder or escalation window holds today under some plan's calendar.
 */
import { addDays, parseIsoDate, type DateRange, type IsoDate } from '../calendar.ts';
import type { Period } from '../period/period.ts';
import { periodsOfYear } from '../period/period-parts.ts';
import { rangeContainsDay } from '../period/period-span.ts';
import { deadlineDay, type ReportingCalendar } from '../period/reporting-calendar.ts';
import { ESCALATION_DAYS } from './reminder-settings.ts';

export function reminderWindow(deadline: IsoDate, daysBefore: number): DateRange {
  return { start: addDays(deadline, -daysBefore), end: deadline };
}

export function escalationWindow(deadline: IsoDate, graceDays: number): DateRange {
  const start = addDays(deadline, graceDays + 1);
  return { start, end: addDays(start, ESCALATION_DAYS - 1) };
}

/** A plan's timing: its calendar and the days before a deadline its reminders go. */
export interface NoticeTiming {
  calendar: ReportingCalendar;
  daysBefore: number;
}

/** Months and quarters of `today`'s year and the year before, in calendar order. */
function recentPeriods(today: IsoDate): Period[] {
  const year = parseIsoDate(today)?.year ?? 1;
  return [year - 1, year]
    .filter((each) => each >= 1)
    .flatMap(periodsOfYear)
    .filter((period) => period.kind === 'month' || period.kind === 'quarter');
}

/** The periods some plan reminds about or escalates on `today`. */
export function periodsToNotify(
  today: IsoDate,
  plans: readonly NoticeTiming[],
  graceDays: number,
): Period[] {
  return recentPeriods(today).filter((period) =>
    plans.some(({ calendar, daysBefore }) => {
      const deadline = deadlineDay(period, calendar);
      return (
        rangeContainsDay(reminderWindow(deadline, daysBefore), today) ||
        rangeContainsDay(escalationWindow(deadline, graceDays), today)
      );
    }),
  );
}

/** How far back the digest looks for reports still missing after their deadline. */
export const DIGEST_LATE_DAYS = 90;

/** The periods whose deadline passed in the DIGEST_LATE_DAYS before `today`, under some plan. */
export function periodsRecentlyDue(
  today: IsoDate,
  calendars: readonly ReportingCalendar[],
): Period[] {
  const window = { start: addDays(today, -DIGEST_LATE_DAYS), end: addDays(today, -1) };
  return recentPeriods(today).filter((period) =>
    calendars.some((calendar) => rangeContainsDay(window, deadlineDay(period, calendar))),
  );
}
