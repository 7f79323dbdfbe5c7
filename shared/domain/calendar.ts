/**
 * Calendar dates in the province (Asia/Ho_Chi_Minh, UTC+7, no DST since 1975).
 *
 * Dates are `YYYY-MM-DD` strings and all arithmetic is plain proleptic-Gregorian
 * calendar arithmetic: no time zone enters until a date must become an instant
 * (`endOfDayInstant`) or an instant a date (`todayInProvince`).
 * Years are limited to 1..9999 so every date fits the four-digit ISO form, which
 * also makes string comparison agree with calendar order.
 */

/** A calendar date in the province, as `YYYY-MM-DD` (the same shape as `model.ts`'s `IsoDate`). */
export type IsoDate = string;

/** An inclusive span of calendar dates. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

export type QuarterNumber = 1 | 2 | 3 | 4;

export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The province's offset from UTC, the same all year. */
const PROVINCE_UTC_OFFSET_HOURS = 7;
const PROVINCE_UTC_OFFSET = `+${String(PROVINCE_UTC_OFFSET_HOURS).padStart(2, '0')}:00`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1..12) of `year`. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year/month/day (month 1..12) name a real date in years 1..9999. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

/** `YYYY-MM-DD` for a real date; throws RangeError otherwise (callers validate first). */
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidDate(year, month, day)) {
    throw new RangeError(`${year}/${month}/${day} is not a valid date`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The parts of a well-formed, real ISO date, or null. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: string): value is IsoDate {
  return parseIsoDate(value) !== null;
}

function partsOrThrow(iso: string): { year: number; month: number; day: number } {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`${JSON.stringify(iso)} is not a valid ISO date`);
  return parts;
}

export function monthRange(year: number, month: number): DateRange {
  return { start: isoDate(year, month, 1), end: isoDate(year, month, lastDayOfMonth(year, month)) };
}

export function quarterRange(year: number, quarter: QuarterNumber): DateRange {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { start: monthRange(year, firstMonth).start, end: monthRange(year, firstMonth + 2).end };
}

export function yearRange(year: number): DateRange {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** `iso` moved by `days` (may be negative); throws RangeError if it leaves years 1..9999. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  const { year, month, day } = partsOrThrow(iso);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 onto 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const moved = new Date(date.getTime() + days * MS_PER_DAY);
  return isoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Negative, zero or positive as `a` is before, on or after `b` (a sort comparator). */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Fixed-width ISO dates sort as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date in the province at instant `now`: the fixed offset rather than
 * `Intl.DateTimeFormat`, since the province keeps UTC+7 all year, and the first
 * `DateTimeFormat` a process builds loads ICU's data, tens of milliseconds of every Lambda
 * cold start (BENCHMARKS.md, figure 3).
 */
export function todayInProvince(now: Date = new Date()): IsoDate {
  const inProvince = new Date(now.getTime() + PROVINCE_UTC_OFFSET_HOURS * 3_600_000);
  return isoDate(
    inProvince.getUTCFullYear(),
    inProvince.getUTCMonth() + 1,
    inProvince.getUTCDate(),
  );
}

/** A time of day on the province's clock: `09:05`. */
export type ClockTime = string;

const provinceClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: PROVINCE_TIME_ZONE,
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The date and the time of day in the province at instant `at` (documents print both). */
export function provinceDateTime(at: Date): { date: IsoDate; time: ClockTime } {
  const parts = provinceClockFormat.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    (parts.find((p) => p.type === type)?.value ?? '0').padStart(2, '0');
  return { date: todayInProvince(at), time: `${part('hour')}:${part('minute')}` };
}

/** The last millisecond of `iso` in the province: deadlines and quarters end here. */
export function endOfDayInstant(iso: IsoDate): Date {
  partsOrThrow(iso);
  return new Date(`${iso}T23:59:59.999${PROVINCE_UTC_OFFSET}`);
}

export function quarterOf(iso: IsoDate): { year: number; quarter: QuarterNumber } {
  const { year, month } = partsOrThrow(iso);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}
