/**
 * The days and months a period covers, and how periods and date ranges sit together.
 * Periods are calendar spans (1 July .. 30 September for 2026-Q3); which days' data a
 * report on them carries is the reporting calendar's business (data-window.ts).
 */
import { compareIso, monthRange, type DateRange } from '../calendar.ts';
import type { Period } from './period.ts';

/** The first and last month (1..12) of a period. */
export function periodMonthSpan(period: Period): { first: number; last: number } {
  switch (period.kind) {
    case 'month':
      return { first: period.month, last: period.month };
    case 'quarter':
      return { first: period.quarter * 3 - 2, last: period.quarter * 3 };
    case 'half':
      return { first: period.half * 6 - 5, last: period.half * 6 };
    case 'nineMonths':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/** The calendar days of a period, first to last. */
export function periodRange(period: Period): DateRange {
  const { first, last } = periodMonthSpan(period);
  return {
    start: monthRange(period.year, first).start,
    end: monthRange(period.year, last).end,
  };
}

/** The months a period covers, in order: together they tile it. */
export function periodMonths(period: Period): Period[] {
  const { first, last } = periodMonthSpan(period);
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    kind: 'month' as const,
    year: period.year,
    month: first + i,
  }));
}

/** How many months a period covers. */
export function monthCount(period: Period): number {
  const { first, last } = periodMonthSpan(period);
  return last - first + 1;
}

export function rangeContains(outer: DateRange, inner: DateRange): boolean {
  return compareIso(outer.start, inner.start) <= 0 && compareIso(inner.end, outer.end) <= 0;
}

/** Whether two ranges share at least one day (both ends inclusive). */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return compareIso(a.start, b.end) <= 0 && compareIso(b.start, a.end) <= 0;
}

export function rangeContainsDay(range: DateRange, day: string): boolean {
  return compareIso(range.start, day) <= 0 && compareIso(day, range.end) <= 0;
}

/** Whether every day of `inner` lies in `outer` (a period contains itself). */
// Every period lies within one calendar year, so two periods compare by year and months:
// the rollup asks this for every report and slot, where building their days would cost.

export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year) return false;
  const [o, i] = [periodMonthSpan(outer), periodMonthSpan(inner)];
  return o.first <= i.first && i.last <= o.last;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  if (a.year !== b.year) return false;
  const [x, y] = [periodMonthSpan(a), periodMonthSpan(b)];
  return x.first <= y.last && y.first <= x.last;
}

/**
 * Earlier start first, then the longer first (a year before its first half, before its
 * first quarter): a total order, since no two periods cover the same days.
 */
export function comparePeriods(a: Period, b: Period): number {
  const [x, y] = [periodRange(a), periodRange(b)];
  return compareIso(x.start, y.start) || compareIso(y.end, x.end);
}
