/**
 * Writes a Word body in the form Word's own text export gives a plan appendix, which
 * the plan-table parser reads: a line per paragraph, then a line per table row with its
 * cells joined by tabs, each cell's content as an HTML fragment (`<p>`, `<ul><li>`, `<b>`,
 * `<br>`), text escaped so a literal `<` or `&` stays text.
 *
 * Merged cells come out as the export has them: a cell spanning columns fills the first
 * and leaves the others empty, so every row keeps the table's column count; a cell that
 * continues a vertical merge is empty (its content belongs to the merge's first row).
 */
import {
  MAX_GRID_COLUMNS,
  type Inline,
  type WordBlock,
  type WordParagraph,
  type WordRow,
} from './word-body.ts';

export function exportLines(blocks: WordBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.kind === 'table'
      ? block.rows.map((row) => rowLine(row, block.columns))
      : paragraphLines(block.paragraph),
  );
}

/** A paragraph outside tables: one line per line break, plain text. */
function paragraphLines(paragraph: WordParagraph): string[] {
  const lines: string[] = [''];
  for (const inline of paragraph.inlines) {
    if (inline === 'break') lines.push('');
    else lines[lines.length - 1] += escapeText(inline.text);
  }
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

function rowLine(row: WordRow, columns: number): string {
  const cells: string[] = new Array<string>(row.gridBefore).fill('');
  for (const cell of row.cells) {
    cells.push(cell.continuesMerge ? '' : cellHtml(cell.paragraphs));
    for (let covered = 1; covered < cell.span; covered++) cells.push('');
  }
  for (let after = 0; after < row.gridAfter; after++) cells.push('');
  while (cells.length < Math.min(columns, MAX_GRID_COLUMNS)) cells.push('');
  return cells.join('\t');
}

function cellHtml(paragraphs: WordParagraph[]): string {
  const filled = paragraphs.filter((p) =>
    p.inlines.some((i) => i !== 'break' && i.text.trim() !== ''),
  );
  const [only] = filled;
  if (filled.length === 1 && only && !only.list) return inlineHtml(only.inlines);
  let html = '';
  let inList = false;
  for (const paragraph of filled) {
    if (paragraph.list !== inList) {
      html += paragraph.list ? '<ul>' : '</ul>';
      inList = paragraph.list;
    }
    const inner = inlineHtml(paragraph.inlines);
    html += paragraph.list ? `<li>${inner}</li>` : `<p>${inner}</p>`;
  }
  return inList ? `${html}</ul>` : html;
}

function inlineHtml(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline === 'break') return '<br>';
      const text = escapeText(inline.text);
      return inline.bold ? `<b>${text}</b>` : text;
    })
    .join('');
}

/** Markup characters as entities; tabs and line ends would break the line format. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\t\r\n]/g, ' ');
}
