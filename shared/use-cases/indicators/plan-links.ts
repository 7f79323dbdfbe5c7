/**
 * A plan's targets and the indicators they feed.
 *
 * - Every publication of a plan version (an import, a re-sectoring) refreshes the links
 *   of its targets: an admin's confirmed link stands while the target still fits it, any
 *   other target gets the registry's suggestion from its label and unit ("Lúa: 15.520
 *   ha" → the rice area), and the targets the version no longer has lose theirs.
 * - An admin confirms or corrects the links of a plan in one request: all of them are
 *   checked first (the task and target exist, the indicator exists, same unit and same
 *   sector, the period overlaps the plan's), and nothing is written unless all pass.
 */
import * as z from 'zod';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { NotFoundError, UnprocessableError, type FieldProblem } from '#shared/domain/errors.ts';
import { indicatorCodeSchema, type Indicator } from '#shared/domain/indicator/indicator.ts';
import { refreshedLinks, type LinkRecord } from '#shared/domain/indicator/link-record.ts';
import { linkProblems, rankIndicators } from '#shared/domain/indicator/target-link.ts';
import { targetSchema, type Task } from '#shared/domain/plan/model.ts';
import { periodCodeSchema, requirePeriod } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { periodRange, rangesOverlap } from '#shared/domain/period/period-span.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { Clock } from '../progress-ports.ts';
import type { AuditLog } from '../registry/registry-ports.ts';
import type { IndicatorRepository, PlanTasks } from './indicator-ports.ts';

/** Writes the links of a freshly published version (the import's and corrections' port). */
export interface TargetLinker {
  refreshPlan(plan: string, tasks: readonly Task[]): Promise<void>;
}

export function targetLinker(indicators: IndicatorRepository): TargetLinker {
  return {
    async refreshPlan(plan, tasks) {
      const [registry, existing] = await Promise.all([
        indicators.listIndicators(),
        indicators.linksOfPlan(plan),
      ]);
      const next = refreshedLinks(
        tasks,
        existing,
        registry.map((stored) => stored.indicator),
      );
      const keyOf = (link: LinkRecord) => `${link.taskId}\u0000${link.targetKey}`;
      const before = new Map(existing.map((link) => [keyOf(link), link]));
      const after = new Set(next.map(keyOf));
      for (const link of next) {
        if (JSON.stringify(before.get(keyOf(link))) !== JSON.stringify(link)) {
          await indicators.saveLink(link);
        }
      }
      for (const link of existing) if (!after.has(keyOf(link))) await indicators.deleteLink(link);
    },
  };
}

export const TARGET_LINK_STATES = ['confirmed', 'suggested', 'none'] as const;

export const targetLinkViewSchema = z
  .object({
    taskId: z.string(),
    targetKey: z.string(),
    target: targetSchema,
    indicator: indicatorCodeSchema.nullable(),
    period: periodCodeSchema.nullable(),
    state: z.enum(TARGET_LINK_STATES).meta({
      description:
        'confirmed by an admin (indicator null: feeds none); suggested by the import; none: no indicator fits',
    }),
    candidates: z
      .array(indicatorCodeSchema)
      .meta({ description: 'The indicators the target may be linked to, best first' }),
  })
  .meta({ id: 'TargetLink' });
export type TargetLinkView = z.infer<typeof targetLinkViewSchema>;

export const linkChangesSchema = z
  .strictObject({
    links: z
      .array(
        z.strictObject({
          taskId: z.string().min(1).max(200),
          targetKey: targetSchema.shape.key,
          indicator: indicatorCodeSchema
            .nullable()
            .meta({ description: 'null: the target feeds no indicator' }),
          period: periodCodeSchema.nullable().default(null).meta({
            description: "The period the target is for, when it is not its plan's",
          }),
        }),
      )
      .min(1)
      .max(1000),
  })
  .meta({ id: 'IndicatorLinkChanges' });
export type LinkChanges = z.infer<typeof linkChangesSchema>;

export interface PlanLinksDeps {
  indicators: IndicatorRepository;
  plans: PlanTasks;
}

/** Every target of the plan's current version with its link, and what could feed it. */
export async function planLinks(code: string, deps: PlanLinksDeps): Promise<TargetLinkView[]> {
  const { tasks } = await currentTasks(code, deps);
  const [registry, links] = await Promise.all([
    deps.indicators.listIndicators(),
    deps.indicators.linksOfPlan(code),
  ]);
  return views(
    tasks,
    links,
    registry.map((stored) => stored.indicator),
  );
}

