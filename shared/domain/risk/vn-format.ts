/** Dates, percentages and periods as the province's documents print them. */
import { parseIsoDate, parseQuarter, type IsoDate } from '../calendar.ts';
import { formatVnNumber } from '../plan/vn-number.ts';
import { roundDecimal } from './decimal.ts';

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** `2026-09-30` → `30/09/2026`. */
export function formatVnDate(iso: IsoDate): string {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`${JSON.stringify(iso)} is not a valid ISO date`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(parts.day)}/${pad(parts.month)}/${String(parts.year).padStart(4, '0')}`;
}

/** A percentage with at most two decimals, the Vietnamese way: 89.3 → `89,3`, 60 → `60`. */
export function formatVnPercent(value: number): string {
  return formatVnNumber(roundDecimal(value));
}

/**
 * A reporting period in words: `2026-Q3` → `Quý III/2026`, `2026-08` → `tháng 8/2026`,
 * `2026` → `năm 2026`. Anything else is returned as it is.
 */
export function formatVnPeriod(period: string): string {
  const quarter = parseQuarter(period);
  if (quarter) return `Quý ${ROMAN_QUARTERS[quarter.quarter - 1]}/${quarter.year}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `tháng ${Number(month[2])}/${month[1]}`;
  if (/^\d{4}$/.test(period)) return `năm ${period}`;
  return period;
}
