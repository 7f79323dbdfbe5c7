/**
 * Reads a plan appendix exported from Word (tab-separated lines with HTML fragments)
 * into logical rows: one per task, page-break continuations folded back into the row
 * they continue, repeated page headers dropped, section rows recognised.
 *
 * Word's export is irregular in known ways, each handled here:
 * - the header row repeats at every page break, plain or bold, and on some pages it has
 *   one column fewer (KH267's unnamed "section STT" column is missing), which shifts the
 *   cells of a continuation row on that page one column to the left;
 * - a row split by a page break continues on a row whose STT is empty;
 * - a section row is either `I` + title in two cells or `IV Title` in one cell;
 * - some KH267 rows carry the section STT inside the task cell (`1 Xây dựng Đề án…`).
 *
 * Every cell is held to MAX_CELL_CHARS, as printed and once joined across page breaks.
 */
import { cellText } from './cell-text.ts';
import { foldText } from './fold.ts';
import { issue } from './import-issues.ts';
import { MAX_CELL_CHARS } from './limits.ts';
import type { ImportWarning } from './model.ts';
import { formatVnNumber } from './vn-number.ts';

export type ColumnRole =
  | 'stt'
  | 'sectionStt'
  | 'task'
  | 'lead'
  | 'coordinating'
  | 'timeline'
  | 'result'
  | 'note'
  | 'ignored';

/** The text of one row's cells by role, after continuations are folded in. */
export type RowCells = Partial<Record<ColumnRole, string>>;

export interface TaskRow {
  kind: 'task';
  line: number;
  stt: string;
  cells: RowCells;
  /** A continuation that started a new timeline entry: a milestone of the same task. */
  extraEntries: { line: number; timeline: string; result: string }[];
}

export interface SectionRow {
  kind: 'section';
  line: number;
  code: string;
  title: string;
}

export type LogicalRow = TaskRow | SectionRow;

export interface PlanTable {
  /** Lines before the first header: the appendix title and the plan it belongs to. */
  preamble: { line: number; text: string }[];
  rows: LogicalRow[];
  warnings: ImportWarning[];
  /** Problems that make the file unusable as a plan table. */
  errors: ImportWarning[];
}

/** Decides whether a continuation's timeline starts a new entry rather than finishing a word. */
export type IsCompleteTimeline = (text: string) => boolean;

const HEADER_ROLES: [RegExp, ColumnRole][] = [
  [/^stt$/, 'stt'],
  [/^(nhiem vu|giai phap)/, 'task'],
  [/chu tri/, 'lead'],
  [/phoi hop/, 'coordinating'],
  [/^thoi gian/, 'timeline'],
  [/^ket qua/, 'result'],
  [/^ghi chu/, 'note'],
];

const STT = /^\d+(?:\.\d+)*$/;
const ROMAN = /^[IVXLC]+$/;
const ROMAN_WITH_TITLE = /^([IVXLC]+)\s+(\p{Lu}.*)$/u;
const STT_INSIDE_TASK = /^(\d+)\s+(\S.*)$/s;

const fold = (text: string) => foldText(text).trim();

/** The role of each column of a header row, or null if the row is not a header. */
export function headerRoles(cells: string[]): ColumnRole[] | null {
  if (fold(cells[0] ?? '') !== 'stt') return null;
  return cells.map((cell, index) => {
    const name = fold(cell);
    if (index > 0 && name === '') return index === 1 ? 'sectionStt' : 'ignored';
    return HEADER_ROLES.find(([pattern]) => pattern.test(name))?.[1] ?? 'ignored';
  });
}

function sectionOf(cells: string[]): { code: string; title: string } | null {
  if (cells[0] === undefined || STT.test(cells[0])) return null;
  const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
  const [first, second] = filled;
  if (!first || filled.length > 2) return null;
  if (ROMAN.test(first[0]) && second && second[1] === first[1] + 1) {
    return { code: first[0], title: second[0] };
  }
  const inline = filled.length === 1 ? ROMAN_WITH_TITLE.exec(first[0]) : null;
  return inline ? { code: inline[1] ?? '', title: inline[2] ?? '' } : null;
}

