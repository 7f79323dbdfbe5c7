import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareIso,
  isValidDate,
  isoDate,
  monthRange,
  parseIsoDate,
  quarterRange,
} from '#shared/domain/calendar.ts';
import { scheduleSchema, type Schedule } from '#shared/domain/plan/model.ts';
import { parseSchedule, type ScheduleContext } from '#shared/domain/plan/schedule.ts';

/** KH266: the last six months of 2026. */
const KH266: ScheduleContext = {
  planYear: 2026,
  period: { start: '2026-07-01', end: '2026-12-31' },
};
/** KH267: from its issue to the end of the master plan. */
const KH267: ScheduleContext = {
  planYear: 2026,
  period: { start: '2026-07-08', end: '2030-12-31' },
};

const CONDITION =
  'Sau khi quy hoạch chung xây dựng các xã, phường theo địa giới hành chính mới được phê duyệt';

type Expected = Omit<Schedule, 'text'>;
const none = { start: null, due: null, recurrence: null, condition: null } as const;
const window = (start: string, due: string): Expected => ({ ...none, kind: 'window', start, due });
const deadline = (due: string): Expected => ({ ...none, kind: 'deadline', due });
const recurring = (recurrence: Schedule['recurrence'], start: string, due: string): Expected => ({
  ...none,
  kind: 'recurring',
  start,
  due,
  recurrence,
});
const ongoing = (start: string | null = null, due: string | null = null): Expected => ({
  ...none,
  kind: 'ongoing',
  start,
  due,
});

