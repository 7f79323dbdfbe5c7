/**
 * Progress reports: what an agency says about one task in one period. Reports are facts,
 * stored once and never edited; a correction is a new report.
 */
import * as z from 'zod';
import { VALUE_STATUSES } from '../indicator/indicator-value.ts';
import { isoDateSchema, sectorSchema } from '../plan/model.ts';
import { periodCodeSchema } from '../period/period.ts';
import { TIMELINESS } from '../period/reporting-calendar.ts';

export const REVIEW_STATES = ['pending', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Whether a report counts: no approval asked, or accepted. */
export const counts = (report: { review?: ReviewState | undefined }) =>
  report.review === undefined || report.review === 'accepted';

export const REPORT_STATUSES = [
  'not_started',
  'on_track',
  'at_risk',
  'delayed',
  'completed',
  'cancelled',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

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
    period: periodCodeSchema.optional().meta({
      description:
        'The period the report describes (month, quarter, six or nine months, year); defaults to the current quarter in Asia/Ho_Chi_Minh',
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
    actualsStatus: z.enum(VALUE_STATUSES).optional().meta({
      description:
        'estimate (ước thực hiện) or final; defaults to estimate while the period is still running, final once it has ended',
    }),
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
    plan: z.string(),
    sector: sectorSchema,
    period: periodCodeSchema,
    status: z.enum(REPORT_STATUSES),
    percentComplete: z.number(),
    actuals: z.record(z.string(), z.number()),
    actualsStatus: z.enum(VALUE_STATUSES),
    narrative: z.string(),
    obstacles: z.array(z.string()),
    proposals: z.array(z.string()),
    asOf: isoDateSchema,
    receivedAt: z.iso.datetime(),
    /** Who filed it: the token, and the person when one signed in (absent on older reports). */
    filedBy: z.object({ tokenId: z.string(), person: z.string().nullable() }).optional(),
    /**
     * On a plan that requires approval: where the report stands with its reviewer. Only an
     * accepted report moves the task and enters the official snapshot. Absent: no
     * approval needed.
     */
    review: z.enum(REVIEW_STATES).optional(),
    /** The last day the period's report was on time, by the plan's reporting calendar. */
    deadline: isoDateSchema,
    timeliness: z.enum(TIMELINESS).meta({
      description: 'on_time when received by the end of `deadline` in the province, else late',
    }),
  })
  .meta({ id: 'ProgressReport' });
export type ProgressReport = z.infer<typeof progressReportSchema>;

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
