/**
 * The actual value of an indicator for a period, from the values agencies reported.
 *
 * A period's own value stands when reported: its newest final, else its newest estimate
 * (indicator-value.ts). A period without one is combined from smaller periods
 * (period/period-parts.ts: months → quarter → half → nine months → year), each part
 * resolved the same way in its turn:
 * - `sum`: the parts' sum; `average`: their mean, each month weighing the same;
 * - `latest`: the value at the period's end: the period's own, or that of the half,
 *   quarter or month that ends with it (a final before an estimate, the coarser first).
 *
 * Which wins when both exist: the period's own final; else a complete combination of
 * finals (the months' final figures correct a half-year estimate); else the period's
 * own estimate; else a complete combination with estimates in it; else a partial one.
 *
 * Partial, never silently complete: when some parts have no value, the result is
 * marked `complete: false` and lists the periods that are `missing` (for `latest`, the
 * period's last month, its value standing at an earlier month's). Its value is the sum
 * (or mean) of what there is, for the reader to see, and figures.ts computes no "đạt X%"
 * or "bằng Y%" from it. Among several ways to cut a period, a complete one is taken
 * first, else the one covering most months. No value is ever derived by difference
 * (Q3 as nine months less the first half): the province's figures do not subtract.
 */
import * as z from 'zod';
import { formatPeriod, periodCodeSchema, type Period } from '../period/period.ts';
import { partitionsOf, periodsEndingWith, periodsWithin } from '../period/period-parts.ts';
import { comparePeriods, monthCount, periodMonthSpan } from '../period/period-span.ts';
import { decimalSum, weightedMean } from './decimal-sum.ts';
import type { Indicator } from './indicator.ts';
import {
  standingValues,
  VALUE_STATUSES,
  type IndicatorValue,
  type ValueStatus,
} from './indicator-value.ts';

export const VALUE_BASES = ['reported', 'combined'] as const;

export const actualValueSchema = z
  .object({
    period: periodCodeSchema,
    value: z.number(),
    status: z.enum(VALUE_STATUSES).meta({
      description: 'final only when every value it rests on is final',
    }),
    basis: z.enum(VALUE_BASES).meta({
      description: 'reported: the period’s own value; combined: from smaller periods',
    }),
    complete: z.boolean(),
    missing: z.array(periodCodeSchema).meta({
      description: 'The periods without a value: a partial figure when not empty',
    }),
    sources: z
      .array(periodCodeSchema)
      .meta({ description: 'The periods whose values it rests on' }),
  })
  .meta({ id: 'IndicatorActual' });
export type ActualValue = z.infer<typeof actualValueSchema>;

interface Resolution {
  value: number;
  status: ValueStatus;
  basis: (typeof VALUE_BASES)[number];
  missing: Period[];
  sources: Period[];
  /** The months whose values it holds. */
  covered: number;
}

/** The indicator's actual value for the period, or null when nothing in it was reported. */
export function actualValue(
  indicator: Pick<Indicator, 'code' | 'aggregation'>,
  period: Period,
  values: readonly IndicatorValue[],
  knownAt?: Date,
): ActualValue | null {
  const standing = standingValues(values, indicator.code, knownAt);
  const resolution =
    indicator.aggregation === 'latest'
      ? resolveLatest(period, standing)
      : new Combiner(standing, indicator.aggregation).resolve(period);
  if (!resolution) return null;
  return {
    period: formatPeriod(period),
    value: resolution.value,
    status: resolution.status,
    basis: resolution.basis,
    complete: resolution.missing.length === 0,
    missing: [...resolution.missing].sort(comparePeriods).map(formatPeriod),
    sources: [...resolution.sources].sort(comparePeriods).map(formatPeriod),
  };
}

function reportedResolution(period: Period, value: IndicatorValue): Resolution {
  return {
    value: value.value,
    status: value.status,
    basis: 'reported',
    missing: [],
    sources: [period],
    covered: monthCount(period),
  };
}

