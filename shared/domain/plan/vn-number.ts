/**
 * Numbers as Vietnamese documents print them: `.` groups thousands and `,` is the
 * decimal mark, so `15.520` is 15520 and `2.810,75` is 2810.75.
 *
 * A `.` is only ever a thousands separator, and only when exactly three digits
 * follow it: `1.009` is 1009 (never 1.009), while `12.34` is not a Vietnamese
 * number at all and reads as null. Reading a malformed number as nothing is safer
 * than guessing which convention its author meant.
 */

/**
 * One number as printed: grouped (`1.234.567,8`) or plain (`1234`, `06`, `36,7`).
 * Exported so that text scanners find numbers with the same grammar as the parser.
 */
export const VN_NUMBER_PATTERN = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const WHOLE_NUMBER = new RegExp(String.raw`^-?(?:${VN_NUMBER_PATTERN})$`);

/** The multiplier words that follow a number: "45 triệu cây giống", "21 tỷ đồng". */
export const MULTIPLIERS: Readonly<Record<string, number>> = Object.freeze({
  nghìn: 1e3,
  ngàn: 1e3,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
});

/** The value a Vietnamese number denotes, or null when the text is not one. */
export function parseVnNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE_NUMBER.test(trimmed)) return null;
  const value = Number(trimmed.replaceAll('.', '').replace(',', '.'));
  if (!Number.isFinite(value)) return null; // hundreds of digits overflow to Infinity
  return value === 0 ? 0 : value; // never -0: "-0" and "0" mean the same
}

/**
 * The number the Vietnamese way. Without `fractionDigits` it prints the shortest
 * decimal that reads back as the same number (so parse(format(x)) === x); with it,
 * it rounds like `Number#toFixed` ("đạt 89,3% kế hoạch" is `formatVnNumber(x, 1)`).
 * Throws RangeError for NaN and infinities: there is nothing sensible to print.
 */
export function formatVnNumber(value: number, fractionDigits?: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (
    fractionDigits !== undefined &&
    (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 100)
  ) {
    throw new RangeError(`fractionDigits must be an integer in 0..100, got ${fractionDigits}`);
  }
  const magnitude = Math.abs(value);
  const decimal =
    fractionDigits === undefined
      ? plainDecimal(magnitude)
      : fixedDecimal(magnitude, fractionDigits);
  const [integerPart = '0', fractionPart] = decimal.split('.');
  const grouped = integerPart.replace(/\B(?=(?:\d{3})+$)/g, '.');
  const body = fractionPart === undefined ? grouped : `${grouped},${fractionPart}`;
  // A value that rounds to zero prints without a sign ("0,00", not "-0,00").
  const sign = value < 0 && /[1-9]/.test(decimal) ? '-' : '';
  return sign + body;
}

/** The word's multiplier ("Triệu" → 1e6), case-insensitively; undefined if it is none. */
export function multiplierOf(word: string): number | undefined {
  const normalized = word.normalize('NFC').toLowerCase();
  // hasOwn: "constructor" and friends must not read as multipliers.
  return Object.hasOwn(MULTIPLIERS, normalized) ? MULTIPLIERS[normalized] : undefined;
}

/**
 * value × multiplier as a decimal shift, so that "36,7 triệu" is exactly 36700000:
 * the binary product can land one ulp off the number the document printed.
 */
export function applyMultiplier(value: number, multiplier: number): number {
  const exponent = Math.log10(multiplier);
  if (!Number.isInteger(exponent)) return value * multiplier;
  return Number(`${plainDecimal(value)}e${exponent}`);
}

/** The shortest round-trip decimal of a finite number, never in exponent form. */
function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A non-negative number with exactly `digits` decimals, never in exponent form. */
function fixedDecimal(value: number, digits: number): string {
  // toFixed switches to exponent form from 1e21; such doubles are integers anyway.
  if (value < 1e21) return value.toFixed(digits);
  return plainDecimal(value) + (digits > 0 ? `.${'0'.repeat(digits)}` : '');
}
