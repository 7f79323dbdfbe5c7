/** Response schemas for the OpenAPI document (the handlers build these shapes). */
import * as z from 'zod';
import { agencySchema, importWarningSchema, planSchema } from '#shared/domain/plan/model.ts';
import { progressReportSchema } from '#shared/domain/progress/report.ts';
import { taskDetailSchema, taskViewSchema } from '#shared/domain/progress/task-view.ts';
import { riskFlagSchema } from '#shared/domain/risk/risk-flag.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import { rollupCompletedV1Schema } from '#shared/events/rollup-completed.ts';

export const problemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    message: z.string().optional().meta({
      description:
        "On answers of the gateway itself (401, 403, 404, 413, 429, 5xx): API Gateway's own message, kept for clients that read it",
    }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

const outcomes = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});

export const importSummarySchema = z
  .object({
    plans: z.array(
      z.object({
        code: z.string(),
        outcome: z.enum(['created', 'updated', 'unchanged']),
        tasks: z.number(),
      }),
    ),
    tasks: outcomes,
    agencies: outcomes,
    warnings: z.array(importWarningSchema),
  })
  .meta({ id: 'ImportSummary' });

export const responses = {
  taskPage: pageOf(taskViewSchema, 'TaskPage'),
  taskDetail: taskDetailSchema,
  reportPage: pageOf(progressReportSchema, 'ReportPage'),
  report: progressReportSchema,
  planList: pageOf(planSchema, 'PlanList'),
  plan: planSchema.extend({ taskIds: z.array(z.string()) }).meta({ id: 'PlanDetail' }),
  agencyPage: pageOf(agencySchema, 'AgencyPage'),
  agencyTaskPage: pageOf(
    taskViewSchema.extend({ role: z.enum(['lead', 'coordinating']) }),
    'AgencyTaskPage',
  ),
  importSummary: importSummarySchema,
  riskPage: pageOf(riskFlagSchema, 'RiskFlagPage'),
  riskScan: z
    .object({
      evaluated: z.number(),
      atRiskBySector: z.record(z.string(), z.number()),
      flagged: z.number(),
      cleared: z.number(),
    })
    .meta({ id: 'RiskScanSummary' }),
  rollupRun: rollupCompletedV1Schema
    .pick({ quarter: true, cutoff: true, sectors: true })
    .meta({ id: 'RollupRun' }),
  rollupQuarter: z
    .object({ quarter: z.string(), cutoff: z.string(), sectors: z.array(snapshotSchema) })
    .meta({ id: 'QuarterRollup' }),
};
