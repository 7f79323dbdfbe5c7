/**
 * Finds the assignments of a notice's parts, before they become tasks (see
 * notice-parser.ts for the rules): an item's general text as one piece, each clause with an
 * assignee of its own and each sentence with a deadline apart; a part without items gives
 * one piece per instruction, split where the assignee changes.
 */
import {
  clauseSpans,
  deadlinePhrases,
  isInstruction,
  parenthesisParts,
  sentenceSpans,
  subjectOf,
  type Assignee,
  type Span,
} from './assignment-grammar.ts';
import type { NoticeItem, NoticePart } from './notice-outline.ts';
import { lineAt, type NoticeParagraph } from './notice-text.ts';

/** An assignment found in the text. */
export interface Piece {
  assignee: Assignee;
  /** Its clauses in order, each with where it starts and the sentence it belongs to. */
  parts: PieceText[];
}

export interface PieceText {
  text: string;
  paragraph: NoticeParagraph;
  start: number;
  /** Clauses of one sentence join with "; "; a clause taken out of parentheses has none. */
  sentence: Span | null;
}

/** The assignments of one section: an item, or the instructions of a part without items. */
export interface SectionSource {
  section: { code: string; title: string };
  line: number;
  pieces: Piece[];
  /** The task ordinal of the index-th of `count` pieces: `8`, or `10.2` when split. */
  ordinal: (index: number, count: number) => string;
}

/** Where a problem is reported: an error stops the import, a warning does not. */
export type Report = (
  severity: 'error' | 'warning',
  line: number,
  code: string,
  message: string,
) => void;

/** "UBND các xã": the communes the notice is addressed to. */
export const ADDRESSEES: Assignee = { kind: 'addressees' };

export function assignmentsOf(part: NoticePart, report: Report): SectionSource[] {
  if (part.items.length === 0) return [instructionSource(part, report)];
  const fallback = instructedIn(part.intro) ?? ADDRESSEES;
  const firstLine = new Map<string, number>();
  return part.items.map((item) => {
    const earlier = firstLine.get(item.number);
    if (earlier !== undefined) {
      report(
        'error',
        item.line,
        'DUPLICATE_ITEM',
        `Mục (${item.number}) của phần ${part.number} lặp lại (lần đầu ở dòng ${earlier}).`,
      );
    }
    firstLine.set(item.number, item.line);
    return itemSource(part, item, fallback, report);
  });
}

export function deadlinesOf(piece: Piece): string[] {
  return piece.parts.flatMap((part) => deadlinePhrases(part.text).map((d) => d.phrase));
}

function itemSource(
  part: NoticePart,
  item: NoticeItem,
  fallback: Assignee,
  report: Report,
): SectionSource {
  const pieces = itemPieces(item.body, fallback, report);
  if (pieces.length === 0) {
    report('warning', item.line, 'EMPTY_ITEM', `Mục (${item.number}) không giao nhiệm vụ nào.`);
  }
  return {
    section: { code: `${part.number}.${item.number}`, title: item.heading },
    line: item.line,
    pieces,
    ordinal: (index, count) => (count === 1 ? item.number : `${item.number}.${index + 1}`),
  };
}

/** A part without items: each instruction it gives ("Yêu cầu …", "giao …"). */
function instructionSource(part: NoticePart, report: Report): SectionSource {
  const pieces = part.intro.flatMap((paragraph) =>
    sentenceSpans(paragraph.text)
      .filter((sentence) =>
        clauseSpans(paragraph.text, sentence).some((clause) =>
          isInstruction(paragraph.text.slice(clause.start, clause.end)),
        ),
      )
      .flatMap((sentence) => sentencePieces(paragraph, sentence, null, report)),
  );
  return {
    section: { code: part.number, title: part.title },
    line: part.line,
    pieces,
    ordinal: (index) => String(index + 1),
  };
}

