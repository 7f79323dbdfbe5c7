/**
 * The layout of a conclusion notice: front matter (number, place and date), the
 * "THÔNG BÁO" line and the title after it, the opening, then numbered parts ("1. Đánh giá
 * chung", "2. Nhiệm vụ trong thời gian tới", …), some holding numbered items
 * ("(8) Về phát triển thương mại, du lịch: …") whose heading runs to the first colon.
 */
import { fold, paragraphFrom, type NoticeParagraph } from './notice-text.ts';

export interface NoticeItem {
  number: string;
  /** "Về phát triển thương mại, du lịch", or '' when the item has no heading. */
  heading: string;
  line: number;
  /** The text after the heading, then the paragraphs up to the next item or part. */
  body: NoticeParagraph[];
}

export interface NoticePart {
  number: string;
  title: string;
  line: number;
  /** Paragraphs before the first item; every paragraph of a part without items. */
  intro: NoticeParagraph[];
  items: NoticeItem[];
}

export interface NoticeOutline {
  /** Paragraphs before the "THÔNG BÁO" line: issuer, number, place and date. */
  front: NoticeParagraph[];
  title: NoticeParagraph | null;
  /** Paragraphs between the title and the first part. */
  opening: NoticeParagraph[];
  parts: NoticePart[];
}

const DOCUMENT_KIND = 'thong bao';
const PART_HEADING = /^(\d{1,2}|[IVX]{1,5})\.\s+(\S.*)$/u;
/** A part heading is a line of its own: short, not a sentence. */
const MAX_PART_HEADING = 150;
const ITEM = /^\((\d{1,3})\)\s*/u;
const HEADING_OPENER = /^về\s/iu;
const MAX_ITEM_HEADING = 200;

export function outlineNotice(paragraphs: NoticeParagraph[]): NoticeOutline {
  const kindAt = paragraphs.findIndex((p) => fold(p.text).trim() === DOCUMENT_KIND);
  const outline: NoticeOutline = {
    front: kindAt < 0 ? [] : paragraphs.slice(0, kindAt),
    title: kindAt < 0 ? null : (paragraphs[kindAt + 1] ?? null),
    opening: [],
    parts: [],
  };
  const rest = paragraphs.slice(kindAt < 0 ? 0 : kindAt + 2);
  for (const paragraph of rest) {
    const part = partHeading(paragraph);
    if (part) {
      outline.parts.push(part);
      continue;
    }
    const current = outline.parts.at(-1);
    if (!current) {
      outline.opening.push(paragraph);
      continue;
    }
    const item = ITEM.exec(paragraph.text);
    if (item) current.items.push(itemOf(paragraph, item[1] ?? '', item[0].length));
    else if (current.items.length > 0) current.items.at(-1)?.body.push(paragraph);
    else current.intro.push(paragraph);
  }
  return outline;
}

function partHeading(paragraph: NoticeParagraph): NoticePart | null {
  const { text } = paragraph;
  const isLine = paragraph.heading || (text.length <= MAX_PART_HEADING && !/[.;]$/.test(text));
  const match = isLine ? PART_HEADING.exec(text) : null;
  if (!match) return null;
  return {
    number: match[1] ?? '',
    title: (match[2] ?? '').replace(/:$/, ''),
    line: paragraph.line,
    intro: [],
    items: [],
  };
}

function itemOf(paragraph: NoticeParagraph, number: string, bodyAt: number): NoticeItem {
  const rest = paragraph.text.slice(bodyAt);
  const colon = rest.indexOf(':');
  const item = { number, heading: '', line: paragraph.line, body: [] as NoticeParagraph[] };
  if (!HEADING_OPENER.test(rest)) {
    item.body.push(paragraphFrom(paragraph, bodyAt));
  } else if (colon >= 0 && colon <= MAX_ITEM_HEADING) {
    item.heading = rest.slice(0, colon).trim();
    const body = paragraphFrom(paragraph, bodyAt + colon + 1);
    if (body.text !== '') item.body.push(body);
  } else if (rest.length <= MAX_ITEM_HEADING && !/[.;]/.test(rest)) {
    item.heading = rest.trim();
  } else {
    item.body.push(paragraphFrom(paragraph, bodyAt));
  }
  return item;
}
