/**
 * Reads the body of a WordprocessingML document (`word/document.xml`) into its
 * paragraphs and tables, in document order.
 *
 * htmlparser2 in XML mode is a streaming (SAX) parser: one pass, linear in the input,
 * no tree kept, and it never expands entities a DTD declares (no "billion laughs");
 * a character reference outside Unicode decodes to U+FFFD. Only what a plan table needs
 * is kept: text, bold, list paragraphs, line breaks, and the table structure (grid,
 * merged cells, repeated header rows). Text in drawings and text boxes is not read.
 */
import { Parser } from 'htmlparser2';

export type Inline = { text: string; bold: boolean } | 'break';

export interface WordParagraph {
  inlines: Inline[];
  /** A numbered or bulleted paragraph (`w:numPr`). */
  list: boolean;
}

export interface WordCell {
  paragraphs: WordParagraph[];
  /** Grid columns the cell covers (`w:gridSpan`). */
  span: number;
  /** The cell continues a merge (`w:vMerge` without "restart"): its content is the first row's. */
  continuesMerge: boolean;
}

export interface WordRow {
  cells: WordCell[];
  /** Repeated at the top of each page (`w:tblHeader`). */
  header: boolean;
  /** Empty grid columns before and after the cells (`w:gridBefore`, `w:gridAfter`). */
  gridBefore: number;
  gridAfter: number;
}

export interface WordTable {
  kind: 'table';
  /** Columns of the table grid (`w:tblGrid`). */
  columns: number;
  rows: WordRow[];
}

export type WordBlock = { kind: 'paragraph'; paragraph: WordParagraph } | WordTable;

export interface WordBody {
  blocks: WordBlock[];
  /** False when the XML ended inside the document (truncated) or is not a Word document. */
  complete: boolean;
}

/** More grid columns than any plan table has; a hostile span or grid stops here. */
export const MAX_GRID_COLUMNS = 64;

const WORDPROCESSING_ML = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Subtrees whose text is not the document's own reading text. */
const SKIPPED = new Set(['drawing', 'pict', 'object', 'moveFrom', 'mc:Fallback']);

export async function readWordBody(chunks: AsyncIterable<string>): Promise<WordBody> {
  const reader = new BodyReader();
  const parser = new Parser(reader.handler(), { xmlMode: true });
  for await (const chunk of chunks) parser.write(chunk);
  // Read before end(): end() closes whatever is still open, as if the document were whole.
  const complete = reader.isComplete();
  parser.end();
  return { blocks: reader.blocks, complete };
}

interface Names {
  /** The prefix of the WordprocessingML namespace ('' when it is the default namespace). */
  w: string;
  mc: string | null;
}

class BodyReader {
  readonly blocks: WordBlock[] = [];
  private names: Names | null = null;
  private rootClosed = false;
  /** Local names of the open elements (`null` for other namespaces). */
  private readonly stack: (string | null)[] = [];
  private skipDepth = 0;
  private tableDepth = 0;
  private table: WordTable | null = null;
  private row: WordRow | null = null;
  private cell: WordCell | null = null;
  private paragraph: WordParagraph | null = null;
  private paragraphDepth = 0;
  private bold = false;

  handler() {
    return {
      onopentag: (name: string, attributes: Record<string, string>) => this.open(name, attributes),
      onclosetag: () => this.close(),
      ontext: (text: string) => this.text(text),
    };
  }

  isComplete(): boolean {
    return this.rootClosed;
  }

  private open(name: string, attributes: Record<string, string>): void {
    this.names ??= namesOf(attributes);
    const local = this.localName(name);
    this.stack.push(local);
    if (this.skipDepth > 0 || SKIPPED.has(local ?? this.qualifiedMc(name))) {
      this.skipDepth++;
      return;
    }
    if (local !== null) this.openWord(local, (key) => attributes[this.attributeName(key)]);
  }

  private close(): void {
    const local = this.stack.pop() ?? null;
    if (this.stack.length === 0) this.rootClosed = local === 'document';
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (local !== null) this.closeWord(local);
  }

  private text(text: string): void {
    if (this.skipDepth > 0 || this.stack.at(-1) !== 't') return;
    this.append(text);
  }

