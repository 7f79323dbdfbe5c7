/** Counts per plan section, in the plans' own order (KH266 before KH267, I before IV before X). */
import { compareNatural, compareText } from '../risk/order.ts';
import type { SectionSummary, TaskCategory } from './snapshot-schema.ts';
import { emptyCounts } from './counts.ts';

export interface SectionEntry {
  plan: string;
  section: { code: string; title: string };
  category: TaskCategory;
  atRisk: boolean;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral's value (I..CCC is plenty for sections); NaN if it is not one. */
export function romanValue(code: string): number {
  let total = 0;
  for (let i = 0; i < code.length; i += 1) {
    const value = ROMAN[code[i] ?? ''];
    const next = ROMAN[code[i + 1] ?? ''] ?? 0;
    if (value === undefined) return Number.NaN;
    total += value < next ? -value : value;
  }
  return code.length === 0 ? Number.NaN : total;
}

function compareSections(a: SectionSummary, b: SectionSummary): number {
  const [x, y] = [romanValue(a.section), romanValue(b.section)];
  const byNumber = Number.isNaN(x) || Number.isNaN(y) ? 0 : x - y;
  return compareNatural(a.plan, b.plan) || byNumber || compareText(a.section, b.section);
}

export function sectionSummaries(entries: readonly SectionEntry[]): SectionSummary[] {
  const sections = new Map<string, { summary: SectionSummary; titles: string[] }>();
  for (const entry of entries) {
    const id = `${entry.plan}\u0000${entry.section.code}`;
    const found = sections.get(id) ?? {
      summary: {
        plan: entry.plan,
        section: entry.section.code,
        title: '',
        tasks: 0,
        counts: emptyCounts(),
        atRisk: 0,
      },
      titles: [],
    };
    sections.set(id, found);
    found.titles.push(entry.section.title);
    found.summary.tasks += 1;
    found.summary.counts[entry.category] += 1;
    if (entry.atRisk) found.summary.atRisk += 1;
  }
  return [...sections.values()]
    .map(({ summary, titles }) => ({
      ...summary,
      // Tasks of one section carry one title; should they differ, pick one by a fixed rule.
      title: titles.sort(compareText)[0] ?? '',
    }))
    .sort(compareSections);
}
