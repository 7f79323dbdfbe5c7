/**
 * Sums and means of the decimals the province reports, without binary noise: 0,1 + 0,2 ha
 * must print as 0,3 and not 0,30000000000000004.
 *
 * Written by hand rather than with a decimal library: the figures have at most a few
 * decimals and stay far below 2⁵³, so the binary sum is within a rounding of the exact
 * decimal sum, and rounding it to the addends' own number of decimals (risk/decimal.ts)
 * recovers it exactly.
 */
import { roundDecimal } from '../risk/decimal.ts';

/** The number of decimals in the shortest form of `value`: 2 for 2810.75, 7 for 1e-7. */
export function fractionDigits(value: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, decimals - Number(exponent));
}

/** The exact decimal sum of the values. */
export function decimalSum(values: readonly number[]): number {
  const digits = Math.max(0, ...values.map(fractionDigits));
  return roundDecimal(
    values.reduce((sum, value) => sum + value, 0),
    digits,
  );
}

/**
 * The weighted mean, rounded to two decimals or to the values' own precision if finer:
 * a mean has no exact decimal form (10 / 3), and the province prints rates and indices
 * with two decimals.
 */
export function weightedMean(entries: readonly { value: number; weight: number }[]): number {
  const weight = entries.reduce((sum, entry) => sum + entry.weight, 0);
  if (weight <= 0) throw new RangeError('a mean needs a positive total weight');
  const total = entries.reduce((sum, entry) => sum + entry.value * entry.weight, 0);
  const digits = Math.max(2, ...entries.map((entry) => fractionDigits(entry.value)));
  return roundDecimal(total / weight, digits);
}
