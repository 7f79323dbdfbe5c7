/**
 * The quarterly rollup's data windows: a quarter's window and its three months' windows.
 * The cut-offs themselves (calendar, or Decree 09/2019's 15th-to-14th) are the reporting
 * calendar's, documented and computed in period/data-window.ts.
 */
import { parseQuarter, type DateRange, type Quarter } from '../calendar.ts';
import {
  dataWindow as periodDataWindow,
  monthWindow,
  type ReportingCutoff,
} from '../period/data-window.ts';

export { REPORTING_CUTOFFS, monthWindow, type ReportingCutoff } from '../period/data-window.ts';

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

export function dataWindow(quarter: Quarter | string, cutoff: ReportingCutoff): DateRange {
  return periodDataWindow({ kind: 'quarter', ...quarterParts(quarter) }, cutoff);
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
