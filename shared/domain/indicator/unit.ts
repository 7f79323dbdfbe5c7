/**
 * Units as plans and reports write them, compared and converted.
 *
 * A unit is an optional multiplier word (nghìn, triệu, tỷ: plan/vn-number.ts) and a
 * base: "tỷ đồng" is 10⁹ "đồng", "triệu USD" 10⁶ "usd". Bases compare normalised (NFC,
 * lower case, single spaces, ² and ³ as 2 and 3), with the one spelling plans use for
 * another unit mapped to it: "Tấn/Km" is how KH266 prints the tonne-kilometre, "tấn.km".
 * A base may be qualified by words after it: "lượt khách du lịch" is counted in "lượt
 * khách", so units whose words extend one another by whole words are compatible.
 * No unit is converted into another kind of unit (ha into km², tấn into kg): the
 * province's figures never need it, and a guess would be worse than a refusal.
 */
import { applyMultiplier, multiplierOf } from '../plan/vn-number.ts';

export interface Unit {
  /** The normalised base: "đồng", "usd", "lượt khách du lịch". */
  base: string;
  /** The power of ten of the multiplier words: 9 for "tỷ đồng". */
  exponent: number;
}

/** Spellings of one unit met in the plans, normalised → the form compared. */
const SAME_UNIT: Readonly<Record<string, string>> = { 'tấn/km': 'tấn.km', 'tấn km': 'tấn.km' };

export function parseUnit(text: string): Unit {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('²', '2')
    .replaceAll('³', '3')
    .split(/\s+/)
    .filter(Boolean);
  let exponent = 0;
  // "nghìn tỷ đồng" stacks two multipliers; the last word is always the base.
  while (words.length > 1) {
    const multiplier = multiplierOf(words[0] ?? '');
    if (multiplier === undefined) break;
    exponent += Math.log10(multiplier);
    words.shift();
  }
  const base = words.join(' ');
  return { base: SAME_UNIT[base] ?? base, exponent };
}

/** Whether values in one unit can be read in the other (the same base, maybe qualified). */
export function compatibleUnits(a: string, b: string): boolean {
  const [x, y] = [parseUnit(a).base, parseUnit(b).base];
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/**
 * `value` in unit `from`, expressed in unit `to`: 21.000.000.000 đồng is 21 tỷ đồng.
 * Shifts the decimal point rather than multiplying, so the figure stays the one printed.
 * Throws RangeError for units that are not compatible.
 */
export function convertUnit(value: number, from: string, to: string): number {
  if (!compatibleUnits(from, to)) {
    throw new RangeError(`${JSON.stringify(from)} cannot be read as ${JSON.stringify(to)}`);
  }
  const shift = parseUnit(from).exponent - parseUnit(to).exponent;
  return shift === 0 ? value : applyMultiplier(value, 10 ** shift);
}
