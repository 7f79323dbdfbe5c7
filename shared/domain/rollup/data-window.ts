/**
 * The days whose reports make up a quarter's data.
 *
 * - `calendar` (the default): the calendar quarter, 1 July .. 30 September for Q3.
 * - `decree-09-2019`: the reporting cut-off of Decree 09/2019/NĐ-CP on the reporting
 *   regime of state administrative agencies, Article 12 (thời gian chốt số liệu): "số
 *   liệu báo cáo định kỳ hằng quý: tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày
 *   14 của tháng cuối quý thuộc kỳ báo cáo" — from the 15th of the month before the
 *   quarter to the 14th of the quarter's last month: Q3 2026 is 15/06/2026 .. 14/09/2026
 *   and Q1 2026 starts on 15/12/2025. The same article cuts monthly data from the 15th of
 *   the previous month to the 14th of the month, which is how a quarter's months are cut
 *   under this regime (`monthlyWindows`).
 */
import {
  isoDate,
  monthRange,
  parseQuarter,
  quarterRange,
  type DateRange,
  type Quarter,
} from '../calendar.ts';

export const REPORTING_CUTOFFS = ['calendar', 'decree-09-2019'] as const;
export type ReportingCutoff = (typeof REPORTING_CUTOFFS)[number];

export interface MonthWindow {
  /** The month as a reporting period: `2026-08`. */
  period: string;
  range: DateRange;
}

function quarterParts(quarter: Quarter | string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const parts = parseQuarter(quarter);
  if (!parts) throw new RangeError(`${JSON.stringify(quarter)} is not a quarter like 2026-Q3`);
  return parts;
}

/** The data window of one month (1..12) of `year`. */
export function monthWindow(year: number, month: number, cutoff: ReportingCutoff): DateRange {
  if (cutoff === 'calendar') return monthRange(year, month);
  const [previousYear, previousMonth] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return { start: isoDate(previousYear, previousMonth, 15), end: isoDate(year, month, 14) };
}

export function dataWindow(quarter: Quarter | string, cutoff: ReportingCutoff): DateRange {
  const { year, quarter: number } = quarterParts(quarter);
  if (cutoff === 'calendar') return quarterRange(year, number);
  const firstMonth = (number - 1) * 3 + 1;
  return {
    start: monthWindow(year, firstMonth, cutoff).start,
    end: monthWindow(year, firstMonth + 2, cutoff).end,
  };
}

/** The quarter's three months, each with its own data window; together they tile the quarter's. */
export function monthlyWindows(quarter: Quarter | string, cutoff: ReportingCutoff): MonthWindow[] {
  const { year, quarter: number } = quarterParts(quarter);
  const firstMonth = (number - 1) * 3 + 1;
  return [firstMonth, firstMonth + 1, firstMonth + 2].map((month) => ({
    period: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    range: monthWindow(year, month, cutoff),
  }));
}
