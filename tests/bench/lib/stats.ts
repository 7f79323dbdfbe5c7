/** The few statistics the benchmarks report: medians, percentiles and a log-log slope. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of the values (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Least-squares slope of log(y) against log(x): the exponent k in y ∝ x^k. 1 means linear
 * growth; above 1, each task costs more as the province grows.
 */
export function growthExponent(points: readonly { x: number; y: number }[]): number {
  const logs = points.map(({ x, y }) => ({ x: Math.log(x), y: Math.log(y) }));
  const n = logs.length;
  if (n < 2) return Number.NaN;
  const meanX = logs.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = logs.reduce((sum, p) => sum + p.y, 0) / n;
  const covariance = logs.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const variance = logs.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  return covariance / variance;
}

/**
 * Three significant digits: what these measurements can honestly claim, and a stable
 * layout for results committed to the repository.
 */
export function sig(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** A ratio a / b rounded for reporting. */
export const ratio = (a: number, b: number): number => sig(a / b);
