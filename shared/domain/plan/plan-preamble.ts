/**
 * What an appendix's preamble says about its plan:
 *
 *   PHỤ LỤC 8: Các giải pháp … tăng trưởng 6 tháng cuối năm 2026          (title, period)
 *   (Kèm theo Kế hoạch số 266 /KH-UBND ngày 07 tháng 7 năm 2026 của UBND tỉnh Lạng Sơn)
 *                         (number, kind, issuing date, issuing body: the reference)
 *
 * The reference is "số <n>/<KH|TB>-<issuer>" (KH: a plan, TB: a notice), then optionally
 * "ngày d tháng m năm yyyy" or "ngày d/m/yyyy", then optionally "của <issuing body>". The
 * title is the first other line that starts "Phụ lục", else the first other line; the
 * period is the first one read (plan-period.ts) from the title, then from the other lines.
 * Whatever is missing is null: the parser decides what the request must supply.
 */
import { isValidDate, isoDate, type DateRange } from '../calendar.ts';
import { foldText } from './fold.ts';
import type { IsoDate, PlanKind } from './model.ts';
import { readPeriod } from './plan-period.ts';

export interface PreambleLine {
  line: number;
  text: string;
}

export interface PlanReference {
  line: number;
  /** As the document numbers itself, spaces removed: "266/KH-UBND". */
  number: string;
  kind: PlanKind;
  /** Derived from the number: "266/KH-UBND" → "KH266", "150/TB-UBND" → "TB150". */
  code: string;
  /** The date printed, or the text of a date that does not exist, or null if none. */
  issuedOn: IsoDate | { invalid: string } | null;
  issuingBody: string | null;
}

export interface Preamble {
  reference: PlanReference | null;
  title: PreambleLine | null;
  period: DateRange | null;
}

/** The People's Committee of the province, however a preamble spells it. */
export const PROVINCE_COMMITTEE = 'UBND tỉnh Lạng Sơn';

const KINDS: Record<string, PlanKind> = { KH: 'plan', TB: 'notice' };

const REFERENCE = /(?<![\p{L}\p{N}])số\s*(\d{1,6})\s*\/\s*(KH|TB)\s*-\s*(\p{L}{2,12})(?!\p{L})/iu;
// Sticky: read from where the reference ends, never searched for further along.
const ISSUED_ON =
  /\s*,?\s*ngày\s*(\d{1,2})\s*(?:tháng|\/|-|\.)\s*(\d{1,2})\s*(?:năm|\/|-|\.)\s*(\d{4})(?!\d)/iuy;
const ISSUED_BY = /\s*,?\s*của\s+/iuy;

export function readPreamble(lines: readonly PreambleLine[]): Preamble {
  let reference: PlanReference | null = null;
  const others: PreambleLine[] = [];
  for (const line of lines) {
    const found: PlanReference | null = reference ? null : readReference(line);
    if (found) reference = found;
    else if (line.text !== '') others.push(line);
  }
  const title = others.find((line) => foldText(line.text).startsWith('phu luc')) ?? others[0];
  const candidates = title ? [title, ...others.filter((line) => line !== title)] : others;
  let period: DateRange | null = null;
  for (const line of candidates) {
    period = readPeriod(line.text);
    if (period) break;
  }
  return { reference, title: title ?? null, period };
}

function readReference({ line, text }: PreambleLine): PlanReference | null {
  const normal = text.normalize('NFC');
  const match = REFERENCE.exec(normal);
  if (!match) return null;
  const [, digits = '', abbreviation = '', issuer = ''] = match;
  const type = abbreviation.toUpperCase();
  const kind = KINDS[type];
  if (!kind) return null;
  let at = match.index + match[0].length;

  ISSUED_ON.lastIndex = at;
  const date = ISSUED_ON.exec(normal);
  let issuedOn: PlanReference['issuedOn'] = null;
  if (date) {
    at = ISSUED_ON.lastIndex;
    const [day, month, year] = [date[1], date[2], date[3]].map(Number);
    issuedOn =
      day && month && year && isValidDate(year, month, day)
        ? isoDate(year, month, day)
        : { invalid: `${date[1]}/${date[2]}/${date[3]}` };
  }

  ISSUED_BY.lastIndex = at;
  const by = ISSUED_BY.exec(normal);
  const issuingBody = by ? bodyAt(normal, ISSUED_BY.lastIndex) : null;
  const number = Number(digits);
  return {
    line,
    number: `${number}/${type}-${issuer.toUpperCase()}`,
    kind,
    code: `${type}${number}`,
    issuedOn,
    issuingBody,
  };
}

/** The body named from `at` to the closing parenthesis or the end of the line. */
function bodyAt(text: string, at: number): string | null {
  const close = text.indexOf(')', at);
  const printed = text
    .slice(at, close < 0 ? text.length : close)
    .replace(/\s+/g, ' ')
    .trim();
  const body = printed.replace(/[.,;:]$/, '').trim();
  if (body === '') return null;
  const folded = foldText(body);
  if (/^(?:ubnd|uy ban nhan dan) tinh(?: lang son)?$/.test(folded)) return PROVINCE_COMMITTEE;
  return body.replace(/^(?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân/iu, 'UBND');
}
