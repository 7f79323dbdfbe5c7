/**
 * Builds, at test time, the Word document a plan appendix's text export came from, with
 * the `docx` package: the preamble paragraphs, then one table whose first row is a header
 * marked to repeat on each page.
 *
 * The export is what Word printed page by page; the document is the table Word held. So
 * each logical row of the export (as the table reader folds it) becomes one `w:tr`: a row
 * the export split across a page break is whole again, and a row whose timeline has
 * several entries (milestones) is one row per entry, its other cells merged vertically.
 * Section rows are a Roman numeral and a title spanning the remaining columns. Cells keep
 * their lines as paragraphs; lines starting with "- " or "+ " are bulleted list items, and
 * the words before a colon are bold, as the province's documents print them.
 */
import { cellText } from '#shared/domain/plan/cell-text.ts';
import { isCompleteTimeline } from '#shared/domain/plan/plan-parser.ts';
import {
  headerRoles,
  readPlanTable,
  type ColumnRole,
  type LogicalRow,
  type TaskRow,
} from '#shared/domain/plan/table-reader.ts';
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';

export interface PlanDocxOptions {
  /**
   * Also repeat the header row as an ordinary row every this many rows, as a document
   * converted from print has it (Word itself repeats a `w:tblHeader` row on screen only).
   */
  headerEvery?: number;
}

/** A .docx holding the same plan appendix as the tab-separated `exportText`. */
export async function planDocxFromExport(
  exportText: string,
  options: PlanDocxOptions = {},
): Promise<Uint8Array> {
  const headerCells = firstHeader(exportText);
  const roles = headerRoles(headerCells) ?? [];
  const table = readPlanTable('fixture', exportText, isCompleteTimeline);
  if (table.errors.length > 0) throw new Error(`not a plan export: ${table.errors[0]?.message}`);

  const header = (repeats: boolean) =>
    new TableRow({
      tableHeader: repeats,
      children: headerCells.map((text) => cell(text, { bold: true })),
    });
  const rows: TableRow[] = [header(true)];
  table.rows.forEach((row, index) => {
    if (options.headerEvery && index > 0 && index % options.headerEvery === 0) {
      rows.push(header(false));
    }
    rows.push(...logicalRow(row, roles));
  });

  const document = new Document({
    sections: [
      {
        children: [
          ...table.preamble.map((line) => new Paragraph({ children: [new TextRun(line.text)] })),
          new Table({ rows, columnWidths: roles.map(() => 1500) }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function firstHeader(exportText: string): string[] {
  for (const line of exportText.split(/\r?\n/)) {
    const cells = line.split('\t').map(cellText);
    if (headerRoles(cells)) return cells;
  }
  throw new Error('the export has no header row');
}

function logicalRow(row: LogicalRow, roles: ColumnRole[]): TableRow[] {
  if (row.kind === 'section') {
    const lead = roles[1] === 'sectionStt' ? [cell(''), cell(row.code, { bold: true })] : [];
    const code = lead.length > 0 ? lead : [cell(row.code, { bold: true })];
    return [
      new TableRow({
        children: [
          ...code,
          cell(row.title, { bold: true, columnSpan: roles.length - code.length }),
        ],
      }),
    ];
  }
  return taskRows(row, roles);
}

const PER_ENTRY: ColumnRole[] = ['timeline', 'result'];

/** A task: one row, or one per timeline entry with the other cells merged vertically. */
function taskRows(row: TaskRow, roles: ColumnRole[]): TableRow[] {
  const merged = row.extraEntries.length > 0;
  const first = new TableRow({
    children: roles.map((role) =>
      cell(role === 'ignored' ? '' : (row.cells[role] ?? ''), {
        bold: role === 'stt',
        ...(merged && !PER_ENTRY.includes(role)
          ? { verticalMerge: VerticalMergeType.RESTART }
          : {}),
      }),
    ),
  });
  const entries = row.extraEntries.map(
    (entry) =>
      new TableRow({
        children: roles.map((role) =>
          role === 'timeline'
            ? cell(entry.timeline)
            : role === 'result'
              ? cell(entry.result)
              : cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
        ),
      }),
  );
  return [first, ...entries];
}

interface CellOptions {
  bold?: boolean;
  columnSpan?: number;
  verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType];
}

function cell(text: string, { bold = false, ...layout }: CellOptions = {}): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({ ...layout, children: lines.map((line) => paragraph(line, bold)) });
}

const LIST_ITEM = /^[-+]\s/;

function paragraph(line: string, bold: boolean): Paragraph {
  const colon = line.indexOf(':');
  const runs =
    bold || colon < 1
      ? [new TextRun({ text: line, bold })]
      : [
          new TextRun({ text: line.slice(0, colon + 1), bold: true }),
          new TextRun({ text: line.slice(colon + 1) }),
        ];
  return new Paragraph({
    children: runs,
    ...(LIST_ITEM.test(line) ? { bullet: { level: 0 } } : {}),
  });
}