export async function confirmLinks(
  code: string,
  changes: LinkChanges,
  deps: PlanLinksDeps & { audit: AuditLog; clock: Clock; actor: Actor; requestId: string },
): Promise<TargetLinkView[]> {
  const { plan, tasks } = await currentTasks(code, deps);
  const registry = (await deps.indicators.listIndicators()).map((stored) => stored.indicator);
  const byTask = new Map(tasks.map((task) => [task.id, task]));
  const byCode = new Map(registry.map((indicator) => [indicator.code, indicator]));
  const problems: FieldProblem[] = [];
  const records: LinkRecord[] = [];
  let mismatch = false;
  changes.links.forEach((change, index) => {
    const field = (name: string) => `body.links.${index}.${name}`;
    const task = byTask.get(change.taskId);
    const target = task?.targets.find((candidate) => candidate.key === change.targetKey);
    if (!task || !target) {
      problems.push({
        field: field(task ? 'targetKey' : 'taskId'),
        reason: task
          ? `nhiệm vụ ${task.id} không có mục tiêu ${change.targetKey}`
          : `kế hoạch ${code} không có nhiệm vụ ${change.taskId}`,
      });
      return;
    }
    const indicator = change.indicator === null ? null : byCode.get(change.indicator);
    if (indicator === undefined) {
      problems.push({ field: field('indicator'), reason: `không có chỉ tiêu ${change.indicator}` });
      return;
    }
    if (indicator) {
      const misfits = linkProblems(indicator, { ...target, sector: task.sector });
      mismatch ||= misfits.length > 0;
      for (const problem of misfits) {
        problems.push({
          field: field('indicator'),
          reason: `mục tiêu "${target.label}" và chỉ tiêu "${indicator.name}": ${problem.reason}`,
        });
      }
    }
    if (change.period && !rangesOverlap(periodRange(requirePeriod(change.period)), plan.period)) {
      problems.push({
        field: field('period'),
        reason: `${periodLabel(requirePeriod(change.period))} nằm ngoài thời gian của kế hoạch ${code}`,
      });
    }
    records.push({
      plan: code,
      taskId: task.id,
      targetKey: target.key,
      indicator: indicator?.code ?? null,
      period: change.period,
      status: 'confirmed',
      target,
      sector: task.sector,
    });
  });
  if (problems.length > 0) {
    throw new UnprocessableError(
      mismatch ? 'indicator-link-mismatch' : 'invalid-indicator-link',
      `không gắn được mục tiêu với chỉ tiêu: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
      problems,
    );
  }
  const before = await deps.indicators.linksOfPlan(code);
  for (const record of records) await deps.indicators.saveLink(record);
  await deps.audit.record({
    id: deps.requestId,
    at: deps.clock.now().toISOString(),
    action: 'indicator.linked',
    entity: entityOf.plan(code),
    actor: deps.actor,
    before: { links: before.filter((link) => records.some((r) => sameTarget(r, link))) },
    after: { links: records },
  });
  return views(tasks, await deps.indicators.linksOfPlan(code), registry);
}

async function currentTasks(
  code: string,
  deps: PlanLinksDeps,
): Promise<{ plan: PlanRecord; tasks: Task[] }> {
  const plan = await deps.plans.getPlan(code);
  if (!plan || plan.currentVersion === 0) {
    throw new NotFoundError('plan-not-found', `không có kế hoạch ${code}`);
  }
  return { plan, tasks: await deps.plans.tasksOf(code, plan.currentVersion) };
}

const sameTarget = (a: LinkRecord, b: LinkRecord) =>
  a.taskId === b.taskId && a.targetKey === b.targetKey;

function views(
  tasks: readonly Task[],
  links: readonly LinkRecord[],
  registry: readonly Indicator[],
): TargetLinkView[] {
  const byTarget = new Map(links.map((link) => [`${link.taskId}\u0000${link.targetKey}`, link]));
  return tasks.flatMap((task) =>
    task.targets.map((target) => {
      const link = byTarget.get(`${task.id}\u0000${target.key}`);
      return {
        taskId: task.id,
        targetKey: target.key,
        target,
        indicator: link?.indicator ?? null,
        period: link?.period ?? null,
        state: link?.status ?? 'none',
        candidates: rankIndicators({ ...target, sector: task.sector }, registry).map(
          (match) => match.indicator.code,
        ),
      };
    }),
  );
}
