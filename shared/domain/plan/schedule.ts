/**
 * The timeline column (Thời gian) read into a Schedule.
 *
 * Matching ignores case and runs after normalising Unicode (NFC), white space (line
 * breaks left by page-break joins included), dashes (`-`, `–`, `—`) and the spacing
 * around `,`, `/` and parentheses; "hằng" reads as "hàng". Quarters are Roman I–IV
 * (or 1–4). A quarter, month or date written without a year is in the plan's year.
 *
 * Periods:
 *   "Quý III/2026"                              2026-07-01..2026-09-30
 *   "Quý III-IV/2026", "Quý III, IV/2026"       first quarter's start..last quarter's end
 *   "Tháng 7/2026", "Tháng 7-11/2026", "Tháng 7, 8/2026"   the same, by month
 *   "Năm 2026", "2026"                          2026-01-01..2026-12-31
 *   "Năm 2026 - 2027", "Giai đoạn 2026 - 2030"  Jan 1 of the first..Dec 31 of the last
 *   "6 tháng đầu|cuối năm [YYYY]"              the calendar half-year (not the plan period)
 * A list ("Quý I, III") spans first..last: a schedule holds one window, not gaps.
 *
 * Forms, tried in this order:
 *   <period>                                    window, start..due = the period
 *   d/m[/yyyy]                                  deadline on that date
 *   [lead] Trước|Đến|Chậm nhất|Hoàn thành [trước] [ngày] d/m[/yyyy]
 *                                               deadline, start null; the lead ("Khởi
 *                                               công", "Thời gian") stays in `text` only
 *   the same keywords + <period>                deadline at the period's end, except
 *                                               "Trước <period>": the day before it starts
 *                                               ("Trước 31/12" is conventionally inclusive,
 *                                               "Trước tháng 12" is read literally)
 *   [Thường xuyên] Hàng tháng|quý|năm [(<period>)]
 *                                               recurring within the bracketed period,
 *                                               else within the plan's reporting period
 *   Thường xuyên [(<period>)]                   ongoing; start/due from the period or null
 *   Tiếp tục [thực hiện]                        ongoing, start/due null
 *   Sau khi …                                   conditional, condition = the text
 *   (empty)                                     conditional when a sentence of the note
 *                                               contains "Sau khi …" (that sentence is
 *                                               the condition), else unspecified
 * Anything else gives kind unspecified and a problem: TIMELINE_UNREADABLE for a text of
 * no known form, INVALID_DATE for a date that does not exist (31/6/2026), a month or year
 * out of range, or a reversed range (Tháng 11-7/2026). Problems are worded in Vietnamese,
 * for the officer who wrote the table. `text` is the input, trimmed. The parser never
 * throws, and its time is linear in the text: every pattern is anchored or bounded.
 */
import {
  addDays,
  isValidDate,
  isoDate,
  monthRange,
  quarterRange,
  yearRange,
  type DateRange,
  type IsoDate,
  type QuarterNumber,
} from '../calendar.ts';
import type { Schedule } from './model.ts';

export interface ScheduleContext {
  /** The plan's year: the year of "Quý IV" or "Tháng 12" written without one. */
  planYear: number;
  /** The plan's reporting period: the window of "Hàng tháng" and "Hàng năm". */
  period: DateRange;
  /** The row's note (Ghi chú): where a condition is written when the timeline is empty. */
  note?: string;
}

export interface ScheduleProblem {
  /** INVALID_DATE: the text names a date or period that cannot exist; the plan is wrong. */
  code: 'INVALID_DATE' | 'TIMELINE_UNREADABLE';
  message: string;
}

export interface ScheduleResult {
  schedule: Schedule;
  /** Empty when the text was read cleanly. */
  problems: ScheduleProblem[];
}