/** Whom a part's opening instructs ("…, yêu cầu UBND các xã tiếp tục …"). */
function instructedIn(paragraphs: NoticeParagraph[]): Assignee | null {
  for (const paragraph of paragraphs) {
    for (const sentence of sentenceSpans(paragraph.text)) {
      for (const clause of clauseSpans(paragraph.text, sentence)) {
        const text = paragraph.text.slice(clause.start, clause.end);
        const subject = isInstruction(text) ? subjectOf(text) : null;
        if (subject) return subject.assignee;
      }
    }
  }
  return null;
}

/**
 * An item's assignments: its general text (the item's own assignee, no deadline) as one
 * piece, placed where that text starts, and every other piece apart, in order.
 */
function itemPieces(paragraphs: NoticeParagraph[], fallback: Assignee, report: Report): Piece[] {
  const general: Piece = { assignee: fallback, parts: [] };
  const pieces: Piece[] = [];
  for (const paragraph of paragraphs) {
    for (const sentence of sentenceSpans(paragraph.text)) {
      for (const piece of sentencePieces(paragraph, sentence, fallback, report)) {
        const isGeneral = sameAssignee(piece.assignee, fallback) && deadlinesOf(piece).length === 0;
        if (!isGeneral) pieces.push(piece);
        else {
          if (general.parts.length === 0) pieces.push(general);
          general.parts.push(...piece.parts);
        }
      }
    }
  }
  return pieces;
}

/**
 * A sentence's clauses grouped by assignee (a clause naming none keeps the one before
 * it), then the assignments taken out of its parentheses ("(… như: xã Chi Lăng …; xã
 * Nhân Lý …)"), each on its own.
 */
function sentencePieces(
  paragraph: NoticeParagraph,
  sentence: Span,
  fallback: Assignee | null,
  report: Report,
): Piece[] {
  const runs: Piece[] = [];
  const asides: Piece[] = [];
  let current = fallback;
  for (const clause of clauseSpans(paragraph.text, sentence)) {
    const taken: Span[] = [];
    for (const parenthesis of clause.parentheses) {
      const parts = parenthesisParts(paragraph.text, parenthesis);
      const subjects = parts.map((span) => subjectOf(paragraph.text.slice(span.start, span.end)));
      if (subjects.every((subject) => subject === null)) continue;
      taken.push(parenthesis);
      let inner = current ?? ADDRESSEES;
      parts.forEach((span, index) => {
        inner = subjects[index]?.assignee ?? inner;
        const text = paragraph.text.slice(span.start, span.end);
        asides.push({
          assignee: inner,
          parts: [{ text, paragraph, start: span.start, sentence: null }],
        });
      });
    }
    const text = textWithout(paragraph.text, clause, taken);
    const assignee = subjectOf(text)?.assignee ?? current;
    if (!assignee) {
      report(
        'error',
        lineAt(paragraph, clause.start),
        'NO_ASSIGNEE',
        `Không xác định được cơ quan thực hiện: "${excerpt(text)}".`,
      );
      continue;
    }
    current = assignee;
    const run = runs.at(-1);
    const part = { text, paragraph, start: clause.start, sentence };
    if (run && sameAssignee(run.assignee, assignee)) run.parts.push(part);
    else runs.push({ assignee, parts: [part] });
  }
  return [...runs, ...asides];
}

function sameAssignee(a: Assignee | null, b: Assignee | null): boolean {
  return a !== null && b !== null && keyOf(a) === keyOf(b);
}

function keyOf(assignee: Assignee): string {
  switch (assignee.kind) {
    case 'communes':
      return `communes:${assignee.unit}:${assignee.names.join('|')}`;
    case 'addressees':
      return 'addressees';
    case 'agencies':
      return `agencies:${assignee.phrases[0] ?? ''}`;
  }
}

/** A clause's text without the parentheses whose assignments were taken out. */
function textWithout(text: string, clause: Span, removed: Span[]): string {
  let out = '';
  let at = clause.start;
  for (const span of removed) {
    out += text.slice(at, span.start).replace(/\s+$/u, '');
    at = span.end;
  }
  return (out + text.slice(at, clause.end)).replace(/\s+([.,;:])/gu, '$1').trim();
}

function excerpt(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
