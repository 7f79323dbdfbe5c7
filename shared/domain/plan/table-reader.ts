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
 */
import { cellText } from './cell-text.ts';
import type { ImportWarning } from './model.ts';

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

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim();
}

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
  if (/\S-$/.test(before)) return before + after;
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
  const warn = (line: number, code: string, message: string) =>
    table.warnings.push({ file, line, code, message });

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const cells = rawLine.split('\t').map(cellText);
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
    warn(line, 'UNRECOGNISED_ROW', `row not understood: "${cells.join(' | ').slice(0, 120)}"`);
  });

  if (!state.tableRoles) {
    table.errors.push({
      file,
      line: 0,
      code: 'NOT_A_PLAN_TABLE',
      message: 'no table header found (a tab-separated row starting with "STT")',
    });
  } else if (!state.tableRoles.includes('task') || !state.tableRoles.includes('lead')) {
    table.errors.push({
      file,
      line: 0,
      code: 'NOT_A_PLAN_TABLE',
      message: 'the table header names no task column or no lead-agency column',
    });
  }
  return table;
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
    nextTimeline !== '' && isCompleteTimeline(previousTimeline) && isCompleteTimeline(nextTimeline);

  for (const [role, value] of Object.entries(more) as [ColumnRole, string][]) {
    if (value === '' || role === 'stt' || role === 'sectionStt') continue;
    if (startsNewEntry && (role === 'timeline' || role === 'result')) continue;
    const lastEntry = row.extraEntries.at(-1);
    if (lastEntry && role === 'result') {
      lastEntry.result = joinContinued(lastEntry.result, value);
    } else {
      row.cells[role] = joinContinued(row.cells[role] ?? '', value);
    }
  }
  if (startsNewEntry) {
    row.extraEntries.push({ line, timeline: nextTimeline, result: more.result ?? '' });
  }
}
