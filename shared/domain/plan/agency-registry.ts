/**
 * The agencies the plan tables name, and the reader of lead/coordinating cells.
 *
 * A cell names several agencies with no reliable separator: names contain commas
 * ("Sở Văn hóa, Thể thao và Du lịch", "UBND các xã, phường"), and page breaks join
 * two names with a bare space. So a cell is never split first: it is cut into word
 * and punctuation tokens, and at each token the longest known alias is taken (greedy
 * longest match over a token trie). Whatever matches nothing is reported as unknown.
 *
 * Three rules sit on top of the aliases, each kept general rather than row-specific:
 * - Elided list prefixes: "Các sở: Xây dựng, Nông nghiệp và Môi trường",
 *   "Sở Tài chính. Xây dựng", "UBND xã Tuấn Sơn, Tân Văn", "UBND các phường Tam Thanh,
 *   Lương Văn Tri". After a list head ("Các sở:", "UBND các xã") or an agency named
 *   with the prefix, the next items may omit it; the printed name puts it back.
 *   Only individual agencies are found this way, never collectives.
 * - Qualifiers: a collective may be followed by words that narrow it ("UBND các xã có
 *   cụm công nghiệp", "UBND xã biên giới có cửa khẩu"). It is still the collective, and
 *   the printed name keeps the qualifier. A qualifier must start with a known word
 *   ("có", "trong", ...) so that an unregistered commune is reported, not absorbed.
 * - Fillers: "và" between names is skipped, like punctuation.
 */
import { AgencySuggester, type AgencySuggestion } from './agency-suggestions.ts';
import { foldText } from './fold.ts';
import { agencySchema, type Agency, type AgencyRef } from './model.ts';

export interface CellResolution {
  /** Agencies in order of appearance, each once. */
  refs: AgencyRef[];
  /** Text that names no known agency, as printed. */
  unknown: string[];
}

interface Token {
  norm: string;
  start: number;
  end: number;
}

/** A run of letters/digits (with their marks), or one other visible character. */
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const DASH = /^[-‐‑‒–—―−]$/u;

/**
 * Tables repeat a few hundred words ("Sở", "UBND", "xã"…) thousands of times, and folding
 * (Unicode decomposition) is the costliest step of reading a cell: words are folded once.
 * Cleared when full, so that hostile input cannot grow it without bound.
 */
const foldedTokens = new Map<string, string>();
const FOLDED_TOKENS_MAX = 20_000;

function normaliseToken(raw: string): string {
  const known = foldedTokens.get(raw);
  if (known !== undefined) return known;
  const folded = DASH.test(raw) ? '-' : foldText(raw);
  if (foldedTokens.size >= FOLDED_TOKENS_MAX) foldedTokens.clear();
  foldedTokens.set(raw, folded);
  return folded;
}

