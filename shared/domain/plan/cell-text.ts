/**
 * Table cells exported from Word carry HTML fragments (`<p>`, `<ul><li>`, `<b>`); a cell's
 * value is the text they show. Read with htmlparser2's tokenizer (linear in the input, no
 * DOM, no tree to build): paragraphs, list items and line breaks become lines; every other
 * tag and every comment is dropped; character references are decoded, a reference outside
 * Unicode becoming U+FFFD. What comes out is text: `&lt;script&gt;` becomes the characters
 * `<script>`, which consumers that write HTML escape like any other text.
 */
import { Tokenizer } from 'htmlparser2';

const LINE_TAGS = new Set(['p', 'li', 'ul', 'ol', 'br', 'div']);
/** Their content is code, not text a reader sees. */
const HIDDEN_TAGS = new Set(['script', 'style']);
const REPLACEMENT_CHARACTER = '\uFFFD';

/** Clean text of one cell: lines for blocks, single spaces inside lines, NFC. */
export function cellText(raw: string): string {
  const text = raw.includes('<') || raw.includes('&') ? markupText(raw) : raw;
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function markupText(raw: string): string {
  const parts: string[] = [];
  let hidden: string | null = null;
  /** Where the last complete token ended: what follows it at the end was never closed. */
  let consumed = 0;
  const tagName = (start: number, end: number) => raw.slice(start, end).toLowerCase();
  const ignore = () => undefined;
  // A tag never closed ("x <b c", "a<p" at the end of the cell) is skipped by the
  // tokenizer; an HTML page would drop it, but a cell's words are never dropped.
  const unclosed = (from: number, to: number): string => {
    const skipped = raw.slice(from, to);
    return skipped.startsWith('<') && !skipped.includes('>') ? skipped : '';
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        if (hidden === null) parts.push(unclosed(consumed, start) + raw.slice(start, end));
        consumed = end;
      },
      ontextentity(codePoint, end) {
        if (hidden === null) parts.push(characterOf(codePoint));
        consumed = end;
      },
      onopentagname(start, end) {
        const name = tagName(start, end);
        if (LINE_TAGS.has(name)) parts.push('\n');
        if (HIDDEN_TAGS.has(name)) hidden = name;
      },
      onopentagend(end) {
        consumed = end + 1;
      },
      onselfclosingtag(end) {
        consumed = end + 1;
      },
      onclosetag(start, end) {
        const name = tagName(start, end);
        if (LINE_TAGS.has(name)) parts.push('\n');
        if (name === hidden) hidden = null;
        consumed = end;
      },
      oncomment(_start, end, offset) {
        consumed = end + offset + 1;
      },
      oncdata(_start, end, offset) {
        consumed = end + offset + 1;
      },
      ondeclaration(_start, end) {
        consumed = end + 1;
      },
      onprocessinginstruction(_start, end) {
        consumed = end + 1;
      },
      onattribname: ignore,
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onend: ignore,
    },
  );
  tokenizer.write(raw);
  tokenizer.end();

  if (hidden === null) parts.push(unclosed(consumed, raw.length));
  return parts.join('');
}

/** The decoder already maps invalid references to U+FFFD; this keeps it so whatever it hands over. */
function characterOf(codePoint: number): string {
  const valid =
    Number.isInteger(codePoint) &&
    codePoint >= 0 &&
    codePoint <= 0x10ffff &&
    !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : REPLACEMENT_CHARACTER;
}
