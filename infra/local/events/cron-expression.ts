/**
 * EventBridge Scheduler cron expressions and the next time one fires
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based):
 * `cron(minutes hours day-of-month month day-of-week year)` with `*`, `?`, lists, ranges, `/`
 * steps, JAN-DEC and SUN-SAT (day-of-week 1-7, 1 = Sunday) and `L` as the whole day-of-month
 * (the month's last day). `W`, `#` and day-of-week `L` are refused, not silently ignored.
 */
import { lastDayOfMonth } from '#shared/domain/calendar.ts';
import { fixedOffsetMs } from './zone-offset.ts';

interface CronFields {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  /** AWS lets exactly one of day-of-month and day-of-week choose the days; the other is `?`. */
  days:
    | { of: 'month'; values: ReadonlySet<number> }
    | { of: 'week'; values: ReadonlySet<number> }
    | { of: 'lastDayOfMonth' };
  months: ReadonlySet<number>;
  years: ReadonlySet<number>;
}

interface Field {
  name: string;
  min: number;
  max: number;
  /** Names for min, min + 1, ... */
  names?: readonly string[];
  hint?: string;
}

const MINUTES: Field = { name: 'minutes', min: 0, max: 59 };
const HOURS: Field = { name: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: Field = {
  name: 'day-of-month',
  min: 1,
  max: 31,
  hint: 'L is supported only on its own; W is not supported locally',
};
const MONTH: Field = {
  name: 'month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const DAY_OF_WEEK: Field = {
  name: 'day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  hint: '# and L are not supported locally',
};
const YEAR: Field = { name: 'year', min: 1970, max: 2199 };

const MINUTE_MS = 60_000;

type Fail = (problem: string) => never;

/** Parses and validates; throws an Error that quotes the expression. */
export function parseCron(expression: string): CronFields {
  const fail: Fail = (problem) => {
    throw new Error(`Invalid cron expression "${expression}": ${problem}`);
  };
  const parts = /^cron\((.*)\)$/.exec(expression.trim())?.[1]?.trim().split(/\s+/) ?? [];
  if (parts.length !== 6) {
    return fail('expected cron(minutes hours day-of-month month day-of-week year)');
  }
  const [minutes = '', hours = '', dayOfMonth = '', month = '', dayOfWeek = '', year = ''] = parts;
  return {
    minutes: parseField(minutes, MINUTES, fail),
    hours: parseField(hours, HOURS, fail),
    days: parseDays(dayOfMonth, dayOfWeek, fail),
    months: parseField(month, MONTH, fail),
    years: parseField(year, YEAR, fail),
  };
}

function parseDays(dayOfMonth: string, dayOfWeek: string, fail: Fail): CronFields['days'] {
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return fail('exactly one of day-of-month and day-of-week must be ?');
  }
  if (dayOfMonth === 'L') return { of: 'lastDayOfMonth' };
  if (dayOfMonth !== '?')
    return { of: 'month', values: parseField(dayOfMonth, DAY_OF_MONTH, fail) };
  return { of: 'week', values: parseField(dayOfWeek, DAY_OF_WEEK, fail) };
}

/**
 * The first instant strictly after `after` at which the expression fires, read as wall-clock
 * time in `timeZone`; undefined when it never fires again (its years are past, or it names a
 * day no month has, such as 30 February).
 */
export function nextRun(expression: string, timeZone: string, after: Date): Date | undefined {
  if (Number.isNaN(after.getTime())) throw new RangeError('nextRun needs a valid date');
  const cron = parseCron(expression);
  const offset = fixedOffsetMs(timeZone, after.getUTCFullYear());
  // The zone's wall clock, held in a timestamp's UTC fields; cron has minute resolution.
  let wall = Math.floor((after.getTime() + offset) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (;;) {
    const date = new Date(wall);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const [hour, minute] = [date.getUTCHours(), date.getUTCMinutes()];
    // Each step jumps to the start of the next candidate year, month, day, hour or minute.
    if (year > YEAR.max) return undefined;
    if (!cron.years.has(year)) wall = Date.UTC(year + 1, 0, 1);
    else if (!cron.months.has(month)) wall = Date.UTC(year, month, 1);
    else if (!dayMatches(cron.days, year, month, day)) wall = Date.UTC(year, month - 1, day + 1);
    else if (!cron.hours.has(hour)) wall = Date.UTC(year, month - 1, day, hour + 1);
    else if (!cron.minutes.has(minute)) wall += MINUTE_MS;
    else return new Date(wall - offset);
  }
}

function dayMatches(days: CronFields['days'], year: number, month: number, day: number): boolean {
  if (days.of === 'lastDayOfMonth') return day === lastDayOfMonth(year, month);
  if (days.of === 'month') return days.values.has(day);
  const dayOfWeek = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1; // 1 = Sunday
  return days.values.has(dayOfWeek);
}

/** A comma-separated list of `*`, `v`, `a-b`, each optionally `/step`. */
function parseField(text: string, field: Field, fail: Fail): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, ...rest] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (rest.length > 0 || !Number.isInteger(step) || step < 1 || stepText === '') {
      return fail(`${field.name}: "${part}" has a malformed step`);
    }
    const bounds = range.split('-');
    let start: number;
    let end: number;
    if (range === '*') [start, end] = [field.min, field.max];
    else if (bounds.length === 2) {
      [start, end] = bounds.map((bound) => parseValue(bound, field, fail)) as [number, number];
      if (start > end) return fail(`${field.name}: the range "${range}" runs backwards`);
    } else {
      start = parseValue(range, field, fail);
      // `a/n` means every n-th value from a to the end of the field.
      end = stepText === undefined ? start : field.max;
    }
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

function parseValue(text: string, field: Field, fail: Fail): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (value >= field.min && value <= field.max) return value;
  const names = field.names ? ` or ${field.names[0]}-${field.names.at(-1)}` : '';
  const hint = field.hint ? `; ${field.hint}` : '';
  return fail(
    `${field.name}: "${text}" is not a value from ${field.min} to ${field.max}${names}${hint}`,
  );
}
