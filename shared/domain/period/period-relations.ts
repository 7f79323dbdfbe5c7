/**
 * Periods relative to a day or to another period: the one in progress in the province,
 * the same period a year earlier ("cùng kỳ"), and the year to date ("lũy kế").
 */
import { addDays, parseIsoDate, todayInProvince, type IsoDate } from '../calendar.ts';
import type { Period, TilingPeriodKind } from './period.ts';
import { periodMonthSpan, periodRange } from './period-span.ts';

/** The period of `kind` that contains `day` (a province calendar date). */
export function periodContaining(day: IsoDate, kind: TilingPeriodKind): Period {
  const parts = parseIsoDate(day);
  if (!parts) throw new RangeError(`${JSON.stringify(day)} is not a valid ISO date`);
  const { year, month } = parts;
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case 'half':
      return { kind, year, half: month <= 6 ? 1 : 2 };
    case 'year':
      return { kind, year };
  }
}

/**
 * The period of `kind` in progress at instant `now` in Asia/Ho_Chi_Minh: at 23:30 UTC on
 * 30 September it is already October in the province. Nine months is no tiling kind: it
 * is in progress only from January to September, and is asked for as a year to date.
 */
export function currentPeriod(kind: TilingPeriodKind, now: Date): Period {
  return periodContaining(todayInProvince(now), kind);
}

/** The same period a year earlier ("cùng kỳ"); null for year 1, which has none. */
export function previousYearPeriod(period: Period): Period | null {
  if (period.year <= 1) return null;
  return { ...period, year: period.year - 1 };
}

/**
 * The year-to-date ("lũy kế") period that ends with `period`, from 1 January to its last
 * day: Q1 → Q1, Q2 → H1, Q3 → nine months, Q4 and H2 → the year; a period that starts
 * the year is its own year to date. Null for a month that ends no such period (February:
 * "2 tháng đầu năm" is no reporting period); March, June, September and December end
 * Q1, H1, nine months and the year.
 */
export function yearToDate(period: Period): Period | null {
  const { year } = period;
  switch (periodMonthSpan(period).last) {
    case 1:
      return { kind: 'month', year, month: 1 };
    case 3:
      return { kind: 'quarter', year, quarter: 1 };
    case 6:
      return { kind: 'half', year, half: 1 };
    case 9:
      return { kind: 'nineMonths', year };
    case 12:
      return { kind: 'year', year };
    default:
      return null;
  }
}

/** The `count` periods of `kind` before the one containing `period`'s first day, oldest first. */
export function periodsBefore(period: Period, kind: TilingPeriodKind, count: number): Period[] {
  const before: Period[] = [];
  let day = periodRange(period).start;
  for (let i = 0; i < count; i++) {
    const previous = periodContaining(addDays(day, -1), kind);
    before.unshift(previous);
    day = periodRange(previous).start;
  }
  return before;
}
