/**
 * `ProgressReported`: an accepted report. Versioned: consumers parse with the schema of
 * the version they read; a breaking change adds a version, it never edits one. Version 2
 * names any period (not only a quarter or a month) and says whether the report was on time.
 */
import * as z from 'zod';
import { sectorSchema } from '#shared/domain/plan/model.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { TIMELINESS } from '#shared/domain/period/reporting-calendar.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';

export const PROGRESS_REPORTED = 'ProgressReported';

export const progressReportedV1Schema = z
  .object({
    version: z.literal('1'),
    reportId: z.string(),
    taskId: z.string(),
    agencyId: z.string(),
    plan: z.string(),
    sector: sectorSchema,
    period: z.string(),
    quarter: z.string(),
    status: z.enum(REPORT_STATUSES),
    percentComplete: z.number(),
    hasObstacles: z.boolean(),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProgressReportedV1' });
export type ProgressReportedV1 = z.infer<typeof progressReportedV1Schema>;

export const progressReportedV2Schema = progressReportedV1Schema
  .omit({ version: true, quarter: true, period: true })
  .extend({
    version: z.literal('2'),
    period: periodCodeSchema,
    timeliness: z.enum(TIMELINESS),
  })
  .meta({ id: 'ProgressReportedV2' });
export type ProgressReportedV2 = z.infer<typeof progressReportedV2Schema>;

/** Every version still in flight: a consumer reads what both say (the task, the report). */
export const progressReportedSchema = z.discriminatedUnion('version', [
  progressReportedV1Schema,
  progressReportedV2Schema,
]);
