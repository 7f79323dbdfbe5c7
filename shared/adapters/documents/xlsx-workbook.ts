/**
 * Snapshots as an Excel workbook: one sheet per table of snapshot-tables.ts, with typed
 * cells, so that a Vietnamese Excel, which reads "57.99" in a CSV as text and "1.005" as
 * one thousand and five, gets numbers it can sum.
 *
 * write-excel-file (about 75 KiB bundled, on fflate) rather than exceljs (about 1 MiB):
 * the workbook needs typed cells, number formats, frozen rows and widths, nothing more.
 * - Numbers stay numbers ("#,##0.##": Excel shows them with the reader's own separators).
 * - Percentages are percentage points with two decimals ("0.00"), as the header's "(%)"
 *   says, so each cell holds the very number the JSON snapshot holds.
 * - Days and instants are Excel dates on the province's clock, shown dd/mm/yyyy.
 * - The header row is bold, wrapped and frozen; each column is as wide as its longest
 *   value or header word, within bounds, and long text wraps.
 */
import writeXlsxFile, { type Cell as XlsxCell, type Row } from 'write-excel-file/node';
import { parseIsoDate, type IsoDate } from '#shared/domain/calendar.ts';
import { formatVnDate } from '#shared/domain/risk/vn-format.ts';
import type { RollupDocumentInput } from '#shared/domain/rollup/document-input.ts';
import {
  snapshotTables,
  type Cell,
  type DataTable,
} from '#shared/domain/rollup/snapshot-tables.ts';

const NUMBER_FORMAT = '#,##0.##';
const PERCENT_FORMAT = '0.00';
const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export async function toXlsx(input: RollupDocumentInput): Promise<Buffer> {
  const tables = snapshotTables(input);
  return writeXlsxFile(
    tables.map((table) => ({
      sheet: table.title,
      data: sheetData(table),
      columns: columnWidths(table).map((width) => ({ width })),
      stickyRowsCount: 1,
    })),
    { fontFamily: 'Times New Roman', fontSize: 12 },
  ).toBuffer();
}

function sheetData(table: DataTable): Row[] {
  const header: Row = table.headers.map((value) => ({
    value,
    fontWeight: 'bold',
    wrap: true,
    alignVertical: 'center',
  }));
  return [header, ...table.rows.map((row) => row.map(xlsxCell))];
}

/** A day on the province's calendar as the Date whose UTC fields are that day and time. */
function excelDate(day: IsoDate, time = '00:00'): Date {
  const parts = parseIsoDate(day);
  if (!parts) throw new RangeError(`${JSON.stringify(day)} is not an ISO date`);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, hour, minute));
}

function xlsxCell(cell: Cell): XlsxCell {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return { value: cell.value, type: String, wrap: cell.value.length > MAX_WIDTH };
    case 'number':
      return { value: cell.value, type: Number, format: NUMBER_FORMAT };
    case 'percent':
      return { value: cell.value, type: Number, format: PERCENT_FORMAT };
    case 'date':
      return { value: excelDate(cell.value), type: Date, format: DATE_FORMAT };
    case 'dateTime':
      return {
        value: excelDate(cell.value.date, cell.value.time),
        type: Date,
        format: DATE_TIME_FORMAT,
      };
  }
}

/** What a cell shows, for sizing its column. */
function shownLength(cell: Cell): number {
  if (cell === null) return 0;
  switch (cell.kind) {
    case 'text':
      return cell.value.length;
    case 'number':
    case 'percent':
      return String(cell.value).length + 2;
    case 'date':
      return formatVnDate(cell.value).length;
    case 'dateTime':
      return formatVnDate(cell.value.date).length + 6;
  }
}

function columnWidths(table: DataTable): number[] {
  return table.headers.map((header, index) => {
    const longestWord = Math.max(...header.split(' ').map((word) => word.length));
    const longestValue = Math.max(0, ...table.rows.map((row) => shownLength(row[index] ?? null)));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longestWord + 2, longestValue + 2));
  });
}
