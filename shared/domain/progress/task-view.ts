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

export const taskViewSchema = taskSchema
  .extend({
    latestReport: latestReportSchema.nullable().default(null),
    riskReasons: z.array(riskReasonSchema).default([]),
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
