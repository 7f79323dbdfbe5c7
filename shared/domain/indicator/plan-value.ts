/**
 * The plan value of an indicator for a period, from the plans' targets linked to it.
 *
 * A target is for its plan's own period (KH266's targets are for 2026-H2), or for the
 * period its link names (KH266's "cả năm vượt 1.500 tấn" is for 2026). A plan whose
 * period is no reporting period (KH267, 8 July 2026 .. 2030) sets targets for no period
 * unless a link says which. Values are read in the indicator's unit.
 *
 * The plan value of a period, the first that exists:
 * 1. `period`: the targets for that very period. Several targets of one plan are parts of
 *    one commitment: added for a `sum` indicator (four festivals' tourists), the strictest
 *    for the others (the highest floor, the lowest ceiling). Several plans: the newest
 *    plan's (by issuing date, then code) stands, as a later plan revises an earlier one.
 * 2. `combined` (sum indicators only): the plan values of the parts of the period, when
 *    every part has one (a half from two quarterly plans).
 * 3. `enclosing`: the plan of the smallest longer period that has one (a quarter against
 *    the six months' or the year's plan), which the wording names: "kế hoạch năm 2026".
 *
 * A plan value is a ceiling (read inverted: "tối đa") when lower is better for the
 * indicator, or when every target it comes from is one (`lte`).
 */
import * as z from 'zod';
import type { DateRange, IsoDate } from '../calendar.ts';
import type { Target } from '../plan/model.ts';
import { formatPeriod, periodCodeSchema, requirePeriod, type Period } from '../period/period.ts';
import { partitionsOf, periodOfRange, periodsEnclosing } from '../period/period-parts.ts';
import { compareNatural } from '../risk/order.ts';
import { decimalSum } from './decimal-sum.ts';
import type { Indicator } from './indicator.ts';
import { convertUnit } from './unit.ts';

/** A confirmed link with what the figures need of its target and plan. */
export interface LinkedTarget {
  indicator: string;
  plan: { code: string; issuedOn: IsoDate; period: DateRange };
  taskId: string;
  target: Pick<Target, 'key' | 'value' | 'unit' | 'comparator'>;
  /** The link's period, when the target is not for its plan's. */
  period: string | null;
}

export const PLAN_BASES = ['period', 'combined', 'enclosing'] as const;

export const planValueSchema = z
  .object({
    /** The period the plan value is for: the figure's own, or a longer one (`enclosing`). */
    period: periodCodeSchema,
    value: z.number(),
    ceiling: z.boolean().meta({ description: 'A maximum ("tối đa"): attainment reads inverted' }),
    basis: z.enum(PLAN_BASES),
    sources: z.array(
      z.object({
        plan: z.string(),
        taskId: z.string(),
        targetKey: z.string(),
        period: periodCodeSchema,
        /** In the indicator's unit. */
        value: z.number(),
      }),
    ),
  })
  .meta({ id: 'IndicatorPlan' });
export type PlanValue = z.infer<typeof planValueSchema>;
type PlanSource = PlanValue['sources'][number];
/** A source with what choosing among plans needs. */
type Candidate = PlanSource & { issuedOn: IsoDate; comparator: Target['comparator'] };

export function planValue(
  indicator: Indicator,
  period: Period,
  targets: readonly LinkedTarget[],
): PlanValue | null {
  const byPeriod = groupByPeriod(indicator, targets);
  const own = (candidate: Period) => ownPlan(indicator, candidate, byPeriod);
  const exact = (candidate: Period): PlanValue | null =>
    own(candidate) ?? (indicator.aggregation === 'sum' ? combined(candidate, exact) : null);
  const found = exact(period);
  if (found) return found;
  for (const longer of periodsEnclosing(period)) {
    const enclosing = exact(longer);
    if (enclosing) return { ...enclosing, basis: 'enclosing' };
  }
  return null;
}

/**
 * The sources of each period's targets, keyed by period code, in the indicator's unit
 * (links are validated when made: a unit that no longer fits throws RangeError).
 */
function groupByPeriod(
  indicator: Indicator,
  targets: readonly LinkedTarget[],
): Map<string, Candidate[]> {
  const byPeriod = new Map<string, Candidate[]>();
  for (const linked of targets) {
    if (linked.indicator !== indicator.code) continue;
    const period = linked.period ? requirePeriod(linked.period) : periodOfRange(linked.plan.period);
    if (!period) continue;
    const code = formatPeriod(period);
    const list = byPeriod.get(code) ?? [];
    list.push({
      plan: linked.plan.code,
      taskId: linked.taskId,
      targetKey: linked.target.key,
      period: code,
      value: convertUnit(linked.target.value, linked.target.unit, indicator.unit),
      issuedOn: linked.plan.issuedOn,
      comparator: linked.target.comparator,
    });
    byPeriod.set(code, list);
  }
  return byPeriod;
}

function ownPlan(
  indicator: Indicator,
  period: Period,
  byPeriod: ReadonlyMap<string, readonly Candidate[]>,
): PlanValue | null {
  const sources = byPeriod.get(formatPeriod(period));
  if (!sources || sources.length === 0) return null;
  const newest = [...sources].sort(
    (a, b) =>
      (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0) ||
      compareNatural(b.plan, a.plan),
  )[0];
  const chosen = sources
    .filter((source) => source.plan === newest?.plan)
    .sort((a, b) => compareNatural(a.taskId, b.taskId) || compareNatural(a.targetKey, b.targetKey));
  const ceiling =
    indicator.direction === 'lower_is_better' ||
    chosen.every((source) => source.comparator === 'lte');
  const values = chosen.map((source) => source.value);
  return {
    period: formatPeriod(period),
    value:
      indicator.aggregation === 'sum'
        ? decimalSum(values)
        : ceiling
          ? Math.min(...values)
          : Math.max(...values),
    ceiling,
    basis: 'period',
    sources: chosen.map(({ plan, taskId, targetKey, period: code, value }) => ({
      plan,
      taskId,
      targetKey,
      period: code,
      value,
    })),
  };
}

/** A sum indicator's plan from the plans of a period's parts, when all of them have one. */
function combined(
  period: Period,
  exact: (candidate: Period) => PlanValue | null,
): PlanValue | null {
  for (const parts of partitionsOf(period)) {
    const plans = parts.map(exact);
    if (plans.some((plan) => plan === null)) continue;
    const complete = plans.filter((plan): plan is PlanValue => plan !== null);
    return {
      period: formatPeriod(period),
      value: decimalSum(complete.map((plan) => plan.value)),
      ceiling: complete.every((plan) => plan.ceiling),
      basis: 'combined',
      sources: complete.flatMap((plan) => plan.sources),
    };
  }
  return null;
}