describe('parseSchedule: the timelines of the plans', () => {
  it.each<{ text: string; context?: ScheduleContext; expected: Expected }>([
    // quarters
    { text: 'Quý III/2026', expected: window('2026-07-01', '2026-09-30') },
    { text: 'Quý IV/2026', expected: window('2026-10-01', '2026-12-31') },
    { text: 'Quý III-IV/2026', expected: window('2026-07-01', '2026-12-31') },
    { text: 'Quý III, IV/2026', expected: window('2026-07-01', '2026-12-31') },
    { text: 'quý iii , iv / 2026', expected: window('2026-07-01', '2026-12-31') },
    { text: 'Quý III – IV/2026', expected: window('2026-07-01', '2026-12-31') },
    { text: 'Quý IV', expected: window('2026-10-01', '2026-12-31') },
    {
      text: 'Quý I',
      context: { ...KH266, planYear: 2027 },
      expected: window('2027-01-01', '2027-03-31'),
    },
    { text: 'Quý IV năm 2026', expected: window('2026-10-01', '2026-12-31') },
    { text: 'QUÝ II/2028', expected: window('2028-04-01', '2028-06-30') },
    // deadlines
    { text: 'Trước 31/12/2026', expected: deadline('2026-12-31') },
    { text: 'Trước 15/11/2026', expected: deadline('2026-11-15') },
    { text: 'Đến 31/12/2026', expected: deadline('2026-12-31') },
    { text: 'Chậm nhất 31/12/2026', expected: deadline('2026-12-31') },
    { text: 'trước ngày 10/6/2026', expected: deadline('2026-06-10') },
    { text: 'chậm nhất ngày 05/6/2026', expected: deadline('2026-06-05') },
    { text: 'Khởi công trước 15/7/2026', expected: deadline('2026-07-15') },
    { text: 'Hoàn thành trước 30/9/2026', expected: deadline('2026-09-30') },
    { text: 'Trước 29/2/2028', expected: deadline('2028-02-29') },
    { text: '31/12/2026', expected: deadline('2026-12-31') },
    { text: 'Trước 30/9', expected: deadline('2026-09-30') },
    // months
    { text: 'Tháng 7/2026', expected: window('2026-07-01', '2026-07-31') },
    { text: 'Tháng 9/2026', expected: window('2026-09-01', '2026-09-30') },
    { text: 'Tháng 12/2026', expected: window('2026-12-01', '2026-12-31') },
    { text: 'Tháng 7, 8/2026', expected: window('2026-07-01', '2026-08-31') },
    { text: 'Tháng 7-11/2026', expected: window('2026-07-01', '2026-11-30') },
    { text: 'Tháng 11-12/2026', expected: window('2026-11-01', '2026-12-31') },
    { text: 'tháng 7 - 10 / 2026', expected: window('2026-07-01', '2026-10-31') },
    { text: 'Tháng 2/2028', expected: window('2028-02-01', '2028-02-29') },
    { text: 'Tháng 12', expected: window('2026-12-01', '2026-12-31') },
    // completion: the period's end is the deadline
    { text: 'Thời gian hoàn thành Quý III/2027', expected: deadline('2027-09-30') },
    { text: 'Thời gian hoàn thành Quý IV/2026', expected: deadline('2026-12-31') },
    { text: 'Thời gian hoàn thành tháng 12/2026', expected: deadline('2026-12-31') },
    { text: 'Đến năm 2030', expected: deadline('2030-12-31') },
    // "Trước" a period: before it begins
    { text: 'Trước tháng 12/2026', expected: deadline('2026-11-30') },
    { text: 'Trước Quý IV/2026', expected: deadline('2026-09-30') },
    // recurring
    {
      text: 'Hàng tháng (6 tháng cuối năm)',
      expected: recurring('monthly', '2026-07-01', '2026-12-31'),
    },
    {
      text: 'Hàng tháng (6 tháng cuối năm)',
      context: KH267,
      expected: recurring('monthly', '2026-07-01', '2026-12-31'),
    },
    { text: 'Thường xuyên hằng tháng', expected: recurring('monthly', '2026-07-01', '2026-12-31') },
    {
      text: 'hàng tháng',
      context: KH267,
      expected: recurring('monthly', '2026-07-08', '2030-12-31'),
    },
    { text: 'Hàng quý', expected: recurring('quarterly', '2026-07-01', '2026-12-31') },
    { text: 'Hàng năm', context: KH267, expected: recurring('yearly', '2026-07-08', '2030-12-31') },
    { text: 'hằng năm', context: KH267, expected: recurring('yearly', '2026-07-08', '2030-12-31') },
    {
      text: 'Hàng quý (năm 2027)',
      context: KH267,
      expected: recurring('quarterly', '2027-01-01', '2027-12-31'),
    },
    // ongoing
    { text: 'Thường xuyên (6 tháng cuối năm)', expected: ongoing('2026-07-01', '2026-12-31') },
    { text: 'Thường xuyên', expected: ongoing() },
    { text: 'Tiếp tục thực hiện', context: KH267, expected: ongoing() },
    { text: 'tiếp tục\nthực hiện', context: KH267, expected: ongoing() },
    // years and periods
    { text: 'Năm 2026', context: KH267, expected: window('2026-01-01', '2026-12-31') },
    { text: '2026', context: KH267, expected: window('2026-01-01', '2026-12-31') },
    { text: 'Năm 2026 - 2027', context: KH267, expected: window('2026-01-01', '2027-12-31') },
    { text: 'Năm 2027 - 2028', context: KH267, expected: window('2027-01-01', '2028-12-31') },
    { text: 'Năm 2027 -\n2028', context: KH267, expected: window('2027-01-01', '2028-12-31') },
    { text: 'Năm 2027 -  2028', context: KH267, expected: window('2027-01-01', '2028-12-31') },
    { text: 'Năm 2024 - 2029', context: KH267, expected: window('2024-01-01', '2029-12-31') },
    { text: 'Năm 2025 - 2030', context: KH267, expected: window('2025-01-01', '2030-12-31') },
    { text: 'Giai đoạn 2026 - 2030', context: KH267, expected: window('2026-01-01', '2030-12-31') },
    { text: 'giai đoạn 2026–2030', context: KH267, expected: window('2026-01-01', '2030-12-31') },
    { text: '6 tháng cuối năm', expected: window('2026-07-01', '2026-12-31') },
    { text: '6 tháng đầu năm 2027', expected: window('2027-01-01', '2027-06-30') },
    // conditions
    {
      text: 'Sau khi dự án được phê duyệt.',
      expected: { ...none, kind: 'conditional', condition: 'Sau khi dự án được phê duyệt' },
    },
  ])('$text', ({ text, context = KH266, expected }) => {
    // Act
    const { schedule, problems } = parseSchedule(text, context);

    // Assess
    expect(problems).toEqual([]);
    expect(schedule).toEqual({ text: text.trim(), ...expected });
  });

  it('keeps the text as given, trimmed', () => {
    // Act
    const { schedule } = parseSchedule('  Quý  III / 2026 \n', KH266);

    // Assess
    expect(schedule.text).toBe('Quý  III / 2026');
    expect(schedule.start).toBe('2026-07-01');
  });
});

