/**
 * How far an actual figure is along its target, as a percentage of plan ("đạt X% kế
 * hoạch"). Shared by the risk rules and the quarterly rollup so both read a target the
 * same way.
 *
 * - `gte`, `gt`, `eq`: actual / plan × 100 (a floor or an exact figure: more is further).
 * - `lte` (a ceiling, "tối đa"): the sense is inverted, plan / actual × 100, so staying
 *   under the ceiling reads as 100% or more and going over it as less than 100%.
 * Null when the ratio means nothing: a plan of zero or below for a floor, an actual of
 * zero or below (or a negative plan) for a ceiling.
 */
import type { Target } from '../plan/model.ts';

export function attainment(
  target: Pick<Target, 'value' | 'comparator'>,
  actual: number,
): number | null {
  const plan = target.value;
  if (target.comparator === 'lte') {
    if (actual <= 0 || plan < 0) return null;
    return (plan * 100) / actual;
  }
  if (plan <= 0) return null;
  // Multiplying first keeps 893 / 1000 at 89.3 rather than 89.30000000000001.
  return (actual * 100) / plan;
}

/** Whether the actual meets the target as its comparator reads. */
export function targetMet(target: Pick<Target, 'value' | 'comparator'>, actual: number): boolean {
  switch (target.comparator) {
    case 'gte':
      return actual >= target.value;
    case 'gt':
      return actual > target.value;
    case 'lte':
      return actual <= target.value;
    case 'eq':
      return actual === target.value;
  }
}