function tokenise(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    norm: normaliseToken(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const ATTACH_LEFT = new Set([',', ';', '.', ':', ')', '!', '?']);

/**
 * The form names are compared in: no diacritics, đ→d, lower case, one kind of dash,
 * single spaces, punctuation attached as in prose ("ubnd cac xa, phuong").
 */
export function normaliseName(s: string): string {
  let out = '';
  for (const { norm } of tokenise(s.normalize('NFC'))) {
    if (out === '' || ATTACH_LEFT.has(norm)) out += norm;
    else if (out.endsWith('(')) out += norm;
    else out += ` ${norm}`;
  }
  return out;
}

/** Punctuation that ends a name (a dash does not: it sits inside names). */
const BREAKS = new Set([',', ';', '.', ':']);
/** Words and marks skipped between names. */
const SKIPPABLE = new Set([...BREAKS, 'va', '-', '/', '+', '&', '(', ')', '"', '“', '”']);
/** Ends an elided list: "; " starts a new group in every table. */
const LIST_END = ';';

interface ListFamily {
  /** The tokens an item of the list omits. */
  prefix: string[];
  /** What the printed name puts back. */
  printed: string;
  /** Heads that open such a list without naming an item themselves. */
  heads: string[][];
}

const LIST_FAMILIES: ListFamily[] = [
  { prefix: ['so'], printed: 'Sở', heads: [['cac', 'so', ':']] },
  {
    prefix: ['ubnd', 'xa'],
    printed: 'UBND xã',
    heads: [
      ['ubnd', 'cac', 'xa', ':'],
      ['ubnd', 'cac', 'xa'],
      ['ubnd', 'xa', ':'],
    ],
  },
  {
    prefix: ['ubnd', 'phuong'],
    printed: 'UBND phường',
    heads: [
      ['ubnd', 'cac', 'phuong', ':'],
      ['ubnd', 'cac', 'phuong'],
      ['ubnd', 'phuong', ':'],
    ],
  },
];

/** Words that open a qualifier narrowing a collective. */
const QUALIFIER_STARTS = [
  ['co'],
  ['trong'],
  ['thuoc'],
  ['tai'],
  ['noi'],
  ['o'],
  ['duoc'],
  ['vung'],
  ['khu', 'vuc'],
  ['lien', 'quan'],
  ['bien', 'gioi'],
];

/**
 * "UBND xã" alone is no agency, but "UBND xã biên giới có cửa khẩu" is the commune
 * collective (the one "UBND các xã" names) narrowed by a qualifier.
 */
const COMMUNE_COLLECTIVE_ALIAS = 'UBND các xã';
const QUALIFIED_COMMUNE_BASES = [
  ['ubnd', 'xa'],
  ['ubnd', 'phuong'],
];

interface TrieNode {
  next: Map<string, TrieNode>;
  id?: string;
}

interface Match {
  id: string;
  /** Tokens of the cell consumed. */
  length: number;
  /** Token range printed, and the words put back in front of it. */
  printedFrom: number;
  printedTo: number;
  restored: string;
  /** The list this match opens or continues, for the items after it. */
  family: ListFamily | null;
}

function startsWith(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  return words.every((word, k) => tokens[at + k] === word);
}

export class AgencyRegistry {
  private readonly byId: Map<string, Agency>;
  private readonly trie: TrieNode;
  private readonly communeCollective: string | undefined;
  /** Built on the first suggestion asked for: most registries only resolve. */
  private suggester: AgencySuggester | undefined;

  private constructor(agencies: Agency[], trie: TrieNode) {
    this.byId = new Map(agencies.map((agency) => [agency.id, agency]));
    this.trie = trie;
    const collective = this.longest(
      tokenise(COMMUNE_COLLECTIVE_ALIAS).map((t) => t.norm),
      0,
    );
    this.communeCollective =
      collective && this.byId.get(collective.id)?.kind === 'collective' ? collective.id : undefined;
  }

  /**
   * Validates the agencies as one registry: each against the schema, ids unique,
   * names and aliases unique across agencies once normalised, memberOf naming
   * existing collectives. Throws one Error listing every problem.
   */
  static fromAgencies(agencies: readonly Agency[]): AgencyRegistry {
    const problems: string[] = [];
    const parsed: Agency[] = [];
    agencies.forEach((raw, index) => {
      const result = agencySchema.safeParse(raw);
      if (result.success) parsed.push(result.data);
      else
        problems.push(`agency #${index}: ${result.error.issues.map((i) => i.message).join(', ')}`);
    });

    const kinds = new Map<string, Agency['kind']>();
    for (const agency of parsed) {
      if (kinds.has(agency.id)) problems.push(`duplicate agency id "${agency.id}"`);
      kinds.set(agency.id, agency.kind);
    }

    const trie: TrieNode = { next: new Map() };
    const owners = new Map<string, string>();
    for (const agency of parsed) {
      // A merged agency's names live on as aliases of the agency it was merged into.
      const names = agency.mergedInto === null ? [agency.name, ...agency.aliases] : [];
      for (const alias of names) {
        const key = normaliseName(alias);
        const owner = owners.get(key);
        if (key === '') problems.push(`agency "${agency.id}" has an empty name or alias`);
        else if (owner !== undefined && owner !== agency.id) {
          problems.push(
            `alias "${alias}" of "${agency.id}" is already a name of "${owner}" (both read "${key}")`,
          );
        } else if (owner === undefined) {
          owners.set(key, agency.id);
          insert(trie, tokenise(alias.normalize('NFC')), agency.id);
        }
      }
      for (const group of agency.memberOf) {
        const kind = kinds.get(group);
        if (kind === undefined) problems.push(`"${agency.id}" is a member of unknown "${group}"`);
        else if (kind !== 'collective') {
          problems.push(`"${agency.id}" is a member of "${group}", which is not a collective`);
        } else if (group === agency.id) problems.push(`"${agency.id}" is a member of itself`);
      }
      if (agency.mergedInto !== null && !kinds.has(agency.mergedInto)) {
        problems.push(`"${agency.id}" is merged into unknown "${agency.mergedInto}"`);
      }
    }

    if (problems.length > 0) throw new Error(`invalid agency registry: ${problems.join('; ')}`);
    return new AgencyRegistry(parsed, trie);
  }

  get(id: string): Agency | undefined {
    return this.byId.get(id);
  }

  all(): Agency[] {
    return [...this.byId.values()];
  }

  /**
   * Ids this agency acts for: itself, the agencies merged into it (their tasks are its
   * own now), and the collectives any of them belongs to, transitively.
   */
  actsFor(id: string): string[] {
    if (!this.byId.has(id)) return [];
    const seen = new Set<string>();
    const queue = [id, ...this.absorbedBy(id)];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.byId.get(next)?.memberOf ?? []));
    }
    return [...seen];
  }

  /** The agencies merged into `id`, directly or through earlier merges. */
  absorbedBy(id: string): string[] {
    return this.byId.get(id)?.absorbed ?? [];
  }

  /**
   * The known agencies closest to `name`, best first, at most `limit`: matching ignores
   * case, diacritics, punctuation and word order (algorithm in agency-suggestions.ts).
   */
  suggest(name: string, limit = 5): AgencySuggestion[] {
    this.suggester ??= new AgencySuggester(
      this.all().filter((agency) => agency.mergedInto === null),
    );
    return this.suggester.suggest(name, limit);
  }

  /** Reads a lead or coordinating cell. Unmatched text is returned, never dropped. */
  resolveCell(cell: string): CellResolution {
    const text = cell.normalize('NFC');
    const tokens = tokenise(text);
    const norms = tokens.map((t) => t.norm);
    const printed = (from: number, to: number): string => {
      const first = tokens[from];
      const last = tokens[to - 1];
      if (first === undefined || last === undefined) return '';
      return text.slice(first.start, last.end).replace(/\s+/g, ' ');
    };

    const refs: AgencyRef[] = [];
    const referenced = new Set<string>();
    const unknown = new Set<string>();
    let family: ListFamily | null = null;
    let chunkFrom = -1;
    let chunkTo = -1;
    const flush = () => {
      if (chunkFrom < 0) return;
      // Trailing connectives and punctuation belong to whatever comes next.
      while (chunkTo > chunkFrom && isTrailingNoise(norms[chunkTo - 1])) chunkTo--;
      const name = printed(chunkFrom, chunkTo);
      if (name !== '') unknown.add(name);
      chunkFrom = -1;
    };

    let i = 0;
    while (i < tokens.length) {
      const match = this.bestMatch(norms, i, family);
      if (match) {
        flush();
        const name = `${match.restored}${printed(match.printedFrom, match.printedTo)}`;
        if (!referenced.has(match.id)) refs.push({ id: match.id, name });
        referenced.add(match.id);
        family = match.family;
        i += match.length;
        continue;
      }
      const norm = norms[i] ?? '';
      if (BREAKS.has(norm)) {
        flush();
        if (norm === LIST_END) family = null;
      } else if (chunkFrom < 0 && SKIPPABLE.has(norm)) {
        // Between names: keeps an elided list going.
      } else {
        if (chunkFrom < 0) chunkFrom = i;
        chunkTo = i + 1;
        family = null;
      }
      i++;
    }
    flush();
    return { refs, unknown: [...unknown] };
  }

  /** The longest reading at token `at`; on a tie the plain alias wins. */
  private bestMatch(norms: string[], at: number, family: ListFamily | null): Match | undefined {
    const candidates: Match[] = [];

    const direct = this.longest(norms, at);
    if (direct) {
      const isCollective = this.byId.get(direct.id)?.kind === 'collective';
      const end = isCollective ? this.qualifierEnd(norms, at + direct.length) : at + direct.length;
      const words = norms.slice(at, at + direct.length);
      candidates.push({
        id: direct.id,
        length: end - at,
        printedFrom: at,
        printedTo: end,
        restored: '',
        family: isCollective
          ? null
          : (LIST_FAMILIES.find((f) => startsWith(words, 0, f.prefix)) ?? null),
      });
    }

    if (this.communeCollective !== undefined) {
      for (const base of QUALIFIED_COMMUNE_BASES) {
        if (!startsWith(norms, at, base)) continue;
        const end = this.qualifierEnd(norms, at + base.length);
        if (end === at + base.length) continue;
        candidates.push({
          id: this.communeCollective,
          length: end - at,
          printedFrom: at,
          printedTo: end,
          restored: '',
          family: null,
        });
      }
    }

    for (const f of LIST_FAMILIES) {
      const heads = f === family ? [[], ...f.heads] : f.heads;
      for (const head of heads) {
        if (!startsWith(norms, at, head)) continue;
        const from = at + head.length;
        const item = this.longest(norms, from, f.prefix);
        if (!item || item.length <= f.prefix.length) continue;
        if (this.byId.get(item.id)?.kind === 'collective') continue;
        const to = from + item.length - f.prefix.length;
        candidates.push({
          id: item.id,
          length: to - at,
          printedFrom: from,
          printedTo: to,
          restored: `${f.printed} `,
          family: f,
        });
      }
    }

    let best: Match | undefined;
    for (const candidate of candidates) {
      if (!best || candidate.length > best.length) best = candidate;
    }
    return best;
  }

  /** Where a qualifier opened at `at` ends: at punctuation or at the next known name. */
  private qualifierEnd(norms: string[], at: number): number {
    if (!QUALIFIER_STARTS.some((words) => startsWith(norms, at, words))) return at;
    let end = at + 1;
    while (end < norms.length && !BREAKS.has(norms[end] ?? '') && !this.longest(norms, end)) end++;
    while (end > at + 1 && isTrailingNoise(norms[end - 1])) end--;
    return end;
  }

  /**
   * The longest alias that reads `prefix` and then the tokens from `at` (the prefix is
   * the words an elided list item leaves out); its length counts the prefix. The walk
   * stops where the trie does, so it costs at most the longest alias, whatever follows.
   */
  private longest(
    norms: string[],
    at: number,
    prefix: readonly string[] = [],
  ): { id: string; length: number } | undefined {
    let node: TrieNode | undefined = this.trie;
    for (const word of prefix) node = node?.next.get(word);
    let found: { id: string; length: number } | undefined;
    for (let k = at; node && k < norms.length; k++) {
      node = node.next.get(norms[k] ?? '');
      if (node?.id !== undefined) found = { id: node.id, length: prefix.length + k - at + 1 };
    }
    return found;
  }
}

function isTrailingNoise(norm: string | undefined): boolean {
  return norm === undefined || (SKIPPABLE.has(norm) && norm !== ')');
}

function insert(trie: TrieNode, tokens: Token[], id: string): void {
  let node = trie;
  for (const { norm } of tokens) {
    let child = node.next.get(norm);
    if (!child) {
      child = { next: new Map() };
      node.next.set(norm, child);
    }
    node = child;
  }
  node.id = id;
}
