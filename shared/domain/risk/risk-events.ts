/**
 * The events a risk evaluation publishes, versioned like every event of the platform:
 * consumers parse with the schema of the version they read; a breaking change adds a
 * version, it never edits one.
 *
 * `TaskFlaggedAtRisk` carries the task's reasons now and the codes it just gained;
 * `TaskRiskCleared` carries the reasons it just lost (it has none left).
 */
import * as z from 'zod';
import { sectorSchema, type Task } from '../plan/model.ts';
import { riskReasonSchema, type RiskReason } from '../progress/task-view.ts';
import type { RiskTransition } from './transitions.ts';

export const TASK_FLAGGED_AT_RISK = 'TaskFlaggedAtRisk';
export const TASK_RISK_CLEARED = 'TaskRiskCleared';

const taskRiskFields = {
  taskId: z.string(),
  plan: z.string(),
  sector: sectorSchema,
  section: z.string().meta({ description: 'The section code as printed: I, II, XVI' }),
  leadAgencyIds: z.array(z.string()),
  evaluatedAt: z.iso.datetime(),
};

export const taskFlaggedAtRiskV1Schema = z
  .object({
    version: z.literal('1'),
    ...taskRiskFields,
    reasons: z.array(riskReasonSchema).min(1).meta({ description: 'All current reasons' }),
    gained: z.array(z.string()).min(1).meta({ description: 'The codes just gained' }),
  })
  .meta({ id: 'TaskFlaggedAtRiskV1' });
export type TaskFlaggedAtRiskV1 = z.infer<typeof taskFlaggedAtRiskV1Schema>;

export const taskRiskClearedV1Schema = z
  .object({
    version: z.literal('1'),
    ...taskRiskFields,
    reasons: z.array(riskReasonSchema).min(1).meta({ description: 'The reasons just cleared' }),
  })
  .meta({ id: 'TaskRiskClearedV1' });
export type TaskRiskClearedV1 = z.infer<typeof taskRiskClearedV1Schema>;

/** An event to publish; the same shape as shared/events' DomainEvent. */
export type RiskEvent =
  | { detailType: typeof TASK_FLAGGED_AT_RISK; detail: TaskFlaggedAtRiskV1 }
  | { detailType: typeof TASK_RISK_CLEARED; detail: TaskRiskClearedV1 };

/**
 * The event a transition calls for, or null (`changed` and `unchanged` publish nothing).
 * `evaluatedAt` is the ISO instant of the evaluation.
 */
export function riskEventFor(
  task: Task,
  transition: RiskTransition,
  previous: readonly RiskReason[],
  next: readonly RiskReason[],
  evaluatedAt: string,
): RiskEvent | null {
  const fields = {
    version: '1' as const,
    taskId: task.id,
    plan: task.plan,
    sector: task.sector,
    section: task.section.code,
    leadAgencyIds: task.lead.map((ref) => ref.id),
    evaluatedAt,
  };
  if (transition.kind === 'flagged') {
    return {
      detailType: TASK_FLAGGED_AT_RISK,
      detail: { ...fields, reasons: [...next], gained: [...transition.gained] },
    };
  }
  if (transition.kind === 'cleared') {
    return { detailType: TASK_RISK_CLEARED, detail: { ...fields, reasons: [...previous] } };
  }
  return null;
}
