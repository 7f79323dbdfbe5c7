/**
 * How periods nest: what a period is made of (to combine figures from smaller periods),
 * what ends with it, and what contains it. Every period lies inside one year, so each
 * question is answered among the twenty periods of that year.
 */
import type { DateRange } from '../calendar.ts';
import { formatPeriod, type Period } from './period.ts';
import {
  comparePeriods,
  monthCount,
  periodContains,
  periodMonths,
  periodMonthSpan,
  periodRange,
} from './period-span.ts';

/** The twelve months, four quarters, two halves, the nine months and the year of `year`. */
export function periodsOfYear(year: number): Period[] {
  return [
    { kind: 'year', year },
    { kind: 'nineMonths', year },
    { kind: 'half', year, half: 1 },
    { kind: 'half', year, half: 2 },
    ...([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter' as const, year, quarter })),
    ...periodMonths({ kind: 'year', year }),
  ];
}

/**
 * The period whose days are exactly `range`, or null: a plan running 1 July .. 31
 * December 2026 is `2026-H2`; one running 8 July 2026 .. 2030 matches no period. No two
 * periods cover the same days, so the answer is unique.
 */
export function periodOfRange(range: DateRange): Period | null {
  const year = Number(range.start.slice(0, 4));
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  return (
    periodsOfYear(year).find((period) => {
      const days = periodRange(period);
      return days.start === range.start && days.end === range.end;
    }) ?? null
  );
}

/**
 * The ways to cut a period into smaller ones, preferred first: a quarter into its months,
 * a half into its quarters, nine months into the first half and the third quarter, a year
 * into its halves or into nine months and the fourth quarter. Each part is cut again in
 * its turn, so these few lists reach every finer combination (a year from four quarters
 * or twelve months). A month has no parts.
 */
export function partitionsOf(period: Period): Period[][] {
  const { year } = period;
  const quarter = (q: 1 | 2 | 3 | 4): Period => ({ kind: 'quarter', year, quarter: q });
  const half = (h: 1 | 2): Period => ({ kind: 'half', year, half: h });
  switch (period.kind) {
    case 'month':
      return [];
    case 'quarter':
      return [periodMonths(period)];
    case 'half':
      return period.half === 1 ? [[quarter(1), quarter(2)]] : [[quarter(3), quarter(4)]];
    case 'nineMonths':
      return [[half(1), quarter(3)]];
    case 'year':
      return [
        [half(1), half(2)],
        [{ kind: 'nineMonths', year }, quarter(4)],
      ];
  }
}

/** The periods inside `period` that end on its last day, itself first, then ever finer. */
export function periodsEndingWith(period: Period): Period[] {
  const end = periodMonthSpan(period).last;
  return periodsOfYear(period.year)
    .filter(
      (candidate) => periodContains(period, candidate) && periodMonthSpan(candidate).last === end,
    )
    .sort((a, b) => monthCount(b) - monthCount(a));
}

/** Every period inside `period`, itself included, in `comparePeriods` order. */
export function periodsWithin(period: Period): Period[] {
  return periodsOfYear(period.year)
    .filter((candidate) => periodContains(period, candidate))
    .sort(comparePeriods);
}

/** The periods that strictly contain `period`, the smallest first (a year last). */
export function periodsEnclosing(period: Period): Period[] {
  const code = formatPeriod(period);
  return periodsOfYear(period.year)
    .filter((candidate) => formatPeriod(candidate) !== code && periodContains(candidate, period))
    .sort((a, b) => monthCount(a) - monthCount(b));
}
