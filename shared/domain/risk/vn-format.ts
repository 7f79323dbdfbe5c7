/** Dates, percentages and periods as the province's documents print them. */
import { parseIsoDate, type IsoDate } from '../calendar.ts';
import { parsePeriod } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { formatVnNumber } from '../plan/vn-number.ts';
import { roundDecimal } from './decimal.ts';

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
 * A reporting period in words, inside a sentence (period/period-label.ts): `2026-Q3` →
 * `Quý III/2026`, `2026-08` → `tháng 8/2026`, `2026` → `năm 2026`. Anything that is not
 * a period code is returned as it is.
 */
export function formatVnPeriod(period: string): string {
  const parsed = parsePeriod(period);
  return parsed ? periodLabel(parsed, 'inline') : period;
}
