/**
 * `ProgressReported`: an accepted report. Versioned: consumers parse with the schema of
 * the version they read; a breaking change adds a version, it never edits one.
 */
import * as z from 'zod';
import { sectorSchema } from '#shared/domain/plan/model.ts';
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