/** Joins the two halves of a cell split by a page break. */
export function joinContinued(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  if (/^[-+•]\s/.test(after)) return `${before}\n${after}`;
  // "234/QĐ-" + "UBND": a word hyphenated at the break; "Năm 2027 -" + "2028" keeps its space.
  // Only the last two characters are looked at: a regex ending in `$` would scan the whole
  // cell at every join, and a row continued many times would be quadratic.
  if (before.endsWith('-') && /\S/.test(before.at(-2) ?? ' ')) return before + after;
  return `${before} ${after}`;
}

function toRoleCells(roles: ColumnRole[], cells: string[]): RowCells {
  const out: RowCells = {};
  roles.forEach((role, index) => {
    if (role !== 'ignored') out[role] = cells[index] ?? '';
  });
  return out;
}

interface ReaderState {
  tableRoles: ColumnRole[] | null;
  pageRoles: ColumnRole[] | null;
  current: TaskRow | null;
}

export function readPlanTable(
  file: string,
  text: string,
  isCompleteTimeline: IsCompleteTimeline,
): PlanTable {
  const table: PlanTable = { preamble: [], rows: [], warnings: [], errors: [] };
  const state: ReaderState = { tableRoles: null, pageRoles: null, current: null };
  const tooLong = (line: number, column: Column, length: number) =>
    table.errors.push(
      issue(
        file,
        line,
        'CELL_TOO_LONG',
        `Ô ${column.label} dài ${formatVnNumber(length)} ký tự, vượt giới hạn ${formatVnNumber(MAX_CELL_CHARS)} ký tự`,
        { field: column.field },
      ),
    );

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const cells = rawLine.split('\t').map((raw, column) => {
      if (raw.length <= MAX_CELL_CHARS) return cellText(raw);
      tooLong(line, columnOf(state.pageRoles?.[column], column), raw.length);
      return '';
    });
    if (cells.every((c) => c === '')) return;

    const roles = headerRoles(cells);
    if (roles) {
      state.tableRoles ??= roles;
      state.pageRoles = roles;
      return;
    }
    if (!state.tableRoles) {
      table.preamble.push({ line, text: cells.join(' ').replace(/\*\*/g, '').trim() });
      return;
    }

    const section = sectionOf(cells);
    if (section) {
      table.rows.push({ kind: 'section', line, ...section });
      state.current = null;
      return;
    }

    const stt = cells[0] ?? '';
    if (STT.test(stt)) {
      state.current = {
        kind: 'task',
        line,
        stt,
        cells: dataRowCells(state.tableRoles, cells),
        extraEntries: [],
      };
      table.rows.push(state.current);
      return;
    }

    if (stt === '' && state.current && state.pageRoles) {
      continueRow(state.current, toRoleCells(state.pageRoles, cells), line, isCompleteTimeline);
      return;
    }
    table.warnings.push(
      issue(
        file,
        line,
        'UNRECOGNISED_ROW',
        `Không hiểu dòng này (không có STT, không phải tên mục): "${cells.join(' | ').slice(0, 120)}"`,
      ),
    );
  });

  if (!state.tableRoles) {
    table.errors.push(
      issue(
        file,
        0,
        'NOT_A_PLAN_TABLE',
        'Không tìm thấy dòng tiêu đề của bảng (các cột cách nhau bằng tab, bắt đầu bằng "STT")',
      ),
    );
  } else if (!state.tableRoles.includes('task') || !state.tableRoles.includes('lead')) {
    table.errors.push(
      issue(
        file,
        0,
        'NOT_A_PLAN_TABLE',
        'Dòng tiêu đề của bảng không có cột nhiệm vụ hoặc cột cơ quan chủ trì',
      ),
    );
  }
  // Each printed cell was checked as it was read; a cell joined across page breaks is
  // checked once whole.
  for (const row of table.rows) {
    if (row.kind !== 'task') continue;
    const joined: [ColumnRole, string][] = [
      ...(Object.entries(row.cells) as [ColumnRole, string][]),
      ...row.extraEntries.flatMap((entry): [ColumnRole, string][] => [
        ['timeline', entry.timeline],
        ['result', entry.result],
      ]),
    ];
    for (const [role, value] of joined) {
      if (value.length > MAX_CELL_CHARS) tooLong(row.line, columnOf(role), value.length);
    }
  }
  return table;
}

