/**
 * Numbers, percentages, dates and instants as a Vietnamese reader expects them, through
 * Intl with the vi-VN locale and the province's clock: 15.520,5; 30/09/2026; 14:05 30/09/2026.
 */
import { parsePeriod } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { PROVINCE_TIME_ZONE, type IsoDate } from '#shared/domain/calendar.ts';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});
// An ISO date names a province day: formatted at UTC midnight, it never shifts a day.
const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const instantFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: PROVINCE_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export const formatNumber = (value: number): string => numberFormat.format(value);

/** 89.3 → "89,3%"; null → "—". */
export const formatPercent = (value: number | null): string =>
  value === null ? '—' : `${percentFormat.format(value)}%`;

export const formatDate = (iso: IsoDate | null): string =>
  iso === null ? '—' : dateFormat.format(new Date(`${iso}T00:00:00Z`));

export const formatInstant = (iso: string): string => instantFormat.format(new Date(iso));

/** `2026-Q3` → "Quý III/2026" (any period code, by the period's own label). */
export function formatQuarterLabel(code: string): string {
  const period = parsePeriod(code);
  return period ? periodLabel(period) : code;
}
