/**
 * Snapshots as a CSV file the provincial office opens in Excel with its Vietnamese intact.
 *
 * - UTF-8 with a byte-order mark (without it Excel reads the bytes as the ANSI code page
 *   and "Sở" turns into mojibake), CRLF line ends, RFC 4180 fields: a field holding a
 *   comma, a double quote, CR or LF is quoted and its quotes doubled.
 * - Layout: one section per table, in this order — summary counts (Tổng hợp), reporting
 *   per agency (Tình hình báo cáo), targets (Chỉ tiêu), tasks at risk (Nhiệm vụ có nguy
 *   cơ, one row per reason) — each a title row, a header row and its rows, sections apart
 *   by an empty row. Sections read better in a spreadsheet than one sparse flat table;
 *   every row is padded to the widest table's width, so each record still has the same
 *   number of fields, as RFC 4180 asks. Each table carries quarter and sector columns, so
 *   several snapshots share one file (ordered by quarter, sector, cut-off).
 * - Numbers are written in the invariant form (`89.3`), exactly as in JSON; the
 *   Vietnamese wording ("đạt 89,30% kế hoạch") sits in its own text columns.
 * - A text cell starting with =, +, -, @, tab or CR gets a leading apostrophe, or Excel
 *   would run it as a formula (plan rows often begin with "- ").
 */
import { SECTORS } from '../plan/model.ts';
import { compareText } from '../risk/order.ts';
import type { SectorSnapshot } from './snapshot-schema.ts';

type Cell = string | number | boolean | null;

interface Table {
  title: string;
  header: string[];
  rows: Cell[][];
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function toCsv(snapshots: readonly SectorSnapshot[]): string {
  const ordered = [...snapshots].sort(
    (a, b) =>
      compareText(a.quarter, b.quarter) ||
      SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
      compareText(a.cutoff, b.cutoff),
  );
  const tables = [summary(ordered), reporting(ordered), targets(ordered), atRisk(ordered)];
  const width = Math.max(...tables.map((table) => table.header.length));
  const lines: Cell[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) lines.push([]);
    lines.push([table.title], table.header, ...table.rows);
  });
  return BOM + lines.map((line) => pad(line, width).map(field).join(',') + CRLF).join('');
}

function pad(line: Cell[], width: number): Cell[] {
  return [...line, ...Array<Cell>(width - line.length).fill(null)];
}

/** One field, RFC 4180-quoted when it must be. */
export function field(cell: Cell): string {
  if (cell === null) return '';
  let text = typeof cell === 'string' ? cell : String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const key = (s: SectorSnapshot): Cell[] => [s.quarter, s.sector];

function summary(snapshots: readonly SectorSnapshot[]): Table {
  return {
    title: 'Tổng hợp',
    header: [
      'Quý',
      'Lĩnh vực',
      'Cách chốt số liệu',
      'Từ ngày',
      'Đến ngày',
      'Trạng thái',
      'Số nhiệm vụ',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn chưa hoàn thành',
      'Chưa triển khai',
      'Chưa báo cáo',
      'Đã hủy',
      'Tiến độ bình quân (%)',
      'Số báo cáo',
      'Tính lúc',
    ],
    rows: snapshots.map((s) => [
      ...key(s),
      s.cutoff,
      s.window.start,
      s.window.end,
      s.status,
      s.basis.tasks,
      s.counts.completedOnTime,
      s.counts.completedLate,
      s.counts.inProgressWithinDeadline,
      s.counts.overdueNotCompleted,
      s.counts.notStarted,
      s.counts.noReport,
      s.counts.cancelled,
      s.averagePercentComplete,
      s.basis.reports,
      s.computedAt,
    ]),
  };
}

function reporting(snapshots: readonly SectorSnapshot[]): Table {
  return {
    title: 'Tình hình báo cáo',
    header: [
      'Quý',
      'Lĩnh vực',
      'Mã cơ quan',
      'Cơ quan',
      'Số báo cáo phải nộp',
      'Đã nộp',
      'Nộp đúng hạn',
      'Tỷ lệ đầy đủ (%)',
      'Tỷ lệ đúng hạn (%)',
    ],
    rows: snapshots.flatMap((s) =>
      s.reporting.map((r) => [
        ...key(s),
        r.agencyId,
        r.agencyName,
        r.expected,
        r.received,
        r.receivedOnTime,
        r.completeness,
        r.timeliness,
      ]),
    ),
  };
}

function targets(snapshots: readonly SectorSnapshot[]): Table {
  return {
    title: 'Chỉ tiêu',
    header: [
      'Quý',
      'Lĩnh vực',
      'Nhiệm vụ',
      'Mã chỉ tiêu',
      'Chỉ tiêu',
      'Đơn vị',
      'So sánh',
      'Kế hoạch',
      'Thực hiện',
      'Đạt (% kế hoạch)',
      'Đánh giá',
      'Cùng kỳ năm trước',
      'So cùng kỳ (%)',
      'Đánh giá cùng kỳ',
    ],
    rows: snapshots.flatMap((s) =>
      s.targets.map((t) => [
        ...key(s),
        t.taskId,
        t.key,
        t.label,
        t.unit,
        t.comparator,
        t.plan,
        t.actual,
        t.attainment,
        t.attainmentText,
        t.lastYearActual,
        t.sameQuarterLastYear,
        t.sameQuarterLastYearText,
      ]),
    ),
  };
}

function atRisk(snapshots: readonly SectorSnapshot[]): Table {
  return {
    title: 'Nhiệm vụ có nguy cơ',
    header: [
      'Quý',
      'Lĩnh vực',
      'Nhiệm vụ',
      'Tên nhiệm vụ',
      'Mục',
      'Cơ quan chủ trì',
      'Mã lý do',
      'Lý do',
    ],
    rows: snapshots.flatMap((s) =>
      s.atRisk.flatMap((task) =>
        task.reasons.map((reason) => [
          ...key(s),
          task.taskId,
          task.title,
          task.section,
          task.leadAgencyIds.join('; '),
          reason.code,
          reason.message,
        ]),
      ),
    ),
  };
}