interface Column {
  /** Machine name: the role once the header is known, else `column-<n>`. */
  field: string;
  /** How the Vietnamese message names it. */
  label: string;
}

const ROLE_LABELS: Record<Exclude<ColumnRole, 'ignored'>, string> = {
  stt: 'STT',
  sectionStt: 'STT trong mục',
  task: 'nhiệm vụ',
  lead: 'cơ quan chủ trì',
  coordinating: 'cơ quan phối hợp',
  timeline: 'thời gian',
  result: 'kết quả',
  note: 'ghi chú',
};

function columnOf(role: ColumnRole | undefined, index?: number): Column {
  if (role !== undefined && role !== 'ignored') {
    return { field: role, label: `"${ROLE_LABELS[role]}"` };
  }
  const number = (index ?? 0) + 1;
  return { field: `column-${number}`, label: `ở cột ${number}` };
}

/**
 * A data row always has the table's full layout, except that KH267 sometimes prints the
 * section STT inside the task cell; its cells then sit one column to the left.
 */
function dataRowCells(roles: ColumnRole[], cells: string[]): RowCells {
  const sectionIndex = roles.indexOf('sectionStt');
  if (sectionIndex < 0) return toRoleCells(roles, cells);
  const candidate = cells[sectionIndex] ?? '';
  if (STT.test(candidate) || candidate === '') return toRoleCells(roles, cells);
  const inline = STT_INSIDE_TASK.exec(candidate);
  const shifted = inline
    ? [
        ...cells.slice(0, sectionIndex),
        inline[1] ?? '',
        inline[2] ?? '',
        ...cells.slice(sectionIndex + 1),
      ]
    : [...cells.slice(0, sectionIndex), '', ...cells.slice(sectionIndex)];
  return toRoleCells(roles, shifted);
}

function continueRow(
  row: TaskRow,
  more: RowCells,
  line: number,
  isCompleteTimeline: IsCompleteTimeline,
): void {
  const previousTimeline = row.extraEntries.at(-1)?.timeline ?? row.cells.timeline ?? '';
  const nextTimeline = more.timeline ?? '';
  const startsNewEntry =
    nextTimeline !== '' &&
    isCompleteTimeline(nextTimeline) &&
    previousTimeline.length <= MAX_CELL_CHARS &&
    isCompleteTimeline(previousTimeline);

  for (const [role, value] of Object.entries(more) as [ColumnRole, string][]) {
    if (value === '' || role === 'stt' || role === 'sectionStt') continue;
    if (startsNewEntry && (role === 'timeline' || role === 'result')) continue;
    const lastEntry = row.extraEntries.at(-1);
    if (lastEntry && role === 'result') {
      lastEntry.result = joinWithin(lastEntry.result, value);
    } else {
      row.cells[role] = joinWithin(row.cells[role] ?? '', value);
    }
  }
  if (startsNewEntry) {
    row.extraEntries.push({ line, timeline: nextTimeline, result: more.result ?? '' });
  }
}

/**
 * A cell already over the limit is refused at the end (CELL_TOO_LONG) and grows no more,
 * so that neither joining nor re-reading its timeline at each of thousands of
 * continuation rows costs more than the limit.
 */
function joinWithin(before: string, after: string): string {
  return before.length > MAX_CELL_CHARS ? before : joinContinued(before, after);
}
