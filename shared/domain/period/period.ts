/**
 * Reporting periods: what a report, a figure or a snapshot describes.
 *
 * A period is a month, a quarter, a half year (the first six months, or the last six
 * months "6 tháng cuối năm"), the first nine months, or a year. Its code is the one form
 * that crosses every boundary (API, keys, events, CLI):
 *
 *   2026-09   month          2026-H1 / 2026-H2   first / last six months
 *   2026-Q3   quarter        2026-9M             first nine months
 *   2026      year
 *
 * Years run 1..9999 (calendar.ts): four digits, never 0000, so codes sort by year.
 */
import * as z from 'zod';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nineMonths', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The kinds that cut a year into consecutive pieces (nine months is a year-to-date span). */
export const TILING_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type TilingPeriodKind = (typeof TILING_PERIOD_KINDS)[number];

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'nineMonths'; year: number }
  | { kind: 'year'; year: number };

// One grammar for the schema and the parser: a year 0001..9999, then an optional suffix.
const PERIOD_CODE = /^(?!0000)(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])|(9M)))?$/;

/** A period code; the only way a period crosses a boundary. */
export const periodCodeSchema = z
  .string()
  .regex(
    PERIOD_CODE,
    'Kỳ báo cáo phải có dạng 2026-09 (tháng), 2026-Q3 (quý), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-9M (9 tháng) hoặc 2026 (năm)',
  )
  .meta({
    description:
      'A reporting period: a month (2026-09), a quarter (2026-Q3), a half year (2026-H1, 2026-H2), the first nine months (2026-9M) or a year (2026); years 0001..9999',
    example: '2026-Q3',
  });
export type PeriodCode = z.infer<typeof periodCodeSchema>;

/** The period a code names, or null when it names none. */
export function parsePeriod(code: string): Period | null {
  const match = PERIOD_CODE.exec(code);
  if (!match) return null;
  const [, yearText, month, quarter, half, nine] = match;
  const year = Number(yearText);
  if (month !== undefined) return { kind: 'month', year, month: Number(month) };
  if (quarter !== undefined) {
    return { kind: 'quarter', year, quarter: Number(quarter) as 1 | 2 | 3 | 4 };
  }
  if (half !== undefined) return { kind: 'half', year, half: Number(half) as 1 | 2 };
  if (nine !== undefined) return { kind: 'nineMonths', year };
  return { kind: 'year', year };
}

/** The period a code names; throws RangeError for anything else (for codes already validated). */
export function requirePeriod(code: string): Period {
  const period = parsePeriod(code);
  if (!period) throw new RangeError(`${JSON.stringify(code)} is not a reporting period code`);
  return period;
}

/** Codes read before, a bounded few: reports name a handful of periods between them. */
const periodsOfCodes = new Map<string, Readonly<Period>>();

/**
 * requirePeriod, remembered: the rollup asks it of every report and slot, for the same few
 * codes. The period returned is shared, hence frozen.
 */
export function periodOfCode(code: string): Readonly<Period> {
  let period = periodsOfCodes.get(code);
  if (!period) {
    period = Object.freeze(requirePeriod(code));
    if (periodsOfCodes.size >= 1_000) periodsOfCodes.clear();
    periodsOfCodes.set(code, period);
  }
  return period;
}

/** The code of a period; throws RangeError for a period no code can name. */
export function formatPeriod(period: Period): PeriodCode {
  checkPeriod(period);
  const year = String(period.year).padStart(4, '0');
  switch (period.kind) {
    case 'month':
      return `${year}-${String(period.month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${period.quarter}`;
    case 'half':
      return `${year}-H${period.half}`;
    case 'nineMonths':
      return `${year}-9M`;
    case 'year':
      return year;
  }
}

/** The kind of the period a code names, or null when it names none. */
export function periodKind(code: string): PeriodKind | null {
  return parsePeriod(code)?.kind ?? null;
}

/** Whether two periods are the same one. */
export function samePeriod(a: Period, b: Period): boolean {
  return formatPeriod(a) === formatPeriod(b);
}

function checkPeriod(period: Period): void {
  const inRange = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  const valid =
    inRange(period.year, 1, 9999) &&
    (period.kind === 'month'
      ? inRange(period.month, 1, 12)
      : period.kind === 'quarter'
        ? inRange(period.quarter, 1, 4)
        : period.kind === 'half'
          ? inRange(period.half, 1, 2)
          : true);
  if (!valid) throw new RangeError(`${JSON.stringify(period)} is not a reporting period`);
}
