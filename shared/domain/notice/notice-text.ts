/**
 * A notice's text export read into clean paragraphs, each knowing the source lines it
 * came from.
 *
 * The export is a paragraph per line with light markup: `#` heading marks, `**` bold,
 * `- ` list items, `<sup>n</sup>` footnote marks, and footnotes printed where the page
 * ended. So: inline HTML is read with htmlparser2 (footnote marks dropped, entities
 * decoded); the markdown marks are removed by hand (a markdown parser would read "2. …"
 * lines as ordered lists and bring a dependency for four kinds of mark); a footnote's
 * own paragraph is dropped; and a paragraph that a page break cut in two ("… làm động lực
 * thúc đẩy phát" / "triển kinh tế.") is joined again. Reading stops at the distribution
 * list ("Nơi nhận:"), where the assignments have ended.
 */
import { Parser } from 'htmlparser2';

export interface NoticeParagraph {
  text: string;
  /** The source line of the paragraph's first character (1-based). */
  line: number;
  /** Where a page break joined another source line in: offset in `text`, and that line. */
  joins: { offset: number; line: number }[];
  /** Marked as a heading (`#`). */
  heading: boolean;
  /** A list item (`- `), the mark removed. */
  bullet: boolean;
}

/** A notice is a few pages (the seed is 16 KB); far longer input is refused unread. */
export const MAX_NOTICE_CHARACTERS = 200_000;

const HEADING_MARK = /^#{1,6}\s+/;
const BULLET_MARK = /^[-+•]\s+/;
// Paired emphasis: an opening run of 1-3 asterisks before a non-space, the same run after one.
// `[^*]` cannot pass another asterisk, so each attempt ends at the next one: linear.
const EMPHASIS = /(\*{1,3})(?=[^\s*])([^*]*?[^\s*])\1/g;
// Bold that a converter opened on one line and closed on another.
const DANGLING_EMPHASIS = /^\*{2,3}(?=\S)|(?<=\S)\*{2,3}$/g;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const SENTENCE_END = /[.:;!?…]$/;
const CONTINUES = /^[\p{Ll}\d]/u;
const DISTRIBUTION_LIST = /^noi nhan\b/;
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li']);

/** A paragraph being read: its lines are joined once it is complete. */
interface Gathering {
  paragraph: NoticeParagraph;
  pieces: string[];
  length: number;
}

export function readNoticeParagraphs(text: string): NoticeParagraph[] {
  const paragraphs: NoticeParagraph[] = [];
  // Joining lines as they come would copy a long paragraph again for every line a page
  // break added to it; the pieces are joined once instead.
  const finish = ({ paragraph, pieces }: Gathering) => ({ ...paragraph, text: pieces.join(' ') });
  let open: Gathering | null = null;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const paragraph = readLine(lines[index] ?? '', index + 1);
    if (paragraph === null) continue;
    if (DISTRIBUTION_LIST.test(fold(paragraph.text.slice(0, 20)))) break;
    if (open && continuesAfterPageBreak(open, paragraph)) {
      const offset = open.length + 1;
      open.paragraph.joins.push({ offset, line: paragraph.line });
      open.pieces.push(paragraph.text);
      open.length = offset + paragraph.text.length;
    } else {
      if (open) paragraphs.push(finish(open));
      open = { paragraph, pieces: [paragraph.text], length: paragraph.text.length };
    }
  }
  if (open) paragraphs.push(finish(open));
  return paragraphs;
}

/** The source line of the character at `offset` of a paragraph. */
export function lineAt(paragraph: NoticeParagraph, offset: number): number {
  let line = paragraph.line;
  for (const join of paragraph.joins) {
    if (join.offset > offset) break;
    line = join.line;
  }
  return line;
}

/** The paragraph from `offset` on, as a paragraph of its own (lines kept right). */
export function paragraphFrom(paragraph: NoticeParagraph, offset: number): NoticeParagraph {
  const rest = paragraph.text.slice(offset);
  const start = offset + (rest.length - rest.trimStart().length);
  return {
    text: paragraph.text.slice(start),
    line: lineAt(paragraph, start),
    joins: shift(
      paragraph.joins.filter((join) => join.offset > start),
      -start,
    ),
    heading: false,
    bullet: false,
  };
}

/** Lower case, no diacritics, đ as d: how markers are compared. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

function readLine(raw: string, line: number): NoticeParagraph | null {
  let text = raw.trim();
  const heading = HEADING_MARK.test(text);
  text = text.replace(HEADING_MARK, '');
  const inline = inlineText(text);
  if (inline.footnote) return null;
  text = inline.text
    .replace(ESCAPED, '$1')
    .replace(EMPHASIS, '$2')
    .replace(DANGLING_EMPHASIS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  const bullet = BULLET_MARK.test(text);
  text = text.replace(BULLET_MARK, '');
  return text === '' ? null : { text, line, joins: [], heading, bullet };
}

/** The text of a line's inline HTML, footnote marks dropped; whether the line is a footnote. */
function inlineText(html: string): { text: string; footnote: boolean } {
  if (!html.includes('<') && !html.includes('&')) return { text: html, footnote: false };
  let text = '';
  let inFootnoteMark = 0;
  let footnote = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name !== 'sup') return;
        if (text.trim() === '') footnote = true;
        inFootnoteMark++;
      },
      onclosetag(name) {
        if (name === 'sup') inFootnoteMark = Math.max(0, inFootnoteMark - 1);
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      ontext(data) {
        if (inFootnoteMark === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { text, footnote };
}

function continuesAfterPageBreak(open: Gathering, next: NoticeParagraph): boolean {
  return (
    !open.paragraph.heading &&
    !next.heading &&
    !next.bullet &&
    !SENTENCE_END.test((open.pieces.at(-1) ?? '').slice(-1)) &&
    CONTINUES.test(next.text)
  );
}

function shift(joins: NoticeParagraph['joins'], by: number): NoticeParagraph['joins'] {
  return joins.map((join) => ({ offset: join.offset + by, line: join.line }));
}
