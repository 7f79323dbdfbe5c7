/**
 * Reads the numeric commitments out of an expected result ("Kết quả cụ thể").
 *
 * A deliberately small heuristic, not a parser of Vietnamese. A number becomes a
 * target only when all of these hold, so a phrase it cannot read yields no target
 * rather than a wrong one:
 * - it stands alone: not glued to `/`, `-` or letters before it (decision numbers
 *   "1141/QĐ-UBND", dates "22/6/2026", codes "05-CT/TU", ranges "2021-2030");
 * - the word before it does not make it a reference ("năm 2026", "giai đoạn 1",
 *   "phụ lục 3", "số 1141", "trên tổng số 811");
 * - it is not a period ("6 tháng cuối năm");
 * - a unit from a closed lexicon follows it, possibly after a multiplier
 *   ("45 triệu cây giống"). Unknown words ("110kV") mean no target.
 *
 * Comparator: the word directly before the number, possibly after "đạt", decides
 * it ("trên"/"vượt" → gt, "tối thiểu"/"từ"/"ít nhất" → gte, "tối đa" → lte). With no
 * such word it is `gte`: a plan target is a floor to reach, and a lower actual is
 * what the platform must flag. `eq` is never inferred: plans do not commit to
 * exact numbers.
 *
 * Linear in the text: around each number only a bounded window is examined (the words
 * just before it, the unit and at most a few words after it), never the rest of the
 * clause, so a cell of ten thousand numbers costs ten thousand small looks.
 */
import type { Target } from './model.ts';
import { VN_NUMBER_PATTERN, applyMultiplier, multiplierOf, parseVnNumber } from './vn-number.ts';

type Comparator = Target['comparator'];
type UnitKind = 'measure' | 'count';

/** Units of measure: what they measure is named around the number ("Lúa: 15.520 ha"). */
const MEASURE_UNITS = [
  '%',
  'ha',
  'km',
  'km2',
  'km²',
  'm',
  'm2',
  'm²',
  'm3',
  'm³',
  'kg',
  'tạ',
  'tấn',
  'lít',
  'đồng',
  'usd',
  'kw',
  'kwh',
  'mw',
  'mwh',
  'ngày',
  'giờ',
];

/** Things counted: the unit names itself ("200 doanh nghiệp"). Longest match wins. */
const COUNT_UNITS = [
  'dự án',
  'đề án',
  'doanh nghiệp',
  'hợp tác xã',
  'htx',
  'nhà đầu tư',
  'công trình',
  'danh mục công trình',
  'danh mục',
  'cầu',
  'nhà máy',
  'cụm công nghiệp',
  'khu công nghiệp',
  'chợ',
  'tuyến',
  'hồ sơ',
  'thủ tục',
  'hộ',
  'hộ dân',
  'hộ gia đình',
  'người',
  'lao động',
  'học sinh',
  'trường',
  'phòng học',
  'xã',
  'phường',
  'thôn',
  'con',
  'con cá giống',
  'cá giống',
  'cây',
  'cây giống',
  'lượt',
  'lượt khách',
  'lượt khách du lịch',
  'lượt người',
  'khách',
  'cơ sở',
  'sản phẩm',
  'mô hình',
  'căn hộ',
  'căn nhà',
  'lớp',
  'hội nghị',
];

const UNIT_LEXICON: ReadonlyArray<{ word: string; kind: UnitKind }> = [
  ...MEASURE_UNITS.map((word) => ({ word, kind: 'measure' as const })),
  ...COUNT_UNITS.map((word) => ({ word, kind: 'count' as const })),
].sort((a, b) => b.word.length - a.word.length);

/** The lexicon by first letter, longest words first within each. */
const UNITS_BY_INITIAL = new Map<string, (typeof UNIT_LEXICON)[number][]>();
for (const unit of UNIT_LEXICON) {
  const initial = unit.word[0] ?? '';
  UNITS_BY_INITIAL.set(initial, [...(UNITS_BY_INITIAL.get(initial) ?? []), unit]);
}
const LONGEST_UNIT = Math.max(...UNIT_LEXICON.map(({ word }) => word.length));

/** Function words that end a noun phrase: "cây giống | đủ tiêu chuẩn", "dự án | đã ký". */
const STOP_WORDS = new Set([
  'bị',
  'các',
  'cho',
  'có',
  'còn',
  'của',
  'đã',
  'đạt',
  'đảm',
  'đang',
  'để',
  'đến',
  'do',
  'dưới',
  'đủ',
  'được',
  'hay',
  'hơn',
  'hoặc',
  'ít',
  'khi',
  'không',
  'là',
  'mà',
  'nếu',
  'nhằm',
  'những',
  'phải',
  'qua',
  'sau',
  'sẽ',
  'so',
  'tại',
  'theo',
  'thì',
  'thuộc',
  'tối',
  'tới',
  'trên',
  'trong',
  'trước',
  'từ',
  'và',
  'vào',
  'về',
  'vì',
  'với',
  'vượt',
]);