/** `sum` and `average`: a period's own value, or its parts combined (memoised per period). */
class Combiner {
  private readonly memo = new Map<string, Resolution | null>();

  constructor(
    private readonly standing: ReadonlyMap<string, IndicatorValue>,
    private readonly aggregation: 'sum' | 'average',
  ) {}

  resolve(period: Period): Resolution | null {
    const code = formatPeriod(period);
    if (!this.memo.has(code)) this.memo.set(code, this.compute(period, code));
    return this.memo.get(code) ?? null;
  }

  private compute(period: Period, code: string): Resolution | null {
    const own = this.standing.get(code);
    const reported = own ? reportedResolution(period, own) : null;
    if (reported?.status === 'final') return reported;
    const combined = bestCombination(partitionsOf(period).map((parts) => this.combine(parts)));
    if (combined && combined.missing.length === 0 && combined.status === 'final') return combined;
    return reported ?? combined;
  }

  private combine(parts: readonly Period[]): Resolution | null {
    const resolved = parts.map((part) => ({ part, resolution: this.resolve(part) }));
    const present = resolved.flatMap(({ resolution }) => (resolution ? [resolution] : []));
    if (present.length === 0) return null;
    return {
      value:
        this.aggregation === 'sum'
          ? decimalSum(present.map((part) => part.value))
          : weightedMean(present.map((part) => ({ value: part.value, weight: part.covered }))),
      status: present.every((part) => part.status === 'final') ? 'final' : 'estimate',
      basis: 'combined',
      missing: resolved.flatMap(({ part, resolution }) =>
        resolution ? resolution.missing : [part],
      ),
      sources: present.flatMap((part) => part.sources),
      covered: present.reduce((sum, part) => sum + part.covered, 0),
    };
  }
}

/** The first complete combination, else the one covering most months (the first of equals). */
function bestCombination(candidates: readonly (Resolution | null)[]): Resolution | null {
  const present = candidates.filter((candidate): candidate is Resolution => candidate !== null);
  const complete = present.find((candidate) => candidate.missing.length === 0);
  if (complete) return complete;
  return present.reduce<Resolution | null>(
    (best, candidate) => (best === null || candidate.covered > best.covered ? candidate : best),
    null,
  );
}

/** `latest`: the value standing at the period's end (see the top of this file). */
function resolveLatest(
  period: Period,
  standing: ReadonlyMap<string, IndicatorValue>,
): Resolution | null {
  const withValue = (periods: readonly Period[]) =>
    periods.flatMap((candidate) => {
      const value = standing.get(formatPeriod(candidate));
      return value ? [{ period: candidate, value }] : [];
    });
  const ending = periodsEndingWith(period);
  const atEnd = withValue(ending);
  const chosen = atEnd.find(({ value }) => value.status === 'final') ?? atEnd[0];
  if (chosen) {
    return {
      ...reportedResolution(chosen.period, chosen.value),
      basis: formatPeriod(chosen.period) === formatPeriod(period) ? 'reported' : 'combined',
      covered: monthCount(period),
    };
  }
  // Nothing at the end: the freshest value inside, a final before an estimate.
  const [freshest] = withValue(periodsWithin(period)).sort(
    (a, b) =>
      periodMonthSpan(b.period).last - periodMonthSpan(a.period).last ||
      VALUE_STATUSES.indexOf(b.value.status) - VALUE_STATUSES.indexOf(a.value.status) ||
      monthCount(b.period) - monthCount(a.period),
  );
  if (!freshest) return null;
  const lastMonth = ending.at(-1);
  return {
    ...reportedResolution(freshest.period, freshest.value),
    basis: 'combined',
    missing: lastMonth ? [lastMonth] : [],
    covered: periodMonthSpan(freshest.period).last - periodMonthSpan(period).first + 1,
  };
}