// Every pattern runs on `normalise`d text: lower case, single spaces, `-` with no
// spaces around it, `, ` after commas, `/` with no spaces, ` (` and `)` tight.
const YEAR = String.raw`\d{4}`;
const YEAR_SUFFIX = String.raw`(?:\/| năm )(${YEAR})`;
const LIST_SEPARATOR = /-|, | và /;
const QUARTER_SPAN = new RegExp(
  String.raw`^quý ((?:iv|i{1,3}|[1-4])(?:(?:-|, | và )(?:iv|i{1,3}|[1-4]))*)(?:${YEAR_SUFFIX})?$`,
);
const MONTH_SPAN = new RegExp(
  String.raw`^tháng (\d{1,2}(?:(?:-|, | và )\d{1,2})*)(?:${YEAR_SUFFIX})?$`,
);
const YEAR_SPAN = new RegExp(String.raw`^(?:năm |giai đoạn )?(${YEAR})(?:-(${YEAR}))?$`);
const HALF_YEAR_SPAN = new RegExp(String.raw`^6 tháng (đầu|cuối) năm(?: (${YEAR}))?$`);

const DATE = new RegExp(String.raw`^(\d{1,2})\/(\d{1,2})(?:\/(${YEAR}))?$`);
const DEADLINE =
  /^(?:[\p{L} ]{1,60}? )?(?:trước|đến|chậm nhất|hoàn thành)(?: trước)?(?: ngày)? (.+)$/u;
const BEFORE_DEADLINE = /^(?:[\p{L} ]{1,60}? )?trước(?: ngày)? (.+)$/u;
const RECURRING = /^(?:thường xuyên,? )?hàng (tháng|quý|năm)(?: \((.+)\))?$/;
const ONGOING_CONTINUOUS = /^thường xuyên(?: \((.+)\))?$/;
const ONGOING_CONTINUED = /^tiếp tục(?: thực hiện)?$/;
const CONDITION_TEXT = /^sau khi /;
// The note is not normalised: its sentence is quoted as written. A full stop ends a
// sentence only before a space or the end, so numbers such as "15.520" stay whole.
const SENTENCE_END = /[.;](?:\s+|$)|\n/;
const CONDITION_IN_NOTE = /(?:^|\s)sau khi\s/iu;

const ROMAN: Record<string, QuarterNumber> = { i: 1, ii: 2, iii: 3, iv: 4 };
const RECURRENCE = { tháng: 'monthly', quý: 'quarterly', năm: 'yearly' } as const;

/** A span read from text: its dates, or the reason it cannot be one. */
type SpanResult = { span: DateRange } | { problem: ScheduleProblem };

export function parseSchedule(text: string, context: ScheduleContext): ScheduleResult {
  const trimmed = text.trim();
  const normal = normalise(trimmed);
  if (normal === '') return fromNote(trimmed, context.note);
  const forms = [windowForm, deadlineForm, recurringForm, ongoingForm, conditionalForm];
  for (const form of forms) {
    const result = form(normal, trimmed, context);
    if (result) return result;
  }
  return unspecified(trimmed, unreadable(`không đọc được thời gian "${trimmed}"`));
}

function normalise(text: string): string {
  // White space is collapsed first, so the `\s*` around each mark spans one space at most.
  const spaced = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*[-‐‑–—−]\s*/g, '-')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')')
    .replace(/hằng/g, 'hàng')
    .replace(/qúy/g, 'quý');
  return trimEnd(spaced, /[\s.;,:]/).trim();
}

// ---- forms: each returns null when the text is not of its shape ----

type Form = (normal: string, text: string, context: ScheduleContext) => ScheduleResult | null;

const windowForm: Form = (normal, text, context) => {
  const read = readSpan(normal, context.planYear);
  if (!read) return null;
  if ('problem' in read) return unspecified(text, read.problem);
  return ok({ ...blank(text), kind: 'window', start: read.span.start, due: read.span.end });
};

