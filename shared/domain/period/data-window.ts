/**
 * The days whose data a period's reports carry (thời gian chốt số liệu).
 *
 * - `calendar`: the period's own days, 1 July .. 30 September for 2026-Q3.
 * - `decree-09-2019`: the reporting cut-off of Decree 09/2019/NĐ-CP on the reporting
 *   regime of state administrative agencies, Article 12 (thời gian chốt số liệu): "số
 *   liệu báo cáo định kỳ hằng quý: tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày
 *   14 của tháng cuối quý thuộc kỳ báo cáo" — from the 15th of the month before the
 *   quarter to the 14th of the quarter's last month: Q3 2026 is 15/06/2026 .. 14/09/2026
 *   and Q1 2026 starts on 15/12/2025. The same article cuts monthly, six-month and yearly
 *   data alike (a month from the 15th of the previous month to its own 14th; the first
 *   half 15/12 .. 14/6, the second 15/6 .. 14/12, a year 15/12 .. 14/12). One rule says
 *   all of it: from the 15th of the month before the period's first month to the 14th of
 *   its last month; the first nine months, which the decree does not name, follow it
 *   (15/12 .. 14/9).
 */
import { isoDate, monthRange, type DateRange } from '../calendar.ts';
import type { Period } from './period.ts';
import { periodMonthSpan } from './period-span.ts';

export const REPORTING_CUTOFFS = ['calendar', 'decree-09-2019'] as const;
export type ReportingCutoff = (typeof REPORTING_CUTOFFS)[number];

/** The data window of one month (1..12) of `year`. */
export function monthWindow(year: number, month: number, cutoff: ReportingCutoff): DateRange {
  if (cutoff === 'calendar') return monthRange(year, month);
  const [previousYear, previousMonth] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return { start: isoDate(previousYear, previousMonth, 15), end: isoDate(year, month, 14) };
}

/**
 * The data window of a period: from the start of its first month's window to the end of
 * its last month's, so the windows of consecutive periods of a kind tile the calendar.
 * Under the decree, a January's window starts in the year before: year 1 has none
 * (RangeError).
 */
export function dataWindow(period: Period, cutoff: ReportingCutoff): DateRange {
  const { first, last } = periodMonthSpan(period);
  return {
    start: monthWindow(period.year, first, cutoff).start,
    end: monthWindow(period.year, last, cutoff).end,
  };
}
