/**
 * How a notice's prose assigns work, read with a small grammar of the province's
 * administrative style rather than guessed word by word:
 *
 * - A sentence is cut into clauses at top-level semicolons and before ", giao …",
 *   ", yêu cầu …" (a new instruction). Parentheses never split.
 * - An assignee is named before its verb: "Yêu cầu các sở, ban, ngành liên quan ban hành…",
 *   "giao Văn phòng UBND tỉnh theo dõi…", "xã Nhân Lý nghiên cứu…", "UBND các xã tiếp
 *   tục…", possibly after an opening phrase ("Trên cơ sở …, UBND các xã tiếp tục…"),
 *   or fronted for the whole sentence: "Đối với xã Chi Lăng, chủ động rà soát…".
 *   Agency names are capitalised and the verbs that follow them are not, so a name may
 *   end at each known predicate word, or else after any of its first words; the registry
 *   then tells which reading is a name (the first that names only known agencies).
 * - Communes are named as "xã" or "các xã" followed by capitalised names
 *   ("các xã Chi Lăng, Nhân Lý, …"); "UBND các xã" with no names means the communes
 *   the notice is addressed to.
 * - A deadline is a date after "trước", "chậm nhất", "đến" or "không quá" ("ngày"
 *   required): a date alone ("Kế hoạch số 141/KH-UBND ngày 16/4/2026") is a reference.
 * - Coordinating agencies follow "phối hợp [chặt chẽ] với".
 *
 * Every pattern is anchored or bounded by its clause, so reading is linear in the text.
 */

export interface Span {
  start: number;
  end: number;
}

export interface ClauseSpan extends Span {
  /** Parenthesised parts at the clause's own level, which may hold assignments of their own. */
  parentheses: Span[];
}

export type Assignee =
  /** Communes named one by one ("xã Chi Lăng", "các xã Chi Lăng, Nhân Lý"). */
  | { kind: 'communes'; unit: 'xã' | 'phường'; names: string[] }
  /** "UBND các xã", "các xã" with no names: the communes the notice is addressed to. */
  | { kind: 'addressees' }
  /** Other agencies: the phrase that names them, cut at each candidate verb in turn. */
  | { kind: 'agencies'; phrases: string[] };

export interface Subject {
  assignee: Assignee;
  /** "Đối với X, …" names the assignee of the whole sentence. */
  scope: 'sentence' | 'clause';
}