const deadlineForm: Form = (normal, text, context) => {
  // A bare date is a due date too.
  const target = DATE.test(normal) ? normal : DEADLINE.exec(normal)?.[1];
  if (target === undefined) return null;
  const date = readDate(target, context.planYear);
  const read = date ?? readSpan(target, context.planYear);
  if (!read) return null;
  if ('problem' in read) return unspecified(text, read.problem);
  if ('date' in read) return ok({ ...blank(text), kind: 'deadline', due: read.date });
  // "Trước tháng 12/2026" is before December begins; a date after "trước" is conventionally
  // inclusive ("Trước 31/12/2026" is due 31/12), so only spans are read literally.
  const strictlyBefore = BEFORE_DEADLINE.exec(normal)?.[1] === target;
  const due = strictlyBefore ? addDaysSafe(read.span.start, -1) : read.span.end;
  if (due === null) return unspecified(text, invalid(`thời gian "${text}" kết thúc trước năm 1`));
  return ok({ ...blank(text), kind: 'deadline', due });
};

const recurringForm: Form = (normal, text, context) => {
  const match = RECURRING.exec(normal);
  if (!match) return null;
  const every = match[1] as keyof typeof RECURRENCE;
  const within = match[2] === undefined ? context.period : readSpanOrProblem(match[2], context);
  if ('problem' in within) return unspecified(text, within.problem);
  return ok({
    ...blank(text),
    kind: 'recurring',
    start: within.start,
    due: within.end,
    recurrence: RECURRENCE[every],
  });
};

const ongoingForm: Form = (normal, text, context) => {
  if (ONGOING_CONTINUED.test(normal)) return ok({ ...blank(text), kind: 'ongoing' });
  const match = ONGOING_CONTINUOUS.exec(normal);
  if (!match) return null;
  if (match[1] === undefined) return ok({ ...blank(text), kind: 'ongoing' });
  const within = readSpanOrProblem(match[1], context);
  if ('problem' in within) return unspecified(text, within.problem);
  return ok({ ...blank(text), kind: 'ongoing', start: within.start, due: within.end });
};

const conditionalForm: Form = (normal, text) => {
  if (!CONDITION_TEXT.test(normal)) return null;
  return ok({ ...blank(text), kind: 'conditional', condition: trimEnd(text, /[\s.;]/) });
};

function fromNote(text: string, note: string | undefined): ScheduleResult {
  const sentences = (note ?? '').normalize('NFC').split(SENTENCE_END);
  const condition = sentences.find((s) => CONDITION_IN_NOTE.test(s))?.trim();
  if (condition === undefined) return ok(blank(text));
  return ok({ ...blank(text), kind: 'conditional', condition });
}

// ---- spans and dates ----

/** A span, or null when `normal` is not written as one. */
function readSpan(normal: string, planYear: number): SpanResult | null {
  const quarter = QUARTER_SPAN.exec(normal);
  if (quarter) return quarterSpan(quarter[1] ?? '', quarter[2], planYear);
  const month = MONTH_SPAN.exec(normal);
  if (month) return monthSpan(month[1] ?? '', month[2], planYear);
  const years = YEAR_SPAN.exec(normal);
  if (years) return yearSpan(years[1] ?? '', years[2]);
  const half = HALF_YEAR_SPAN.exec(normal);
  if (half) return halfYearSpan(half[1] === 'đầu' ? 1 : 2, half[2], planYear);
  return null;
}

function readSpanOrProblem(
  normal: string,
  context: ScheduleContext,
): DateRange | { problem: ScheduleProblem } {
  const read = readSpan(normal, context.planYear);
  if (!read) return { problem: unreadable(`không đọc được khoảng thời gian "${normal}"`) };
  return 'problem' in read ? read : read.span;
}

function quarterSpan(list: string, yearText: string | undefined, planYear: number): SpanResult {
  const year = yearOf(yearText, planYear);
  if (typeof year !== 'number') return { problem: year };
  const quarters = list.split(LIST_SEPARATOR).map((q) => ROMAN[q] ?? (Number(q) as QuarterNumber));
  if (isReversed(quarters)) {
    return { problem: invalid(`các quý ${list.toUpperCase()} ngược thứ tự`) };
  }
  const first = quarterRange(year, quarters[0] ?? 1);
  const last = quarterRange(year, quarters.at(-1) ?? 4);
  return { span: { start: first.start, end: last.end } };
}

