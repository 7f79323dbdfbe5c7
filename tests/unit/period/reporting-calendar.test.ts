import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIso } from '#shared/domain/calendar.ts';
import { UnprocessableError } from '#shared/domain/errors.ts';
import { dataWindow } from '#shared/domain/period/data-window.ts';
import { requirePeriod, type Period } from '#shared/domain/period/period.ts';
import { periodContaining } from '#shared/domain/period/period-relations.ts';
import { periodMonths, periodRange } from '#shared/domain/period/period-span.ts';
import {
  dataWindowOf,
  deadlineDay,
  deadlineInstant,
  isDeadlinePassed,
  PROVINCE_REPORTING_CALENDAR,
  reportingCalendarOverrideSchema,
  reportingCalendarSchema,
  reportTimeliness,
  resolveCalendar,
  type ReportingCalendar,
} from '#shared/domain/period/reporting-calendar.ts';
import { thrown } from './thrown.ts';
import { arbitraryPeriod, arbitraryTilingKind } from './arbitraries.ts';

const p = requirePeriod;

/** The calendar cut-off with reports due ten days after the period ends. */
const tenDaysAfter: ReportingCalendar = resolveCalendar({
  cutoff: 'calendar',
  deadlines: Object.fromEntries(
    (['month', 'quarter', 'half', 'nineMonths', 'year'] as const).map((kind) => [
      kind,
      { kind: 'daysAfterEnd', days: 10 },
    ]),
  ),
});

describe('dataWindow', () => {
  it.each([
    { code: '2026-01', start: '2025-12-15', end: '2026-01-14' },
    { code: '2026-09', start: '2026-08-15', end: '2026-09-14' },
    { code: '2026-Q1', start: '2025-12-15', end: '2026-03-14' },
    { code: '2026-Q3', start: '2026-06-15', end: '2026-09-14' },
    { code: '2026-H1', start: '2025-12-15', end: '2026-06-14' },
    { code: '2026-H2', start: '2026-06-15', end: '2026-12-14' },
    { code: '2026-9M', start: '2025-12-15', end: '2026-09-14' },
    { code: '2026', start: '2025-12-15', end: '2026-12-14' },
  ])('under Decree 09/2019/NĐ-CP $code runs $start .. $end', ({ code, start, end }) => {
    // Act
    const window = dataWindow(p(code), 'decree-09-2019');

    // Assess
    expect(window).toEqual({ start, end });
  });

  it('by the calendar is the period itself', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const window = dataWindow(period, 'calendar');

        // Assess
        expect(window).toEqual(periodRange(period));
      }),
    );
  });

  it('tiles the calendar: each window starts the day after the one before it ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        arbitraryTilingKind,
        fc.constantFrom('calendar' as const, 'decree-09-2019' as const),
        (year, month, kind, cutoff) => {
          // Prepare: a period and the one after it.
          const day = `${year}-${String(month).padStart(2, '0')}-01`;
          const period = periodContaining(day, kind);
          const next = periodContaining(addDays(periodRange(period).end, 1), kind);

          // Act
          const [current, following] = [dataWindow(period, cutoff), dataWindow(next, cutoff)];

          // Assess
          expect(following.start).toBe(addDays(current.end, 1));
        },
      ),
    );
  });

  it('joins a period’s month windows into its own', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const months = periodMonths(period).map((month) => dataWindow(month, 'decree-09-2019'));

        // Assess
        expect({ start: months[0]?.start, end: months.at(-1)?.end }).toEqual(
          dataWindow(period, 'decree-09-2019'),
        );
      }),
    );
  });

  it('reads the window through a calendar', () => {
    // Act
    const window = dataWindowOf(p('2026-Q3'), PROVINCE_REPORTING_CALENDAR);

    // Assess
    expect(window).toEqual({ start: '2026-06-15', end: '2026-09-14' });
  });
});