describe('parseSchedule: an empty timeline', () => {
  it('is conditional when the note states the condition', () => {
    // Act
    const { schedule, problems } = parseSchedule('', { ...KH267, note: CONDITION });

    // Assess
    expect(problems).toEqual([]);
    expect(schedule).toEqual({ text: '', ...none, kind: 'conditional', condition: CONDITION });
  });

  it('takes the sentence of the note that holds the condition', () => {
    // Prepare
    const note = 'Quyết định số 1122/QĐ-UBND ngày 20/5/2025. Triển khai sau khi có vốn; báo cáo';

    // Act
    const { schedule } = parseSchedule('  ', { ...KH267, note });

    // Assess
    expect(schedule.kind).toBe('conditional');
    expect(schedule.condition).toBe('Triển khai sau khi có vốn');
  });

  it.each([undefined, '', 'Quyết định của UBND tỉnh', 'Kế hoạch số 81/KH-UBND ngày 10/3/2026'])(
    'is unspecified, without a problem, when the note is %j',
    (note) => {
      // Act
      const { schedule, problems } = parseSchedule('', { ...KH267, note });

      // Assess
      expect(problems).toEqual([]);
      expect(schedule).toEqual({ text: '', ...none, kind: 'unspecified' });
    },
  );

  it('ignores the note when the timeline is given', () => {
    // Act
    const { schedule } = parseSchedule('Năm 2026', { ...KH267, note: CONDITION });

    // Assess
    expect(schedule.kind).toBe('window');
    expect(schedule.condition).toBeNull();
  });
});

describe('parseSchedule: bad timelines', () => {
  const invalid = (message: string) => ({ code: 'INVALID_DATE', message });
  const unreadable = (message: string) => ({ code: 'TIMELINE_UNREADABLE', message });

  it.each([
    { text: '31/6/2026', problem: invalid('ngày 31/6/2026 không tồn tại') },
    { text: 'Trước 31/6/2026', problem: invalid('ngày 31/6/2026 không tồn tại') },
    { text: 'Trước 31/02/2026', problem: invalid('ngày 31/02/2026 không tồn tại') },
    { text: 'Đến 29/2/2027', problem: invalid('ngày 29/2/2027 không tồn tại') },
    { text: 'Trước 0/7/2026', problem: invalid('ngày 0/7/2026 không tồn tại') },
    { text: 'Tháng 11-7/2026', problem: invalid('các tháng 11-7 ngược thứ tự') },
    { text: 'Tháng 13/2026', problem: invalid('tháng 13 không tồn tại') },
    { text: 'Quý IV-III/2026', problem: invalid('các quý IV-III ngược thứ tự') },
    { text: 'Năm 2030 - 2026', problem: invalid('các năm 2030-2026 ngược thứ tự') },
    { text: 'Năm 0000', problem: invalid('năm 0000 nằm ngoài phạm vi') },
    { text: 'xyz', problem: unreadable('không đọc được thời gian "xyz"') },
    { text: 'Năm 2027 -', problem: unreadable('không đọc được thời gian "Năm 2027 -"') },
    { text: 'Tiếp tục thực', problem: unreadable('không đọc được thời gian "Tiếp tục thực"') },
    { text: 'Quý V/2026', problem: unreadable('không đọc được thời gian "Quý V/2026"') },
    {
      text: 'Quyết định của UBND tỉnh',
      problem: unreadable('không đọc được thời gian "Quyết định của UBND tỉnh"'),
    },
    {
      text: 'Hàng tháng (khi cần)',
      problem: unreadable('không đọc được khoảng thời gian "khi cần"'),
    },
    { text: 'Thường xuyên (tháng 13)', problem: invalid('tháng 13 không tồn tại') },
  ])('$text: $problem.message', ({ text, problem }) => {
    // Act
    const { schedule, problems } = parseSchedule(text, KH266);

    // Assess
    expect(problems).toEqual([problem]);
    expect(schedule).toEqual({ text, ...none, kind: 'unspecified' });
  });

  it('reports a plan year that is not a year instead of throwing', () => {
    // Act
    const { schedule, problems } = parseSchedule('Quý IV', { ...KH266, planYear: 0 });

    // Assess
    expect(schedule.kind).toBe('unspecified');
    expect(problems).toEqual([invalid('năm 0 nằm ngoài phạm vi')]);
  });
});

// ---- properties ----

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const year = fc.integer({ min: 1900, max: 2199 });
/** The same words as officials type them: any case, loose spacing, either dash. */
const anyCase = (word: string) => fc.constantFrom(word, word.toLowerCase(), word.toUpperCase());
const space = fc.constantFrom('', ' ', '  ');
const dash = fc.constantFrom('-', '–', ' - ', ' – ');

/** A timeline of one of the four main forms, with the dates it must give. */
interface Generated {
  text: string;
  start: string | null;
  due: string;
}

const quarterText: fc.Arbitrary<Generated> = fc
  .record({ word: anyCase('Quý'), q: fc.integer({ min: 1, max: 4 }), year, s: space })
  .map(({ word, q, year, s }) => {
    const range = quarterRange(year, q as 1 | 2 | 3 | 4);
    return { text: `${word} ${ROMAN[q - 1]}${s}/${s}${year}`, start: range.start, due: range.end };
  });

const monthsText: fc.Arbitrary<Generated> = fc
  .record({
    word: anyCase('Tháng'),
    months: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
    year,
    d: dash,
  })
  .map(({ word, months, year, d }) => {
    const [a, b] = [Math.min(...months), Math.max(...months)];
    return {
      text: `${word} ${a}${d}${b}/${year}`,
      start: monthRange(year, a).start,
      due: monthRange(year, b).end,
    };
  });

