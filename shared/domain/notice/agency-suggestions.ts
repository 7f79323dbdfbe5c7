/**
 * The known agencies closest to a name nobody knows, for the officer who must answer
 * "alias of X" or "new agency". Matching ignores case, diacritics, punctuation and word
 * order: names are compared as sets of words. Words most agencies share ("UBND", "xã",
 * "Sở", "và", "Lạng Sơn") say nothing about which agency is meant and are left out; the
 * others weigh more the rarer they are. A name sharing only such words with every known
 * agency gets no suggestion rather than a misleading one. Hand-written: a few lines over
 * the registry's own normalisation, where a fuzzy-search library would bring its own.
 */
import { normaliseName, type AgencyRegistry } from '../plan/agency-registry.ts';

export interface Suggestion {
  id: string;
  name: string;
  /** 0..1: the weighted share of distinctive words the two names have in common. */
  score: number;
}

const MIN_SCORE = 0.6;
const MAX_SUGGESTIONS = 3;
/** A word in at least this share of the agencies (and at least 3) distinguishes none. */
const COMMON_SHARE = 0.1;

export function suggestAgencies(name: string, registry: AgencyRegistry): Suggestion[] {
  const agencies = registry.all();
  const spellings = agencies.map((agency) => ({
    agency,
    names: [agency.name, ...agency.aliases].map(wordsOf),
  }));
  const frequency = new Map<string, number>();
  for (const { names } of spellings) {
    for (const word of new Set(names.flatMap((words) => [...words]))) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const common = Math.max(3, agencies.length * COMMON_SHARE);
  const distinctive = (words: Set<string>) =>
    [...words].filter((word) => (frequency.get(word) ?? 0) < common);
  const weight = (word: string) => Math.log(1 + agencies.length / (frequency.get(word) || 0.5));
  const total = (words: string[]) => words.reduce((sum, word) => sum + weight(word), 0);

  const wanted = distinctive(wordsOf(name));
  const suggestions: Suggestion[] = [];
  for (const { agency, names } of spellings) {
    const score = Math.max(
      0,
      ...names.map((words) => {
        const known = distinctive(words);
        const shared = wanted.filter((word) => known.includes(word));
        const both = total(wanted) + total(known);
        return both === 0 ? 0 : (2 * total(shared)) / both;
      }),
    );
    if (score >= MIN_SCORE) {
      suggestions.push({ id: agency.id, name: agency.name, score: Math.round(score * 100) / 100 });
    }
  }
  return suggestions
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, MAX_SUGGESTIONS);
}

function wordsOf(name: string): Set<string> {
  return new Set(
    normaliseName(name)
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== ''),
  );
}