const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*`;
const NAME_SEQUENCE = `${NAME}(?: ${NAME}){0,3}`;
const NAME_LIST = `${NAME_SEQUENCE}(?:(?:, | và )${NAME_SEQUENCE})*`;
const COMMUNES = new RegExp(
  String.raw`^(?:(?:UBND|Ủy ban nhân dân|ủy ban nhân dân)\s+)?(?:([Cc]ác)\s+)?([Xx]ã|[Pp]hường)(?:\s*:)?(?:\s+(${NAME_LIST}))?(?=[\s,.;:)]|$)`,
  'u',
);
const NAMED_COMMUNES = new RegExp(
  String.raw`(?:^|\s)(?:[Cc]ác\s+)?([Xx]ã|[Pp]hường)(?:\s*:)?\s+(${NAME_LIST})`,
  'u',
);
const LIST_SEPARATOR = /, | và /u;

const CONNECTORS =
  /^(?:đồng thời|trước mắt|bên cạnh đó|ngoài ra|mặt khác|trong đó|sau đó)\s*,?\s*/iu;
const IMPERATIVE = /^(?:yêu cầu|đề nghị|giao)\s+/iu;
const TOWARD = /^đối với\s+/iu;
/** Opening phrases after which ", <assignee> <verb>" may follow. */
const OPENERS =
  /^(?:trên cơ sở|căn cứ|để|nhằm|thời gian tới|trong thời gian tới|hiện nay|từ nay|sau khi|qua|theo)\s/iu;
const AGENCY_HEAD =
  /^(?:UBND|Ủy ban|Sở|[Cc]ác (?:sở|Sở|ban|cơ quan|đơn vị|địa phương)|Văn phòng|Ban|Công an|Bộ Chỉ huy|Trung tâm|Thuế|Chi cục|Cục|Ngân hàng|Thống kê|Hải quan|Kho bạc|Bảo hiểm|Mặt trận|Hội|Liên đoàn|Tỉnh đoàn)(?=[\s,:]|$)/u;

/** Words that start what an assignee is told to do (lower case: names are capitalised). */
const PREDICATE_WORDS = [
  'tập trung',
  'tiếp tục',
  'chủ động',
  'khẩn trương',
  'nghiêm túc',
  'kịp thời',
  'rà soát',
  'triển khai',
  'thực hiện',
  'xây dựng',
  'nghiên cứu',
  'quan tâm',
  'phối hợp',
  'hoàn thành',
  'ban hành',
  'theo dõi',
  'đôn đốc',
  'gửi',
  'báo cáo',
  'tham mưu',
  'đẩy nhanh',
  'đẩy mạnh',
  'tăng cường',
  'chỉ đạo',
  'kiểm tra',
  'hướng dẫn',
  'tổ chức',
  'phấn đấu',
  'bảo đảm',
  'đảm bảo',
  'xem xét',
  'giải quyết',
  'cập nhật',
  'trả lời',
  'chuẩn bị',
  'ưu tiên',
  'chủ trì',
  'chịu trách nhiệm',
  'có trách nhiệm',
  'đề xuất',
  'hỗ trợ',
  'cung cấp',
  'tiếp thu',
  'xử lý',
];
const PREDICATE = new RegExp(` (?:${PREDICATE_WORDS.join('|')})(?=[\\s,.;:]|$)`, 'gu');
/** How far into a clause a name may run before its verb. */
const MAX_NAME_CHARACTERS = 160;
/** Cuts tried when the first one names nothing known ("… đầu tư xây dựng tỉnh phối hợp"). */
const MAX_CUTS = 4;
/** How far a list of agencies to work with may run. */
const MAX_COORDINATION_CHARACTERS = 400;
/** The longest agency name, in words, tried when no known verb ends it. */
const MAX_NAME_WORDS = 12;

const DEADLINE =
  /(?:hoàn thành\s+)?(?:trước|chậm nhất|đến|không quá)\s+ngày\s+\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?/giu;
const COORDINATION = /phối hợp(?:\s+(?:chặt chẽ|tốt|thường xuyên|đồng bộ))?\s+với\s+/giu;
const COORDINATION_END =
  /\s(?:trong|để|nhằm|về|theo|khi|tại|trên|thực hiện|triển khai|tổ chức)\s|[;.]|$/u;

// ---- sentences and clauses ----

/** Sentence spans of a paragraph: a full stop (or ! ?) outside parentheses, then a capital. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (char === '.' || char === '!' || char === '?')) {
      const next = nextVisible(text, i + 1);
      if (next === -1 || (next > i + 1 && /[\p{Lu}(]/u.test(text[next] ?? ''))) {
        spans.push({ start, end: i + 1 });
        start = next === -1 ? text.length : next;
        if (next === -1) break;
        i = next - 1;
      }
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.filter((span) => text.slice(span.start, span.end).trim() !== '');
}

/** Clause spans of a sentence: at top-level ";" and before ", giao|yêu cầu|đề nghị". */
export function clauseSpans(text: string, sentence: Span): ClauseSpan[] {
  const clauses: ClauseSpan[] = [];
  let depth = 0;
  let start = sentence.start;
  let open = -1;
  let parentheses: Span[] = [];
  const close = (end: number, next: number) => {
    if (text.slice(start, end).trim() !== '') clauses.push({ start, end, parentheses });
    parentheses = [];
    start = next;
  };
  for (let i = sentence.start; i < sentence.end; i++) {
    const char = text[i];
    if (char === '(') {
      if (depth++ === 0) open = i;
    } else if (char === ')' && depth > 0) {
      if (--depth === 0) parentheses.push({ start: open, end: i + 1 });
    } else if (depth === 0 && char === ';') {
      close(i, i + 1);
    } else if (
      depth === 0 &&
      char === ',' &&
      startsInstruction(text.slice(i + 1, i + 80).trimStart())
    ) {
      close(i, i + 1);
    }
  }
  close(sentence.end, sentence.end);
  return clauses.map((clause) => trimSpan(text, clause));
}

/** The parts of a parenthesis ("(… như: a; b; c)") that may each be an assignment. */
export function parenthesisParts(text: string, parenthesis: Span): Span[] {
  const inner = { start: parenthesis.start + 1, end: parenthesis.end - 1 };
  const body = text.slice(inner.start, inner.end);
  const colon = body.indexOf(':');
  const from = colon >= 0 ? inner.start + colon + 1 : inner.start;
  return clauseSpans(text, { start: from, end: inner.end });
}

// ---- assignees ----

/** The assignee a clause names before its verb, if it names one. */
export function subjectOf(clause: string): Subject | null {
  const text = clause.replace(CONNECTORS, '');
  const toward = TOWARD.exec(text);
  if (toward) {
    const named = text.slice(toward[0].length);
    const assignee = communesAt(named, true) ?? agenciesAt(named, commaCuts(named));
    return assignee ? { assignee, scope: 'sentence' } : null;
  }
  const imperative = IMPERATIVE.exec(text);
  if (imperative && startsInstruction(text)) return clauseSubject(text.slice(imperative[0].length));
  if (namesAssignee(text)) return clauseSubject(text);
  if (OPENERS.test(text)) {
    const rest = afterOpening(text, (after) => namesAssignee(after.replace(IMPERATIVE, '')));
    if (rest !== null) return clauseSubject(rest.replace(IMPERATIVE, ''));
  }
  return null;
}

/** Whether a clause gives an instruction ("Yêu cầu …", "giao …", "Để …, yêu cầu …"). */
export function isInstruction(clause: string): boolean {
  const text = clause.replace(CONNECTORS, '');
  if (startsInstruction(text)) return true;
  return OPENERS.test(text) && afterOpening(text, startsInstruction) !== null;
}

/**
 * The text after the first comma of an opening phrase that `accepts` what follows it
 * (each comma judged on a bounded window, so a long clause stays linear).
 */
function afterOpening(text: string, accepts: (after: string) => boolean): string | null {
  for (let comma = text.indexOf(', '); comma >= 0; comma = text.indexOf(', ', comma + 2)) {
    if (accepts(text.slice(comma + 2, comma + 2 + MAX_NAME_CHARACTERS))) {
      return text.slice(comma + 2);
    }
  }
  return null;
}

/** "giao Văn phòng …", "Yêu cầu các sở …": a verb of instruction, then whom it instructs. */
function startsInstruction(text: string): boolean {
  const imperative = IMPERATIVE.exec(text);
  if (!imperative) return false;
  const rest = text.slice(imperative[0].length);
  return namesAssignee(rest);
}

/** The communes a text names as "các xã A, B, C" (the notice's addressees), if any. */
export function namedCommunes(text: string): { unit: 'xã' | 'phường'; names: string[] } | null {
  const match = NAMED_COMMUNES.exec(text);
  if (!match) return null;
  return { unit: unitOf(match[1] ?? ''), names: (match[2] ?? '').split(LIST_SEPARATOR) };
}

/** Whether `text` starts with an agency or with communes. */
function namesAssignee(text: string): boolean {
  return AGENCY_HEAD.test(text) || communesAt(text, false) !== null;
}

function clauseSubject(text: string): Subject | null {
  const assignee = communesAt(text, false) ?? agenciesAt(text, predicateCuts(text));
  return assignee ? { assignee, scope: 'clause' } : null;
}

/**
 * Communes at the start of `text`: named ones, or "các xã" alone for the addressees.
 * With `whole`, the names must be all there is before the next comma ("Đối với xã X, …").
 */
function communesAt(text: string, whole: boolean): Assignee | null {
  const match = COMMUNES.exec(text);
  if (!match) return null;
  const [matched, plural, unit, names] = match;
  if (whole && !/^\s*(?:,|$)/u.test(text.slice(matched.length))) return null;
  if (names)
    return { kind: 'communes', unit: unitOf(unit ?? ''), names: names.split(LIST_SEPARATOR) };
  return plural ? { kind: 'addressees' } : null;
}

/**
 * An agency at the start of `text`: the phrase up to each cut, then each shorter run of
 * words before the first comma (for a verb the list does not know), longest first.
 */
function agenciesAt(text: string, cuts: number[]): Assignee | null {
  if (!AGENCY_HEAD.test(text)) return null;
  const phrases = [...cuts.map((cut) => text.slice(0, cut)), ...wordPrefixes(text)]
    .map((phrase) => phrase.replace(/[\s,:]+$/u, ''))
    .filter((phrase, index, all) => phrase !== '' && all.indexOf(phrase) === index);
  return phrases.length > 0 ? { kind: 'agencies', phrases } : null;
}

/** The first words of `text` before any comma or semicolon, longest first. */
function wordPrefixes(text: string): string[] {
  const clause = text.slice(0, MAX_NAME_CHARACTERS).split(/[,;]/u)[0] ?? '';
  const words = clause.trim().split(/\s+/u).slice(0, MAX_NAME_WORDS);
  return words.map((_, count) => words.slice(0, words.length - count).join(' '));
}

/** Where a name may end: before each predicate word, nearest first. */
function predicateCuts(text: string): number[] {
  const window = text.slice(0, MAX_NAME_CHARACTERS);
  return [...window.matchAll(PREDICATE)].map((match) => match.index).slice(0, MAX_CUTS);
}

/** Where a fronted name may end: at each comma ("Đối với các sở, ngành, …"). */
function commaCuts(text: string): number[] {
  const cuts: number[] = [];
  for (
    let at = text.indexOf(',');
    at >= 0 && at <= MAX_NAME_CHARACTERS && cuts.length < MAX_CUTS;
    at = text.indexOf(',', at + 1)
  ) {
    cuts.push(at);
  }
  return cuts;
}

function unitOf(word: string): 'xã' | 'phường' {
  return word.toLowerCase() === 'phường' ? 'phường' : 'xã';
}

// ---- deadlines and coordination ----

/** Deadline phrases in a text ("trước ngày 10/6/2026"), in order. */
export function deadlinePhrases(text: string): { phrase: string; index: number }[] {
  return [...text.matchAll(DEADLINE)].map((m) => ({ phrase: m[0], index: m.index }));
}

/** The names a text says to work with ("phối hợp chặt chẽ với Sở Xây dựng, Sở …"). */
export function coordinationPhrases(text: string): string[] {
  return [...text.matchAll(COORDINATION)].map((match) => {
    const from = match.index + match[0].length;
    const rest = text.slice(from, from + MAX_COORDINATION_CHARACTERS);
    const end = COORDINATION_END.exec(rest)?.index ?? rest.length;
    return rest.slice(0, end).replace(/[\s,]+$/u, '');
  });
}

// ---- helpers ----

function nextVisible(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (!/\s/u.test(text[i] ?? '')) return i;
  return -1;
}

function trimSpan<T extends Span>(text: string, span: T): T {
  let { start, end } = span;
  while (start < end && /[\s,]/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { ...span, start, end };
}
