/**
 * The agencies' reporting table sorted by a query parameter (`?sap-xep=day-du&thu-tu=giam`),
 * so sorting works as plain links, without JavaScript.
 */
import type { AgencyReporting } from '#shared/domain/rollup/snapshot-schema.ts';

export const SORT_KEYS = ['co-quan', 'day-du', 'dung-han'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'tang' | 'giam';

export interface SortChoice {
  key: SortKey;
  order: SortOrder;
}

/** The sort a query asks for; anything unknown falls back to the least complete first. */
export function sortChoice(query: Record<string, string | undefined>): SortChoice {
  const key = SORT_KEYS.find((k) => k === query['sap-xep']) ?? 'day-du';
  const order: SortOrder = query['thu-tu'] === 'giam' ? 'giam' : 'tang';
  return { key, order };
}

const collator = new Intl.Collator('vi-VN');

export function sortReporting(
  rows: readonly AgencyReporting[],
  { key, order }: SortChoice,
): AgencyReporting[] {
  const value = (row: AgencyReporting) =>
    key === 'day-du' ? row.completeness : key === 'dung-han' ? row.timeliness : null;
  const sign = order === 'tang' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'co-quan') return sign * collator.compare(a.agencyName, b.agencyName);
    // Nothing expected (null) sorts last either way.
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || collator.compare(a.agencyName, b.agencyName);
  });
}
