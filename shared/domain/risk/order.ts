/**
 * Orderings that do not depend on the host's locale data: sorting must give the same
 * bytes on every machine, and `localeCompare` follows whatever ICU the runtime ships.
 */

/** Plain code-unit order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CHUNKS = /\d+|\D+/g;

/**
 * Natural order: runs of digits compare as numbers, so `KH266-I-2` sorts before
 * `KH266-I-10` and `1.2` before `1.10`. Ties fall back to code-unit order.
 */
export function compareNatural(a: string, b: string): number {
  const left = a.match(CHUNKS) ?? [];
  const right = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (!numeric) return compareText(x, y);
  }
  return left.length - right.length || compareText(a, b);
}