function monthSpan(list: string, yearText: string | undefined, planYear: number): SpanResult {
  const year = yearOf(yearText, planYear);
  if (typeof year !== 'number') return { problem: year };
  const months = list.split(LIST_SEPARATOR).map(Number);
  const missing = months.find((m) => m < 1 || m > 12);
  if (missing !== undefined) return { problem: invalid(`tháng ${missing} không tồn tại`) };
  if (isReversed(months)) return { problem: invalid(`các tháng ${list} ngược thứ tự`) };
  const first = monthRange(year, months[0] ?? 1);
  const last = monthRange(year, months.at(-1) ?? 12);
  return { span: { start: first.start, end: last.end } };
}

function yearSpan(firstText: string, lastText: string | undefined): SpanResult {
  const first = yearOf(firstText, 0);
  if (typeof first !== 'number') return { problem: first };
  const last = yearOf(lastText ?? firstText, 0);
  if (typeof last !== 'number') return { problem: last };
  if (last < first) return { problem: invalid(`các năm ${first}-${last} ngược thứ tự`) };
  return { span: { start: yearRange(first).start, end: yearRange(last).end } };
}

function halfYearSpan(half: 1 | 2, yearText: string | undefined, planYear: number): SpanResult {
  const year = yearOf(yearText, planYear);
  if (typeof year !== 'number') return { problem: year };
  const [first, last] = half === 1 ? ([1, 2] as const) : ([3, 4] as const);
  return { span: { start: quarterRange(year, first).start, end: quarterRange(year, last).end } };
}

/** A date `d/m[/yyyy]`, or null when `normal` is not written as one. */
function readDate(
  normal: string,
  planYear: number,
): { date: IsoDate } | { problem: ScheduleProblem } | null {
  const match = DATE.exec(normal);
  if (!match) return null;
  const [day, month] = [Number(match[1]), Number(match[2])];
  const year = yearOf(match[3], planYear);
  if (typeof year !== 'number') return { problem: year };
  if (!isValidDate(year, month, day)) {
    return { problem: invalid(`ngày ${normal} không tồn tại`) };
  }
  return { date: isoDate(year, month, day) };
}

/** The year written, or the plan's, or the problem with it. */
function yearOf(text: string | undefined, planYear: number): number | ScheduleProblem {
  const year = text === undefined ? planYear : Number(text);
  return isValidDate(year, 1, 1) ? year : invalid(`năm ${text ?? year} nằm ngoài phạm vi`);
}

/** Whether a range or list goes backwards ("11-7"); a repeat ("7-7") is harmless. */
function isReversed(values: number[]): boolean {
  return values.some((value, i) => i > 0 && value < (values[i - 1] ?? value));
}

function addDaysSafe(iso: IsoDate, days: number): IsoDate | null {
  try {
    return addDays(iso, days);
  } catch {
    return null;
  }
}

// ---- results ----

function blank(text: string): Schedule {
  return { text, kind: 'unspecified', start: null, due: null, recurrence: null, condition: null };
}

function ok(schedule: Schedule): ScheduleResult {
  return { schedule, problems: [] };
}

/**
 * `text` without the trailing characters that match `char`. A loop, because a regex such
 * as `/[\s.;]+$/` retries from every character of a long run that does not end the text.
 */
function trimEnd(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

function unspecified(text: string, problem: ScheduleProblem): ScheduleResult {
  return { schedule: blank(text), problems: [problem] };
}

function invalid(message: string): ScheduleProblem {
  return { code: 'INVALID_DATE', message };
}

function unreadable(message: string): ScheduleProblem {
  return { code: 'TIMELINE_UNREADABLE', message };
}