describe('the province calendar', () => {
  it('cuts data by Decree 09/2019 and wants reports by the 18th of the last month', () => {
    // Act
    const days = ['2026-09', '2026-Q3', '2026-H1', '2026-H2', '2026-9M', '2026'].map((code) =>
      deadlineDay(p(code), PROVINCE_REPORTING_CALENDAR),
    );

    // Assess
    expect(PROVINCE_REPORTING_CALENDAR.cutoff).toBe('decree-09-2019');
    expect(days).toEqual([
      '2026-09-18',
      '2026-09-18',
      '2026-06-18',
      '2026-12-18',
      '2026-09-18',
      '2026-12-18',
    ]);
  });

  it('never wants a report before its data window closes', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period: Period) => {
        // Act
        const due = deadlineDay(period, PROVINCE_REPORTING_CALENDAR);

        // Assess
        expect(
          compareIso(due, dataWindowOf(period, PROVINCE_REPORTING_CALENDAR).end),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('deadlines', () => {
  it.each([
    { rule: { kind: 'daysAfterEnd', days: 10 }, code: '2026-Q3', due: '2026-10-10' },
    { rule: { kind: 'daysAfterEnd', days: 0 }, code: '2026-Q3', due: '2026-09-30' },
    { rule: { kind: 'daysAfterEnd', days: 10 }, code: '2026', due: '2027-01-10' },
    { rule: { kind: 'dayOfMonth', day: 5, monthOffset: 1 }, code: '2026-Q4', due: '2027-01-05' },
    { rule: { kind: 'dayOfMonth', day: 31, monthOffset: 0 }, code: '2026-06', due: '2026-06-30' },
    { rule: { kind: 'dayOfMonth', day: 31, monthOffset: 2 }, code: '2027-12', due: '2028-02-29' },
    { rule: { kind: 'dayOfMonth', day: 20, monthOffset: 12 }, code: '2026-H1', due: '2027-06-20' },
  ] as const)('$rule.kind $code is due $due', ({ rule, code, due }) => {
    // Prepare
    const period = p(code);
    const calendar = resolveCalendar({ deadlines: { [period.kind]: rule } }, tenDaysAfter);

    // Act
    const day = deadlineDay(period, calendar);

    // Assess
    expect(day).toBe(due);
  });

  it('ends at midnight in the province', () => {
    // Act
    const instant = deadlineInstant(p('2026-Q3'), PROVINCE_REPORTING_CALENDAR);

    // Assess
    expect(instant.toISOString()).toBe('2026-09-18T16:59:59.999Z');
  });
});

describe('reportTimeliness and isDeadlinePassed', () => {
  it.each([
    { at: '2026-09-18T23:59:59+07:00', calendar: 'province', timeliness: 'on_time' },
    { at: '2026-09-19T00:00:00+07:00', calendar: 'province', timeliness: 'late' },
    { at: '2026-07-02T08:00:00+07:00', calendar: 'province', timeliness: 'on_time' },
    // A report on the third quarter sent on 5 October, as reports usually are:
    { at: '2026-10-05T09:00:00+07:00', calendar: 'province', timeliness: 'late' },
    { at: '2026-10-05T09:00:00+07:00', calendar: 'ten days after', timeliness: 'on_time' },
    { at: '2026-10-10T23:00:00+07:00', calendar: 'ten days after', timeliness: 'on_time' },
    { at: '2026-10-11T00:00:00+07:00', calendar: 'ten days after', timeliness: 'late' },
  ])('a Q3 report received $at is $timeliness by the $calendar calendar', (row) => {
    // Prepare
    const calendar = row.calendar === 'province' ? PROVINCE_REPORTING_CALENDAR : tenDaysAfter;
    const at = new Date(row.at);

    // Act
    const timeliness = reportTimeliness(p('2026-Q3'), at, calendar);
    const passed = isDeadlinePassed(p('2026-Q3'), at, calendar);

    // Assess
    expect(timeliness).toBe(row.timeliness);
    expect(passed).toBe(row.timeliness === 'late');
  });

  it('is on time exactly up to the deadline instant', () => {
    fc.assert(
      fc.property(arbitraryPeriod, fc.integer({ min: -5e9, max: 5e9 }), (period, offset) => {
        // Prepare
        const deadline = deadlineInstant(period, PROVINCE_REPORTING_CALENDAR).getTime();
        const at = new Date(deadline + offset);

        // Act
        const timeliness = reportTimeliness(period, at, PROVINCE_REPORTING_CALENDAR);

        // Assess
        expect(timeliness).toBe(offset <= 0 ? 'on_time' : 'late');
      }),
    );
  });
});

describe('calendars as data', () => {
  it('lets a plan override the deadline of one kind and keeps the rest', () => {
    // Act
    const calendar = resolveCalendar({
      deadlines: { quarter: { kind: 'dayOfMonth', day: 20, monthOffset: 0 } },
    });

    // Assess
    expect(calendar.cutoff).toBe('decree-09-2019');
    expect(deadlineDay(p('2026-Q3'), calendar)).toBe('2026-09-20');
    expect(deadlineDay(p('2026-09'), calendar)).toBe('2026-09-18');
  });

  it.each([null, undefined, {}])('is the province’s without an override (%j)', (override) => {
    // Act
    const calendar = resolveCalendar(override);

    // Assess
    expect(calendar).toEqual(PROVINCE_REPORTING_CALENDAR);
  });

  it('refuses a calendar cut-off whose reports would be due before the period ends', () => {
    // Prepare: the calendar cut-off keeps data to the 30th; the default deadline is the 18th.
    const override = { cutoff: 'calendar' as const };

    // Act
    const error = thrown(() => resolveCalendar(override));

    // Assess
    expect(error).toBeInstanceOf(UnprocessableError);
    const problem = error as UnprocessableError;
    expect(problem.code).toBe('reporting-calendar-invalid');
    expect(problem.fields.map((field) => field.field)).toEqual([
      'deadlines.month',
      'deadlines.quarter',
      'deadlines.half',
      'deadlines.nineMonths',
      'deadlines.year',
    ]);
    expect(problem.fields[0]?.reason).toBe(
      'Hạn nộp báo cáo tháng 1/2024 là ngày 18/01/2024, trước ngày chốt số liệu 31/01/2024',
    );
  });

  it('validates a whole calendar with the same rule', () => {
    // Prepare
    const calendar = {
      cutoff: 'decree-09-2019',
      deadlines: {
        ...PROVINCE_REPORTING_CALENDAR.deadlines,
        year: { kind: 'dayOfMonth', day: 10, monthOffset: 0 },
      },
    };

    // Act
    const result = reportingCalendarSchema.safeParse(calendar);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['deadlines', 'year']]);
  });

  it.each([
    { deadlines: { quarter: { kind: 'dayOfMonth', day: 0, monthOffset: 0 } } },
    { deadlines: { quarter: { kind: 'dayOfMonth', day: 32, monthOffset: 0 } } },
    { deadlines: { quarter: { kind: 'dayOfMonth', day: 18 } } },
    { deadlines: { quarter: { kind: 'daysAfterEnd', days: -1 } } },
    { deadlines: { quarter: { kind: 'daysAfterEnd', days: 1.5 } } },
    { deadlines: { quarter: { kind: 'weekly' } } },
    { deadlines: { week: { kind: 'daysAfterEnd', days: 3 } } },
    { cutoff: 'fiscal' },
  ])('refuses the override %j', (override) => {
    // Act
    const result = reportingCalendarOverrideSchema.safeParse(override);

    // Assess
    expect(result.success).toBe(false);
  });

  it('gives every period of a ten-days-after calendar its deadline after its end', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const due = deadlineDay(period, tenDaysAfter);

        // Assess
        expect(due).toBe(addDays(periodRange(period).end, 10));
      }),
    );
  });
});
