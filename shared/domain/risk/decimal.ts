/**
 * Decimal rounding for the percentages the province prints ("đạt 89,30% kế hoạch").
 * `Math.round(x * 100) / 100` rounds 1.005 down (1.005 * 100 is 100.49999…); shifting
 * the decimal point in the number's text rounds the decimal the reader sees.
 */

function shift(value: number, places: number): number {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** `value` rounded half away from zero to `digits` decimals (default 2); never -0. */
export function roundDecimal(value: number, digits = 2): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const magnitude = shift(Math.round(shift(Math.abs(value), digits)), -digits);
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** part / whole × 100, rounded to two decimals; null when there is no whole to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  // Multiplying first keeps 893 / 1000 at 89.3 rather than 89.30000000000001.
  return roundDecimal((part * 100) / whole);
}
