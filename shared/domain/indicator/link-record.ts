/**
 * The link of one plan target to an indicator as the registry keeps it: one per target,
 * suggested by the import, then confirmed (or corrected, or refused: `indicator: null`)
 * by an admin. It carries a copy of the target as the plan's current version states it,
 * refreshed by every import of the plan, so the figures read targets without reading
 * whole plans. Only confirmed links with an indicator feed the figures.
 */
import * as z from 'zod';
import type { DateRange, IsoDate } from '../calendar.ts';
import { planCodeSchema, sectorSchema, targetSchema, type Task } from '../plan/model.ts';
import { periodCodeSchema } from '../period/period.ts';
import type { Indicator } from './indicator.ts';
import { indicatorCodeSchema } from './indicator.ts';
import type { LinkedTarget } from './plan-value.ts';
import { LINK_STATUSES, linkProblems, suggestIndicator } from './target-link.ts';

export const linkRecordSchema = z
  .object({
    plan: planCodeSchema,
    taskId: z.string(),
    targetKey: targetSchema.shape.key,
    /** Null: an admin confirmed that the target feeds no indicator. */
    indicator: indicatorCodeSchema.nullable(),
    /** The period the target is for when it is not its plan's ("cả năm" in a six-month plan). */
    period: periodCodeSchema.nullable(),
    status: z.enum(LINK_STATUSES),
    target: targetSchema,
    /** The sector of the target's task. */
    sector: sectorSchema,
  })
  .meta({ id: 'IndicatorLinkRecord' });
export type LinkRecord = z.infer<typeof linkRecordSchema>;

/** Every target of a version's tasks, with what the registry already says of it. */
export function refreshedLinks(
  tasks: readonly Task[],
  existing: readonly LinkRecord[],
  indicators: readonly Indicator[],
): LinkRecord[] {
  const known = new Map(existing.map((link) => [`${link.taskId}\u0000${link.targetKey}`, link]));
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  return tasks.flatMap((task) =>
    task.targets.flatMap((target): LinkRecord[] => {
      const current = known.get(`${task.id}\u0000${target.key}`);
      const linkable = { ...target, sector: task.sector };
      const fits = (code: string | null) => {
        const indicator = code === null ? undefined : byCode.get(code);
        return (
          code === null ||
          (indicator !== undefined && linkProblems(indicator, linkable).length === 0)
        );
      };
      // An admin's decision stands while the target still fits it.
      if (current?.status === 'confirmed' && fits(current.indicator)) {
        return [{ ...current, target, sector: task.sector }];
      }
      const suggestion = suggestIndicator(linkable, indicators);
      if (!suggestion) return [];
      return [
        {
          plan: task.plan,
          taskId: task.id,
          targetKey: target.key,
          indicator: suggestion.code,
          period: null,
          status: 'suggested',
          target,
          sector: task.sector,
        },
      ];
    }),
  );
}

/** A plan as the figures need it: its code, issuing day and days. */
export interface LinkedPlan {
  code: string;
  issuedOn: IsoDate;
  period: DateRange;
}

/** The confirmed links to an indicator, with their plans, as the figures read them. */
export function linkedTargets(
  links: readonly LinkRecord[],
  plans: readonly LinkedPlan[],
): LinkedTarget[] {
  const byCode = new Map(plans.map((plan) => [plan.code, plan]));
  return links.flatMap((link) => {
    const plan = byCode.get(link.plan);
    if (link.status !== 'confirmed' || link.indicator === null || !plan) return [];
    return [
      {
        indicator: link.indicator,
        plan: { code: plan.code, issuedOn: plan.issuedOn, period: plan.period },
        taskId: link.taskId,
        target: link.target,
        period: link.period,
      },
    ];
  });
}
