/**
 * The reporting calendar: which days a period's data covers (the cut-off, data-window.ts)
 * and by when its report is due (the submission deadline of each kind of period), as
 * data, with a province default that a plan may override.
 *
 * The province default:
 * - Cut-off: Decree 09/2019/NĐ-CP, Article 12 (15th to 14th). The decree is the legal
 *   basis of every periodic report of the province's agencies, and the province's own
 *   reports follow it: the six-month report (seed 003) is written before the half ends,
 *   with estimated figures ("ước thực hiện").
 * - Deadline: the 18th of the period's last month, for every kind. The decree leaves the
 *   submission deadline to the body that sets the reporting regime (for Lạng Sơn,
 *   Decision 52/2025/QĐ-UBND, whose text is not in this repository); the 18th leaves
 *   agencies four days after the cut-off on the 14th and the provincial office the rest
 *   of the month to write the province's report. A plan whose regime differs overrides it.
 *
 * A deadline is the end of its day in the province (calendar.ts `endOfDayInstant`): a
 * report received at 23:59 on the 18th, Asia/Ho_Chi_Minh, is on time.
 */
import * as z from 'zod';
import {
  addDays,
  compareIso,
  endOfDayInstant,
  isoDate,
  lastDayOfMonth,
  type DateRange,
  type IsoDate,
} from '../calendar.ts';
import { UnprocessableError, type FieldProblem } from '../errors.ts';
import { formatVnDate } from '../risk/vn-format.ts';
import { dataWindow, REPORTING_CUTOFFS } from './data-window.ts';
import { PERIOD_KINDS, type Period, type PeriodKind } from './period.ts';
import { periodLabel } from './period-label.ts';
import { periodsOfYear } from './period-parts.ts';
import { periodMonthSpan, periodRange } from './period-span.ts';

// Deadline rules are relative to the period's end, so periods of one kind differ only by
// month lengths and leap days: two years (a leap year and the next) show every case.
const SAMPLE_YEARS = [2024, 2025];

export const deadlineRuleSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('dayOfMonth'),
        /** A day past the month's end means its last day (31 → 30 June). */
        day: z.int().min(1).max(31),
        /** 0: the period's last month; 1: the month after it; … */
        monthOffset: z.int().min(0).max(12),
      })
      .meta({ description: 'The given day of the period’s last month, or of a month after it' }),
    z
      .strictObject({ kind: z.literal('daysAfterEnd'), days: z.int().min(0).max(366) })
      .meta({ description: 'So many days after the period’s last day (0: that day)' }),
  ])
  .meta({ example: { kind: 'dayOfMonth', day: 18, monthOffset: 0 } });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

const deadlinesSchema = z.strictObject({
  month: deadlineRuleSchema,
  quarter: deadlineRuleSchema,
  half: deadlineRuleSchema,
  nineMonths: deadlineRuleSchema,
  year: deadlineRuleSchema,
} satisfies Record<PeriodKind, typeof deadlineRuleSchema>);

export const reportingCalendarSchema = z
  .strictObject({ cutoff: z.enum(REPORTING_CUTOFFS), deadlines: deadlinesSchema })
  .superRefine((calendar, context) => {
    for (const problem of calendarProblems(calendar)) {
      context.addIssue({ code: 'custom', path: problem.field.split('.'), message: problem.reason });
    }
  });
export type ReportingCalendar = z.infer<typeof reportingCalendarSchema>;

/** What a plan may change in the province's calendar; the rest is the province's. */
export const reportingCalendarOverrideSchema = z.strictObject({
  cutoff: z.enum(REPORTING_CUTOFFS).optional(),
  deadlines: deadlinesSchema.partial().optional(),
});
export type ReportingCalendarOverride = z.infer<typeof reportingCalendarOverrideSchema>;

const eighteenthOfLastMonth: DeadlineRule = { kind: 'dayOfMonth', day: 18, monthOffset: 0 };

/** The province default; see the top of this file for its basis. */
export const PROVINCE_REPORTING_CALENDAR: ReportingCalendar = reportingCalendarSchema.parse({
  cutoff: 'decree-09-2019',
  deadlines: Object.fromEntries(PERIOD_KINDS.map((kind) => [kind, eighteenthOfLastMonth])),
});

/**
 * A plan's calendar: the province's with the plan's override applied. Throws
 * UnprocessableError when the result is unusable, e.g. an override to the `calendar`
 * cut-off that keeps the default deadline, the 18th, before the data window closes.
 */
export function resolveCalendar(
  override: ReportingCalendarOverride | null | undefined,
  base: ReportingCalendar = PROVINCE_REPORTING_CALENDAR,
): ReportingCalendar {
  const calendar: ReportingCalendar = {
    cutoff: override?.cutoff ?? base.cutoff,
    deadlines: { ...base.deadlines, ...override?.deadlines },
  };
  const problems = calendarProblems(calendar);
  if (problems.length > 0) {
    throw new UnprocessableError(
      'reporting-calendar-invalid',
      'Lịch báo cáo không hợp lệ: hạn nộp báo cáo không được trước ngày chốt số liệu',
      problems,
    );
  }
  return calendar;
}

/** The days whose data the period's report carries under the calendar's cut-off. */
export function dataWindowOf(period: Period, calendar: ReportingCalendar): DateRange {
  return dataWindow(period, calendar.cutoff);
}

/** The last day a period's report is on time. */
export function deadlineDay(period: Period, calendar: ReportingCalendar): IsoDate {
  const rule = calendar.deadlines[period.kind];
  if (rule.kind === 'daysAfterEnd') return addDays(periodRange(period).end, rule.days);
  const monthIndex = period.year * 12 + periodMonthSpan(period).last - 1 + rule.monthOffset;
  const [year, month] = [Math.floor(monthIndex / 12), (monthIndex % 12) + 1];
  return isoDate(year, month, Math.min(rule.day, lastDayOfMonth(year, month)));
}

/** The instant a period's report becomes late: the end of its deadline day in the province. */
export function deadlineInstant(period: Period, calendar: ReportingCalendar): Date {
  return endOfDayInstant(deadlineDay(period, calendar));
}

export const TIMELINESS = ['on_time', 'late'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** Whether a report on `period` received at `receivedAt` met the period's deadline. */
export function reportTimeliness(
  period: Period,
  receivedAt: Date,
  calendar: ReportingCalendar,
): Timeliness {
  return receivedAt.getTime() <= deadlineInstant(period, calendar).getTime() ? 'on_time' : 'late';
}

/** Whether the period's deadline has passed at `at`: its official snapshot is taken then. */
export function isDeadlinePassed(period: Period, at: Date, calendar: ReportingCalendar): boolean {
  return at.getTime() > deadlineInstant(period, calendar).getTime();
}

/** Each kind whose deadline would fall before its data window closes, in Vietnamese. */
function calendarProblems(calendar: ReportingCalendar): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const kind of PERIOD_KINDS) {
    const early = SAMPLE_YEARS.flatMap(periodsOfYear)
      .filter((period) => period.kind === kind)
      .find(
        (period) =>
          compareIso(deadlineDay(period, calendar), dataWindow(period, calendar.cutoff).end) < 0,
      );
    if (!early) continue;
    const closes = dataWindow(early, calendar.cutoff).end;
    problems.push({
      field: `deadlines.${kind}`,
      reason: `Hạn nộp báo cáo ${periodLabel(early, 'inline')} là ngày ${formatVnDate(
        deadlineDay(early, calendar),
      )}, trước ngày chốt số liệu ${formatVnDate(closes)}`,
    });
  }
  return problems;
}