const DETERMINERS = new Set(['các', 'những']);

/** Time words that, before a number or numeral, start a reference: "năm 2026", "quý III". */
const TIME_WORDS = new Set(['năm', 'tháng', 'quý', 'kỳ', 'đợt', 'giai']);
const NUMERAL = /^(?:\d|[IVX]+$)/u;

/** A number standing alone (see the module comment for why each neighbour disqualifies). */
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,\-])(?:${VN_NUMBER_PATTERN})(?![\p{N}/]|[.,]\p{N}|-[\p{L}\p{N}])`,
  'gu',
);

/**
 * Words after which a number is a reference, not a quantity. "số" also covers
 * "trên tổng số 811" (out of a total: context, not a commitment). Words that end
 * common compounds ("nâng cấp", "địa điểm", "cổ phần") are left out on purpose.
 */
const REFERENCE_BEFORE =
  /(?:^|[^\p{L}])(?:năm|tháng|quý|ngày|tuần|giai\s+đoạn|phụ\s+lục|số|khoản|điều|mục|chương|thứ|khóa|khoá|đợt|kỳ|km|quốc\s+lộ|tỉnh\s+lộ|huyện\s+lộ|ql|đt|tiêu\s+chí)\s*$/iu;

/** "6 tháng cuối năm", "5 năm": a period or duration the plan runs over, not a target. */
const PERIOD_AFTER = /^\s*(?:tháng|năm|quý|tuần)(?![\p{L}\p{N}])/iu;

const MULTIPLIER_AFTER = /^\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}\p{N}])/iu;

/** Qualifiers directly before the number; "không vượt quá" is tried before "vượt". */
const QUALIFIERS: ReadonlyArray<{ pattern: RegExp; comparator: Comparator }> = [
  {
    pattern: /(?:^|[^\p{L}])(?:không\s+vượt(?:\s+quá)?|không\s+quá|tối\s+đa|dưới)\s*$/iu,
    // The model has no strict "<": "dưới 5%" is read as a ceiling, like "tối đa".
    comparator: 'lte',
  },
  { pattern: /(?:^|[^\p{L}])(?:trên|vượt(?:\s+quá)?|hơn)\s*$/iu, comparator: 'gt' },
  { pattern: /(?:^|[^\p{L}])(?:tối\s+thiểu|ít\s+nhất|từ)\s*$/iu, comparator: 'gte' },
];

/** Clause breaks: lines, ";", sentence ends, " - " bullets and parentheses. */
const CLAUSE_BREAK = /\n|;|\.(?=\s|$)|(?:^|\s)[-–—•]\s+|[()[\]]/u;

/** Connectors that start a new phrase inside a clause: the label starts after them. */
const CONNECTOR = /(?:^|\s)(?:và|để|nhằm|đồng\s+thời)\s/giu;

/** A qualifying acronym after a counted noun names its kind: "công trình đường GTNT". */
const ACRONYM_QUALIFIER = /^(?:\s+(\p{Ll}+))?\s+(\p{Lu}[\p{Lu}\p{N}]+)(?![\p{L}\p{N}])/u;

/** One word of a noun phrase; it fails at punctuation that ends the phrase. */
const PHRASE_WORD = /\s*([^\s,;:()[\].]+)/y;
const MAX_PHRASE_WORDS = 6;
/**
 * How far before a number its qualifier or reference word is looked for: the longest
 * such phrase ("không vượt quá", 14 characters) and a space. A pattern can only match the
 * window's start as `^` if it fits in the window from there to the number, which none
 * can, so the window gives the same answers as the whole text before the number.
 */
const LOOK_BEHIND = 32;
const MAX_KEY_WORDS = 6;
const FALLBACK_KEY = 'muc-tieu';

interface Unit {
  text: string;
  kind: UnitKind;
  end: number;
}

/** A target before its key is known, with where its phrase starts and ends in the clause. */
interface Reading extends Omit<Target, 'key' | 'text'> {
  start: number;
  end: number;
}

/**
 * The targets of one expected-result text (clean text, as `cellText` returns it), the
 * first `limit` of them: reading stops there, so a caller with a budget pays for no more.
 */
export function extractTargets(expectedResult: string, limit = Infinity): Target[] {
  // One space between words, as in cell text, bounds every `\s*` and `\s+` below.
  const clauses = expectedResult
    .normalize('NFC')
    .replace(/[^\S\n]+/g, ' ')
    .split(CLAUSE_BREAK);
  const targets: Omit<Target, 'key'>[] = [];
  for (const clause of clauses) {
    if (targets.length >= limit) break;
    for (const target of readClause(clause, limit - targets.length)) targets.push(target);
  }
  return withKeys(targets);
}

/** The key a label gives: ASCII words without diacritics ("Cây lấy củ" → `cay-lay-cu`). */
export function labelKey(label: string): string {
  const words = label
    .replaceAll('%', ' phan tram ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.length > 0 ? words.slice(0, MAX_KEY_WORDS).join('-') : FALLBACK_KEY;
}

function readClause(clause: string, limit: number): Omit<Target, 'key'>[] {
  const readings: Reading[] = [];
  let segmentStart = 0;
  for (const match of clause.matchAll(NUMBER)) {
    if (readings.length >= limit) break;
    const reading = readNumber(clause, segmentStart, match.index, match[0]);
    if (!reading) continue;
    readings.push(reading);
    segmentStart = reading.end;
  }
  // Each target's text runs to where the next one's starts; the last one's to the clause end.
  return readings.map(({ start, end, ...target }, index) => ({
    ...target,
    text: phraseText(clause.slice(start, index + 1 < readings.length ? end : clause.length)),
  }));
}

function readNumber(
  clause: string,
  segmentStart: number,
  numberStart: number,
  numeral: string,
): Reading | null {
  // Every condition below must hold; the cheapest and most often failing (a unit from the
  // lexicon, absent after most numbers of prose) is tested first.
  const after = clause.slice(numberStart + numeral.length);
  const multiplier = MULTIPLIER_AFTER.exec(after);
  const rest = multiplier ? after.slice(multiplier[0].length) : after;
  const unit = readUnit(rest);
  if (!unit) return null;

  const before = clause.slice(Math.max(0, numberStart - LOOK_BEHIND), numberStart);
  if (REFERENCE_BEFORE.test(before) || PERIOD_AFTER.test(after)) return null;
  let value = parseVnNumber(numeral);
  if (value === null) return null;
  if (multiplier) value = applyMultiplier(value, multiplierOf(multiplier[1] ?? '') ?? 1);
  if (!Number.isFinite(value)) return null;

  const isCount = unit.kind === 'count';
  const descriptor = nounPhrase(rest.slice(unit.end), !isCount);
  const qualifier = QUALIFIERS.find(({ pattern }) => pattern.test(before));
  let lead = clause.slice(segmentStart, numberStart);
  if (qualifier) lead = lead.replace(qualifier.pattern, '');
  return {
    label: isCount
      ? joinWords(unit.text, descriptor.text)
      : measureLabel(lead, descriptor.text, unit.text),
    value,
    unit: unit.text,
    comparator: qualifier?.comparator ?? 'gte',
    start: segmentStart,
    end: clause.length - rest.length + unit.end + descriptor.end,
  };
}

/** The unit right after the number: a lexicon word, `a/b` compounds, a qualifying acronym. */
function readUnit(text: string): Unit | null {
  const start = text.length - text.trimStart().length;
  const head = lexiconWord(text, start);
  if (!head) return null;
  let end = start + head.word.length;
  // "Tấn/Km", "nhà đầu tư/hộ dân": a rate or an alternative, printed as one unit.
  // A rate we cannot read ("ha/vụ") is no target: "ha" alone would be a wrong unit.
  if (text[end] === '/') {
    const second = lexiconWord(text, end + 1);
    if (!second) return null;
    end += 1 + second.word.length;
  }
  if (head.kind === 'count') {
    const acronym = ACRONYM_QUALIFIER.exec(text.slice(end));
    const between = acronym?.[1];
    if (acronym && !(between && STOP_WORDS.has(between))) end += acronym[0].length;
  }
  return { text: text.slice(start, end), kind: head.kind, end };
}

function lexiconWord(text: string, at: number): { word: string; kind: UnitKind } | undefined {
  // Lower-cased once, and only the words starting with its first letter tried: this runs
  // for every number of every expected result.
  const lower = text.slice(at, at + LONGEST_UNIT).toLowerCase();
  return UNITS_BY_INITIAL.get(lower[0] ?? '')?.find(({ word }) => {
    if (!lower.startsWith(word)) return false;
    if (text.slice(at, at + word.length).toLowerCase() !== word) return false;
    // "m" must not match "mặt bằng": a unit ends where the word ends.
    return !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '');
  });
}

/**
 * The words after the unit that say what it counts or measures ("dự án | nhà ở xã hội",
 * "% | khối lượng hạ tầng kỹ thuật"), up to punctuation, a function word, a number
 * or a time reference. After a unit of measure a leading "các"/"những" is skipped
 * ("100% | các ổ dịch hại"); after a counted noun it ends the phrase ("cá giống | các loại").
 */
function nounPhrase(text: string, skipDeterminers: boolean): { text: string; end: number } {
  // Words are read as far as they are looked at, never to the end of the clause.
  const words: { text: string; end: number }[] = [];
  let exhausted = false;
  const word = (index: number): string | undefined => {
    while (words.length <= index && !exhausted) {
      PHRASE_WORD.lastIndex = words.at(-1)?.end ?? 0;
      const match = PHRASE_WORD.exec(text);
      if (match) words.push({ text: match[1] ?? '', end: PHRASE_WORD.lastIndex });
      else exhausted = true;
    }
    return words[index]?.text;
  };
  let first = 0;
  while (skipDeterminers && DETERMINERS.has(word(first)?.toLowerCase() ?? '')) first += 1;
  let last = first;
  while (word(last) !== undefined && last - first < MAX_PHRASE_WORDS && !endsPhrase(word, last)) {
    last += 1;
  }
  const final = words[last - 1];
  if (last === first || !final) return { text: '', end: 0 };
  const phrase = words.slice(first, last).map((w) => w.text);
  return { text: phrase.join(' '), end: final.end };
}

function endsPhrase(word: (index: number) => string | undefined, index: number): boolean {
  const current = (word(index) ?? '').toLowerCase();
  if (STOP_WORDS.has(current) || /^\p{N}/u.test(current)) return true;
  // "năm 2026", "giai đoạn 1", "quý III": the phrase is over, a date follows.
  const next = current === 'giai' ? word(index + 2) : word(index + 1);
  return TIME_WORDS.has(current) && NUMERAL.test(next ?? '');
}

/**
 * What a unit of measure measures. "Lúa: 15.520 ha" → the words before the colon;
 * "Tỷ lệ … đạt trên 80%" → the subject of "đạt"; otherwise the verb phrase before
 * the number with the words after the unit ("Bàn giao 100% mặt bằng sạch").
 */
function measureLabel(lead: string, descriptor: string, unit: string): string {
  const colon = lead.lastIndexOf(':');
  if (colon >= 0) {
    const afterColon = trimPhrase(lead.slice(colon + 1)).replace(/^đạt$/iu, '');
    const named = trimPhrase(lead.slice(0, colon));
    if (afterColon === '' && named !== '') return named;
    lead = lead.slice(colon + 1);
  }
  const connectors = [...lead.matchAll(CONNECTOR)];
  const lastConnector = connectors.at(-1);
  if (lastConnector) lead = lead.slice(lastConnector.index + lastConnector[0].length);
  const subject = trimPhrase(lead);
  const beforeDat = /^(.*\S)\s+đạt$/isu.exec(subject)?.[1];
  if (beforeDat) return trimPhrase(beforeDat);
  return joinWords(subject.replace(/^đạt$/iu, ''), descriptor) || unit;
}

/** The phrase without the punctuation and connector its slice of the clause starts with. */
function phraseText(text: string): string {
  return trimPhrase(text).replace(/^(?:và|để)\s+/iu, '');
}

function trimPhrase(text: string): string {
  // Scanned by hand: `/[…]+$/` would retry from every character of a long run of marks.
  let start = 0;
  let end = text.length;
  while (start < end && /[\s,;:.\-–—•]/u.test(text[start] ?? '')) start += 1;
  while (end > start && /[\s,;:\-–—•]/u.test(text[end - 1] ?? '')) end -= 1;
  return text.slice(start, end).replace(/\s+/g, ' ');
}

function joinWords(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

/** Keys in text order; a clash gets -2, -3, … so each is unique within the task. */
function withKeys(targets: Omit<Target, 'key'>[]): Target[] {
  const used = new Set<string>();
  const seen = new Map<string, number>();
  return targets.map((target) => {
    const base = labelKey(target.label);
    let count = seen.get(base) ?? 0;
    let key = base;
    do {
      count += 1;
      key = count === 1 ? base : `${base}-${count}`;
    } while (used.has(key));
    seen.set(base, count);
    used.add(key);
    return { key, ...target };
  });
}
