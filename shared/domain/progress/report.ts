/**
 * Progress reports: what an agency says about one task in one period. Reports are facts,
 * stored once and never edited; a correction is a new report.
 */
import * as z from 'zod';
import {
  formatQuarter,
  monthRange,
  parseQuarter,
  quarterOf,
  quarterRange,
  todayInProvince,
  type DateRange,
  type Quarter,
} from '../calendar.ts';
import { isoDateSchema, sectorSchema } from '../plan/model.ts';

export const REPORT_STATUSES = [
  'not_started',
  'on_track',
  'at_risk',
  'delayed',
  'completed',
  'cancelled',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** `2026-Q3` (a quarter) or `2026-09` (a month). */
export const reportingPeriodSchema = z
  .string()
  .regex(/^\d{4}-(?:Q[1-4]|0[1-9]|1[0-2])$/, 'a quarter like 2026-Q3 or a month like 2026-09')
  .meta({ example: '2026-Q3' });

const text = (max: number) => z.string().trim().max(max);

/**
 * The numbers a report can carry are those the table stores exactly: DynamoDB holds a
 * number down to 1e-130 in magnitude (38 significant digits, more than a JavaScript number
 * has), and the SDK's document client refuses one beyond ±(2^53 − 1). Anything else is
 * refused here, with the range, rather than failing in the store.
 */
export const SMALLEST_STORABLE_MAGNITUDE = 1e-130;

function storableNumber(min: number, max: number) {
  const range = `từ ${min} đến ${max}`;
  return z
    .number(`phải là một số ${range}`)
    .min(min, `phải nằm trong khoảng ${range}`)
    .max(max, `phải nằm trong khoảng ${range}`)
    .refine((value) => value === 0 || Math.abs(value) >= SMALLEST_STORABLE_MAGNITUDE, {
      error: `phải bằng 0 hoặc có độ lớn từ ${SMALLEST_STORABLE_MAGNITUDE} trở lên`,
    })
    .meta({
      description: `From ${min} to ${max}; a value other than 0 is at least ${SMALLEST_STORABLE_MAGNITUDE} in magnitude (what the store holds exactly)`,
    });
}

/** The body an agency sends. Strict: an unknown field is an error, not silently dropped. */
export const reportSubmissionSchema = z
  .strictObject({
    period: reportingPeriodSchema.optional().meta({
      description: 'Defaults to the current quarter in Asia/Ho_Chi_Minh',
    }),
    status: z.enum(REPORT_STATUSES),
    percentComplete: storableNumber(0, 100),
    actuals: z
      .record(
        z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a target key like lua')
          .max(100),
        storableNumber(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
      )
      .default({})
      .meta({ description: "Actual values keyed by the task's target keys" }),
    narrative: text(10_000).default(''),
    obstacles: z.array(text(2_000).min(1)).max(50).default([]).meta({ description: 'Vướng mắc' }),
    proposals: z.array(text(2_000).min(1)).max(50).default([]).meta({ description: 'Kiến nghị' }),
    asOf: isoDateSchema.optional().meta({ description: 'The date the figures describe' }),
  })
  .meta({ id: 'ReportSubmission' });
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

export const progressReportSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    agencyId: z.string(),
    /**
     * The person who filed it (signed in to the web app, or with a personal token); absent
     * or null for a machine token and for reports filed before people could sign in.
     */
    person: z.string().nullable().optional(),
    plan: z.string(),
    sector: sectorSchema,
    period: reportingPeriodSchema,
    quarter: z.string(),
    status: z.enum(REPORT_STATUSES),
    percentComplete: z.number(),
    actuals: z.record(z.string(), z.number()),
    narrative: z.string(),
    obstacles: z.array(z.string()),
    proposals: z.array(z.string()),
    asOf: isoDateSchema,
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgressReport' });
export type ProgressReport = z.infer<typeof progressReportSchema>;

export function periodRange(period: string): DateRange {
  const quarter = parseQuarter(period);
  if (quarter) return quarterRange(quarter.year, quarter.quarter);
  const [year, month] = period.split('-').map(Number);
  return monthRange(year ?? 0, month ?? 0);
}

/** The quarter a period falls in: `2026-09` → `2026-Q3`. */
export function quarterOfPeriod(period: string): Quarter {
  const { year, quarter } = quarterOf(periodRange(period).start);
  return formatQuarter(year, quarter);
}

export function currentQuarter(now: Date): Quarter {
  const { year, quarter } = quarterOf(todayInProvince(now));
  return formatQuarter(year, quarter);
}

/** An agency's latest report on a task, kept beside the task for reads and filters. */
export const latestReportSchema = z
  .object({
    reportId: z.string(),
    agencyId: z.string(),
    status: z.enum(REPORT_STATUSES),
    percentComplete: z.number(),
    period: z.string(),
    asOf: isoDateSchema,
    receivedAt: z.iso.datetime(),
    hasObstacles: z.boolean(),
  })
  .meta({ id: 'LatestReport' });
export type LatestReport = z.infer<typeof latestReportSchema>;

/** An agency's latest report with the actuals it sent: its state of the task. */
export const latestReportWithActualsSchema = latestReportSchema
  .extend({ actuals: z.record(z.string(), z.number()) })
  .meta({ id: 'LatestReportWithActuals' });

/** What a report leaves as its agency's latest state of the task. */
export function latestReportOf(report: ProgressReport): LatestReport {
  return {
    reportId: report.id,
    agencyId: report.agencyId,
    status: report.status,
    percentComplete: report.percentComplete,
    period: report.period,
    asOf: report.asOf,
    receivedAt: report.receivedAt,
    hasObstacles: report.obstacles.length > 0,
  };
}
