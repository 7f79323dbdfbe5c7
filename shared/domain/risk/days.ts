/**
 * Whole-day distances between province calendar dates. calendar.ts moves dates
 * (`addDays`) but does not measure them; the risk rules and the rollup need both.
 */
import { parseIsoDate, type IsoDate } from '../calendar.ts';

const MS_PER_DAY = 86_400_000;

function dayNumber(iso: IsoDate): number {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`${JSON.stringify(iso)} is not a valid ISO date`);
  // setUTCFullYear, unlike Date.UTC, keeps years 1..99 where they are.
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Days from `from` to `to`: 1 from a date to the next, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}
