/**
 * Snapshots as a CSV file the provincial office opens in Excel with its Vietnamese intact,
 * rendering the tables of snapshot-tables.ts.
 *
 * - UTF-8 with a byte-order mark (without it Excel reads the bytes as the ANSI code page
 *   and "Sở" turns into mojibake), CRLF line ends, RFC 4180 fields: a field holding a
 *   comma, a double quote, CR or LF is quoted and its quotes doubled.
 * - Layout: one section per table, each a title row, a header row and its rows, sections
 *   apart by an empty row. Sections read better in a spreadsheet than one sparse flat
 *   table; every row is padded to the widest table's width, so each record still has the
 *   same number of fields, as RFC 4180 asks.
 * - Numbers are written in the invariant form (`89.3`), exactly as in JSON; a Vietnamese
 *   Excel reads them as text, which is what `format=xlsx` is for. Days are written
 *   `30/09/2026` and instants `20/09/2026 09:00`, on the province's clock.
 * - A text cell starting with =, +, -, @, tab or CR gets a leading apostrophe, or Excel
 *   would run it as a formula (plan rows often begin with "- ").
 */
import { formatVnDate } from '../risk/vn-format.ts';
import type { RollupDocumentInput } from './document-input.ts';
import { snapshotTables, type Cell } from './snapshot-tables.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function toCsv(input: RollupDocumentInput): string {
  const tables = snapshotTables(input);
  const width = Math.max(...tables.map((table) => table.headers.length));
  const lines: string[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) lines.push([]);
    lines.push([field(table.title)], table.headers.map(field), ...table.rows.map(fieldsOf));
  });
  return BOM + lines.map((line) => pad(line, width).join(',') + CRLF).join('');
}

function pad(line: string[], width: number): string[] {
  return [...line, ...Array<string>(width - line.length).fill('')];
}

function fieldsOf(row: Cell[]): string[] {
  return row.map((cell) => field(cellText(cell)));
}

/** What a cell reads as in the file. */
function cellText(cell: Cell): string | number | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
    case 'percent':
      return cell.value;
    case 'date':
      return formatVnDate(cell.value);
    case 'dateTime':
      return `${formatVnDate(cell.value.date)} ${cell.value.time}`;
  }
}

/** One field, RFC 4180-quoted when it must be. */
export function field(cell: string | number | boolean | null): string {
  if (cell === null) return '';
  let text = typeof cell === 'string' ? cell : String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