  private openWord(local: string, attribute: (key: string) => string | undefined): void {
    const parent = this.stack.at(-2);
    const topTable = this.tableDepth === 1;
    switch (local) {
      case 'p':
        if (this.paragraphDepth++ === 0) this.paragraph = { inlines: [], list: false };
        break;
      case 'numPr':
        if (parent === 'pPr' && this.paragraph) this.paragraph.list = true;
        break;
      case 'numId':
        // numId 0 removes the numbering a style would give.
        if (parent === 'numPr' && this.paragraph && attribute('val') === '0') {
          this.paragraph.list = false;
        }
        break;
      case 'r':
        this.bold = false;
        break;
      case 'b':
        if (parent === 'rPr' && this.stack.at(-3) === 'r') this.bold = isOn(attribute('val'));
        break;
      case 'tab':
        if (parent === 'r') this.append(' ');
        break;
      case 'br': {
        const type = attribute('type');
        if (parent === 'r') this.append(type === 'page' || type === 'column' ? ' ' : 'break');
        break;
      }
      case 'cr':
        if (parent === 'r') this.append('break');
        break;
      case 'noBreakHyphen':
        if (parent === 'r') this.append('-');
        break;
      case 'tbl':
        if (++this.tableDepth === 1) this.table = { kind: 'table', columns: 0, rows: [] };
        break;
      case 'gridCol':
        if (topTable && parent === 'tblGrid' && this.table) this.table.columns++;
        break;
      case 'tr':
        if (topTable) this.row = { cells: [], header: false, gridBefore: 0, gridAfter: 0 };
        break;
      case 'tblHeader':
        if (topTable && parent === 'trPr' && this.row) this.row.header = isOn(attribute('val'));
        break;
      case 'gridBefore':
      case 'gridAfter':
        if (topTable && parent === 'trPr' && this.row) this.row[local] = count(attribute('val'), 0);
        break;
      case 'tc':
        if (topTable) this.cell = { paragraphs: [], span: 1, continuesMerge: false };
        break;
      case 'gridSpan':
        if (topTable && parent === 'tcPr' && this.cell) this.cell.span = count(attribute('val'), 1);
        break;
      case 'vMerge':
      case 'hMerge':
        if (topTable && parent === 'tcPr' && this.cell) {
          this.cell.continuesMerge ||= attribute('val') !== 'restart';
        }
        break;
    }
  }

  private closeWord(local: string): void {
    const topTable = this.tableDepth === 1;
    switch (local) {
      case 'p':
        if (--this.paragraphDepth === 0 && this.paragraph) {
          if (this.cell) this.cell.paragraphs.push(this.paragraph);
          else if (this.tableDepth === 0) {
            this.blocks.push({ kind: 'paragraph', paragraph: this.paragraph });
          }
          this.paragraph = null;
        }
        break;
      case 'r':
        this.bold = false;
        break;
      case 'tc':
        if (topTable && this.row && this.cell) this.row.cells.push(this.cell);
        if (topTable) this.cell = null;
        break;
      case 'tr':
        if (topTable && this.table && this.row) this.table.rows.push(this.row);
        if (topTable) this.row = null;
        break;
      case 'tbl':
        if (this.tableDepth-- === 1 && this.table) {
          this.blocks.push(this.table);
          this.table = null;
        }
        break;
    }
  }

  private append(piece: string): void {
    if (!this.paragraph) return;
    const inlines = this.paragraph.inlines;
    if (piece === 'break') {
      inlines.push('break');
      return;
    }
    const last = inlines.at(-1);
    if (last !== undefined && last !== 'break' && last.bold === this.bold) last.text += piece;
    else inlines.push({ text: piece, bold: this.bold });
  }

  private localName(name: string): string | null {
    const w = this.names?.w ?? 'w';
    if (w === '') return name.includes(':') ? null : name;
    return name.startsWith(`${w}:`) ? name.slice(w.length + 1) : null;
  }

  /** `mc:Fallback` under whatever prefix the document gave the namespace. */
  private qualifiedMc(name: string): string {
    const mc = this.names?.mc;
    return mc && name.startsWith(`${mc}:`) ? `mc:${name.slice(mc.length + 1)}` : name;
  }

  private attributeName(key: string): string {
    const w = this.names?.w ?? 'w';
    return w === '' ? key : `${w}:${key}`;
  }
}

/** The prefixes the root element binds; Word always declares them there. */
function namesOf(rootAttributes: Record<string, string>): Names {
  let w = 'w';
  let mc: string | null = null;
  for (const [attribute, value] of Object.entries(rootAttributes)) {
    const prefix =
      attribute === 'xmlns' ? '' : attribute.startsWith('xmlns:') ? attribute.slice(6) : null;
    if (prefix === null) continue;
    if (WORDPROCESSING_ML.has(value)) w = prefix;
    if (value === MARKUP_COMPATIBILITY) mc = prefix;
  }
  return { w, mc };
}

/** An OOXML on/off value: absent means on. */
function isOn(value: string | undefined): boolean {
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** A count of grid columns, at least `least` and at most MAX_GRID_COLUMNS. */
function count(value: string | undefined, least: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, least), MAX_GRID_COLUMNS) : least;
}
