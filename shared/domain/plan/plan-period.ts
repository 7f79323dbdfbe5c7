/**
 * A plan's period as its title words it. Phrases are found anywhere in the text, ignoring
 * case and diacritics; the first one that is a period wins:
 *
 *   "6 tháng đầu năm 2026"                          2026-01-01..2026-06-30
 *   "6 tháng cuối năm 2026"                         2026-07-01..2026-12-31
 *   "9 tháng đầu năm 2026"                          2026-01-01..2026-09-30
 *   "quý III/2026", "quý III năm 2026", "quý III-IV/2026"   the quarters
 *   "tháng 7/2026", "tháng 7-9/2026"                the months
 *   "năm 2026", "năm 2026 - 2027"                   whole years
 *   "giai đoạn 2026 - 2030", "thời kỳ 2021 - 2030", "từ năm 2026 đến năm 2030"
 *                                                   whole years
 *
 * Not periods, and skipped: a date ("ngày 07 tháng 7 năm 2026"), a horizon ("đến năm
 * 2030", "tầm nhìn đến năm 2050"), a range that runs backwards or a month or year that
 * does not exist. Linear in the text: one pass of a pattern whose every branch is short.
 */
import {
  isValidDate,
  monthRange,
  quarterRange,
  yearRange,
  type DateRange,
  type QuarterNumber,
} from '../calendar.ts';
import { foldText } from './fold.ts';

/** How a period may be written, for the officer whose document has none. */
export const PERIOD_FORMATS = [
  '6 tháng đầu năm YYYY',
  '6 tháng cuối năm YYYY',
  '9 tháng đầu năm YYYY',
  'quý I..IV/YYYY',
  'tháng M/YYYY',
  'năm YYYY',
  'giai đoạn YYYY - YYYY',
  'thời kỳ YYYY - YYYY',
  '{ "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" }',
] as const;

const QUARTER = String.raw`iv|i{1,3}|[1-4]`;
const YEAR = String.raw`\d{4}(?!\d)`;
/** "/2026" or " năm 2026" after a quarter or a month. */
const OF_YEAR = String.raw`(?: ?\/ ?| nam )`;

const PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    [
      String.raw`(?<part>6|sau|9|chin) thang (?<side>dau|cuoi) nam (?<partYear>${YEAR})`,
      String.raw`quy (?<q1>${QUARTER})(?: ?- ?(?<q2>${QUARTER}))?${OF_YEAR}(?<quarterYear>${YEAR})`,
      String.raw`thang (?<m1>\d{1,2})(?: ?- ?(?<m2>\d{1,2}))?${OF_YEAR}(?<monthYear>${YEAR})`,
      String.raw`(?:giai doan|thoi ky) (?:tu nam )?(?<span1>${YEAR}) ?(?:-|den(?: nam)?) ?(?<span2>${YEAR})`,
      String.raw`tu nam (?<from>${YEAR}) den(?: nam)? (?<to>${YEAR})`,
      String.raw`nam (?<y1>${YEAR})(?: ?- ?(?<y2>${YEAR}))?`,
    ].join('|') +
    ')',
  'gu',
);

/** Words right before a phrase that make it a date or a horizon, not a period. */
const DATE_BEFORE = /(?:ngay \d{1,2} ?|thang \d{1,2} ?)$/;
const HORIZON_BEFORE = /(?:den|truoc|sau|tam nhin) $/;
const CONTEXT = 12;

const ROMAN: Record<string, QuarterNumber> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function readPeriod(text: string): DateRange | null {
  const folded = foldText(text.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .replace(/[‐‑‒–—―−]/g, '-');
  for (const match of folded.matchAll(PHRASE)) {
    const before = folded.slice(Math.max(0, match.index - CONTEXT), match.index);
    if (DATE_BEFORE.test(before) || HORIZON_BEFORE.test(before)) continue;
    const period = periodOf(match.groups ?? {});
    if (period) return period;
  }
  return null;
}

function periodOf(g: Record<string, string | undefined>): DateRange | null {
  if (g.partYear !== undefined) {
    const year = Number(g.partYear);
    const months = g.part === '9' || g.part === 'chin' ? 9 : 6;
    if (months === 9 && g.side === 'cuoi') return null;
    return g.side === 'dau' ? monthSpan(year, 1, months) : monthSpan(year, 7, 12);
  }
  if (g.quarterYear !== undefined) {
    const first = quarterOf(g.q1);
    const last = g.q2 === undefined ? first : quarterOf(g.q2);
    const year = Number(g.quarterYear);
    if (first === null || last === null || last < first || !isYear(year)) return null;
    return { start: quarterRange(year, first).start, end: quarterRange(year, last).end };
  }
  if (g.monthYear !== undefined) {
    const first = Number(g.m1);
    const last = g.m2 === undefined ? first : Number(g.m2);
    return monthSpan(Number(g.monthYear), first, last);
  }
  const from = Number(g.span1 ?? g.from ?? g.y1);
  return yearSpan(from, Number(g.span2 ?? g.to ?? g.y2 ?? from));
}

function quarterOf(text: string | undefined): QuarterNumber | null {
  if (text === undefined) return null;
  return ROMAN[text] ?? (Number(text) as QuarterNumber);
}

function monthSpan(year: number, first: number, last: number): DateRange | null {
  if (!isYear(year) || first < 1 || last > 12 || last < first) return null;
  return { start: monthRange(year, first).start, end: monthRange(year, last).end };
}

function yearSpan(first: number, last: number): DateRange | null {
  if (!isYear(first) || !isYear(last) || last < first) return null;
  return { start: yearRange(first).start, end: yearRange(last).end };
}

function isYear(year: number): boolean {
  return isValidDate(year, 1, 1);
}
