/**
 * The risk reason codes, in the fixed order every list of reasons follows: the same
 * state always gives the same list, whatever order the rules or reports came in.
 */
export const RISK_CODES = [
  'OVERDUE',
  'BEHIND_SCHEDULE',
  'DUE_SOON',
  'NO_RECENT_REPORT',
  'SELF_REPORTED',
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

const RANK: ReadonlyMap<string, number> = new Map(RISK_CODES.map((code, index) => [code, index]));

/** Sort comparator on codes: known codes in RISK_CODES order, unknown ones after, by name. */
export function compareRiskCodes(a: string, b: string): number {
  const rankA = RANK.get(a) ?? RISK_CODES.length;
  const rankB = RANK.get(b) ?? RISK_CODES.length;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}