const deadlineText: fc.Arbitrary<Generated> = fc
  .record({
    keyword: fc.constantFrom('Trước', 'trước ngày', 'Đến', 'Chậm nhất', 'Khởi công trước'),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  })
  .map(({ keyword, date }) => {
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    return { text: `${keyword} ${d}/${m}/${y}`, start: null, due: isoDate(y, m, d) };
  });

const yearsText: fc.Arbitrary<Generated> = fc
  .record({ word: anyCase('Năm'), years: fc.tuple(year, year), d: dash })
  .map(({ word, years, d }) => {
    const [a, b] = [Math.min(...years), Math.max(...years)];
    return { text: `${word} ${a}${d}${b}`, start: `${a}-01-01`, due: `${b}-12-31` };
  });

/** The date exists and is written exactly as isoDate writes it. */
function roundTrips(iso: string | null): boolean {
  if (iso === null) return true;
  const parts = parseIsoDate(iso);
  return (
    parts !== null &&
    isValidDate(parts.year, parts.month, parts.day) &&
    isoDate(parts.year, parts.month, parts.day) === iso
  );
}

describe('parseSchedule: properties', () => {
  it.each([
    { form: 'Quý X/YYYY', timeline: quarterText },
    { form: 'Tháng a-b/YYYY', timeline: monthsText },
    { form: 'Trước d/m/YYYY', timeline: deadlineText },
    { form: 'Năm a - b', timeline: yearsText },
  ])('reads every "$form" to real dates, due on or after start', ({ timeline }) => {
    fc.assert(
      fc.property(timeline, ({ text, start, due }) => {
        // Act
        const { schedule, problems } = parseSchedule(text, KH266);

        // Assess
        expect(problems).toEqual([]);
        expect([schedule.start, schedule.due]).toEqual([start, due]);
        expect(roundTrips(schedule.start) && roundTrips(schedule.due)).toBe(true);
        if (schedule.start !== null && schedule.due !== null) {
          expect(compareIso(schedule.start, schedule.due)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('names every date that does not exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        year,
        (d, m, y) => {
          fc.pre(!isValidDate(y, m, d));

          // Act
          const { schedule, problems } = parseSchedule(`Trước ${d}/${m}/${y}`, KH266);

          // Assess
          expect(schedule.kind).toBe('unspecified');
          expect(problems).toEqual([
            { code: 'INVALID_DATE', message: `ngày ${d}/${m}/${y} không tồn tại` },
          ]);
        },
      ),
    );
  });

  it('reports every reversed month range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        year,
        (a, b, y) => {
          fc.pre(a > b);

          // Act
          const { schedule, problems } = parseSchedule(`Tháng ${a}-${b}/${y}`, KH266);

          // Assess
          expect(schedule.kind).toBe('unspecified');
          expect(problems).toEqual([
            { code: 'INVALID_DATE', message: `các tháng ${a}-${b} ngược thứ tự` },
          ]);
        },
      ),
    );
  });

  /** Strings built from the timeline vocabulary reach deeper than random characters. */
  const vocabulary = fc
    .array(
      fc.constantFrom(
        'Quý',
        'III',
        'IV',
        'V',
        'Tháng',
        'Năm',
        'Giai đoạn',
        'Trước',
        'Đến',
        'Chậm nhất',
        'ngày',
        'hoàn thành',
        'Hàng',
        'hằng',
        'tháng',
        'quý',
        'năm',
        'Thường xuyên',
        'Tiếp tục thực hiện',
        'Sau khi',
        '6 tháng cuối năm',
        '(',
        ')',
        '/',
        '-',
        '–',
        ',',
        ' ',
        '\n',
        '.',
        '0',
        '7',
        '12',
        '13',
        '31',
        '29/2',
        '2026',
        '0000',
        '9999',
        '99999',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), vocabulary);
  const anyContext: fc.Arbitrary<ScheduleContext> = fc.record({
    planYear: fc.oneof(year, fc.integer()),
    period: fc.constantFrom(KH266.period, KH267.period),
    note: fc.option(anyText, { nil: undefined }),
  });

  it('never throws and always gives a valid schedule', () => {
    fc.assert(
      fc.property(anyText, anyContext, (text, context) => {
        // Act
        const { schedule, problems } = parseSchedule(text, context);

        // Assess
        expect(() => scheduleSchema.parse(schedule)).not.toThrow();
        expect(schedule.text).toBe(text.trim());
        if (problems.length > 0) expect(schedule.kind).toBe('unspecified');
        if (schedule.start !== null && schedule.due !== null) {
          expect(compareIso(schedule.start, schedule.due)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
