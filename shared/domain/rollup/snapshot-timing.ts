/**
 * When a period's snapshots are taken, and what each may know.
 *
 * - The official snapshot is taken at the period's deadline: the latest deadline of the
 *   province's reporting calendar and of the calendars of the plans whose days overlap
 *   the period, so no plan's on-time report misses it. It counts what was received by
 *   the end of that day, whenever it is computed: taken at 00:05 the next morning, or
 *   weeks later by an admin, it is the same snapshot.
 * - Before that instant a snapshot is preliminary: nothing closes a period early.
 * - After it, later data make revisions, each counting what was received by the time it
 *   is taken.
 * - Snapshots are taken of quarters, the two halves, the first nine months and the year:
 *   the periods the province's reports and figures are written for.
 */
import { endOfDayInstant, todayInProvince, type DateRange, type IsoDate } from '../calendar.ts';
import type { Period } from '../period/period.ts';
import { periodsOfYear } from '../period/period-parts.ts';
import { comparePeriods, periodRange, rangesOverlap } from '../period/period-span.ts';
import {
  deadlineDay,
  PROVINCE_REPORTING_CALENDAR,
  type ReportingCalendar,
} from '../period/reporting-calendar.ts';

export const SNAPSHOT_PERIOD_KINDS: ReadonlySet<Period['kind']> = new Set([
  'quarter',
  'half',
  'nineMonths',
  'year',
]);

/** A plan as the timing reads it: its days and its reporting calendar. */
export interface TimedPlan {
  period: DateRange;
  calendar: ReportingCalendar;
}

/** The last day of the period's official deadline (see the top of this file). */
export function officialDeadline(period: Period, plans: readonly TimedPlan[]): IsoDate {
  const days = periodRange(period);
  const calendars = [
    PROVINCE_REPORTING_CALENDAR,
    ...plans.filter((plan) => rangesOverlap(plan.period, days)).map((plan) => plan.calendar),
  ];
  return calendars
    .map((calendar) => deadlineDay(period, calendar))
    .sort()
    .at(-1) as IsoDate;
}

export type SnapshotMoment =
  | { kind: 'preliminary'; knownAt: Date }
  | { kind: 'official'; knownAt: Date }
  | { kind: 'revision'; knownAt: Date };

/**
 * What a snapshot taken at `now` is: preliminary before the deadline, else the official
 * one when none is stored yet (knowing what came by the deadline), else a revision.
 */
export function snapshotMoment(deadline: IsoDate, now: Date, hasOfficial: boolean): SnapshotMoment {
  const closesAt = endOfDayInstant(deadline);
  if (now.getTime() <= closesAt.getTime()) return { kind: 'preliminary', knownAt: now };
  return hasOfficial ? { kind: 'revision', knownAt: now } : { kind: 'official', knownAt: closesAt };
}

/**
 * The periods the daily job looks after at `now`: those of this year and the last whose
 * official deadline has passed and whose days some plan covers, oldest first.
 */
export function periodsDue(now: Date, plans: readonly TimedPlan[]): Period[] {
  const year = Number(todayInProvince(now).slice(0, 4));
  return [year - 1, year]
    .flatMap(periodsOfYear)
    .filter((period) => SNAPSHOT_PERIOD_KINDS.has(period.kind))
    .filter((period) => plans.some((plan) => rangesOverlap(plan.period, periodRange(period))))
    .filter((period) => endOfDayInstant(officialDeadline(period, plans)).getTime() < now.getTime())
    .sort(comparePeriods);
}
