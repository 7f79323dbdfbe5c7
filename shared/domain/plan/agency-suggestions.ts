/**
 * The known agencies closest to a name the registry cannot resolve, for the officer who
 * answers "alias of X" or "new agency".
 *
 * Algorithm: weighted token-set similarity. A name becomes the set of its words, folded
 * (no case, no diacritics), without punctuation and in any order, Roman numerals read as
 * numbers ("Khu vực V" is "khu vuc 5") and leading zeros dropped ("05" is "5"). A word
 * weighs by its rarity among the registry's names and aliases (inverse document frequency
 * ln(1 + N / df), N names, df of them with the word; a word no name has weighs as one
 * name had it), so "Sở" or "UBND", on many names, counts less than "Tài chính". A name
 * scores the weighted Dice coefficient 2·w(A∩B) / (w(A) + w(B)), from 0 to 1, and an
 * agency its best name or alias. Only names sharing a word with the query are scored,
 * through an inverted index; those under MIN_SCORE are not worth an officer's glance.
 */
import { foldText } from './fold.ts';
import type { Agency } from './model.ts';

export interface AgencySuggestion {
  id: string;
  name: string;
  /** 0..1, rounded to three decimals; 1 is the same words. */
  score: number;
}

/**
 * Below this a candidate shares little more than "Sở", "UBND xã" or "Ban Quản lý" with the
 * name: a new commune is better met with no suggestion than with another commune.
 */
export const MIN_SUGGESTION_SCORE = 0.45;

/** 1..39 as Roman numerals (a region, a ward or a zone is never numbered higher). */
const ROMAN_NUMERAL = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10 };

/** The words a name is compared by. */
export function suggestionWords(name: string): Set<string> {
  const words = foldText(name.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(canonicalWord);
  return new Set(words);
}

function canonicalWord(word: string): string {
  if (/^\d+$/.test(word)) return String(Number(word));
  return ROMAN_NUMERAL.test(word) ? String(romanValue(word)) : word;
}

function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_DIGITS[numeral[i] ?? ''] ?? 0;
    const next = ROMAN_DIGITS[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface Candidate {
  agency: Agency;
  words: Set<string>;
  weight: number;
}

export class AgencySuggester {
  private readonly candidates: Candidate[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly weights = new Map<string, number>();
  private readonly unseenWeight: number;

  constructor(agencies: readonly Agency[]) {
    for (const agency of agencies) {
      for (const name of [agency.name, ...agency.aliases]) {
        const words = suggestionWords(name);
        const index = this.candidates.push({ agency, words, weight: 0 }) - 1;
        for (const word of words) {
          const list = this.postings.get(word) ?? [];
          list.push(index);
          this.postings.set(word, list);
        }
      }
    }
    const n = this.candidates.length;
    for (const [word, list] of this.postings) this.weights.set(word, Math.log(1 + n / list.length));
    this.unseenWeight = Math.log(1 + n);
    for (const candidate of this.candidates) candidate.weight = this.weightOf(candidate.words);
  }

  /** At most `limit` agencies, best first (then by id), each scoring at least MIN_SUGGESTION_SCORE. */
  suggest(name: string, limit: number): AgencySuggestion[] {
    const words = suggestionWords(name);
    const queryWeight = this.weightOf(words);
    const shared = new Map<number, number>();
    for (const word of words) {
      const weight = this.weights.get(word) ?? 0;
      for (const index of this.postings.get(word) ?? []) {
        shared.set(index, (shared.get(index) ?? 0) + weight);
      }
    }
    const best = new Map<string, AgencySuggestion>();
    for (const [index, common] of shared) {
      const candidate = this.candidates[index];
      if (!candidate) continue;
      const score = (2 * common) / (queryWeight + candidate.weight);
      const { id, name: agencyName } = candidate.agency;
      if (score > (best.get(id)?.score ?? 0)) best.set(id, { id, name: agencyName, score });
    }
    return [...best.values()]
      .filter((suggestion) => suggestion.score >= MIN_SUGGESTION_SCORE)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, Math.max(0, limit))
      .map((suggestion) => ({ ...suggestion, score: Math.round(suggestion.score * 1000) / 1000 }));
  }

  private weightOf(words: Set<string>): number {
    let total = 0;
    for (const word of words) total += this.weights.get(word) ?? this.unseenWeight;
    return total;
  }
}
