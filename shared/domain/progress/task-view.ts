/**
 * A task as the API shows it: the plan's task, its latest reported state, its risk flags.
 */
import * as z from 'zod';
import { taskSchema } from '../plan/model.ts';
import { latestReportSchema, latestReportWithActualsSchema } from './report.ts';

export const riskReasonSchema = z
  .object({ code: z.string(), message: z.string() })
  .meta({ id: 'RiskReason' });
export type RiskReason = z.infer<typeof riskReasonSchema>;

/**
 * What changes about a task between imports, kept in an item of its own (the task's
 * versions are immutable): its newest report and its risk reasons.
 */
export const taskSummarySchema = z.object({
  latestReport: latestReportSchema.nullable().default(null),
  riskReasons: z.array(riskReasonSchema).default([]),
  /** The codes the last published risk event announced: a retry republishes until they match. */
  riskAnnounced: z.array(z.string()).default([]),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;
export const EMPTY_SUMMARY: TaskSummary = {
  latestReport: null,
  riskReasons: [],
  riskAnnounced: [],
};

export const taskViewSchema = taskSchema
  .extend({
    latestReport: latestReportSchema.nullable().default(null),
    riskReasons: z.array(riskReasonSchema).default([]),
    /** Dropped by the current version of its plan: kept with its reports, out of lists. */
    retired: z.boolean().default(false),
  })
  .meta({ id: 'Task' });
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskDetailSchema = z
  .object({
    task: taskViewSchema,
    latestByAgency: z.array(latestReportWithActualsSchema),
  })
  .meta({ id: 'TaskDetail' });
export type TaskDetail = z.infer<typeof taskDetailSchema>;
