/**
 * A task as the API shows it: the plan's task, its latest reported state, its risk flags.
 */
import * as z from 'zod';
import { taskSchema } from '../plan/model.ts';
import {
  latestReportSchema,
  latestReportWithActualsSchema,
  progressReportSchema,
} from './report.ts';

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

/** The registry's name for the agency a report was filed under (the survivor's, after a merge). */
const agencyName = z.string().meta({ description: "The filing agency's name in the registry" });

export const reportViewSchema = progressReportSchema.extend({ agencyName }).meta({ id: 'Report' });
export type ReportView = z.infer<typeof reportViewSchema>;

export const agencyStateViewSchema = latestReportWithActualsSchema
  .extend({ agencyName })
  .meta({ id: 'AgencyState' });

export const taskDetailSchema = z
  .object({
    task: taskViewSchema,
    latestByAgency: z.array(agencyStateViewSchema),
  })
  .meta({ id: 'TaskDetail' });
export type TaskDetail = z.infer<typeof taskDetailSchema>;
