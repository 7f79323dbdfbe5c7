/**
 * Turns one plan appendix into the plan, its tasks, the agencies they name and the names
 * no known agency answers to. The plan is what the document says (its preamble: number,
 * issuing date and body, title, period; its section titles: sectors), with the request's
 * overrides taken over it; nothing about a plan is compiled in.
 *
 * Everything that would make the plan wrong (a table too large, a cell too long, no
 * table, no plan reference, a period or section it cannot read, a repeated STT, a date
 * that does not exist) is an error. Errors are collected over the whole file, so that an
 * officer corrects everything in one round, and then nothing is returned at all: a
 * caller can never write half a plan. What is merely imperfect is a warning.
 */
import { Buffer } from 'node:buffer';
import type { AgencyRegistry } from './agency-registry.ts';
import { issue, PlanTableError } from './import-issues.ts';
import { MAX_SOURCE_BYTES, MAX_TABLE_LINES, MAX_TABLE_TARGETS } from './limits.ts';
import type {
  Agency,
  AgencyRef,
  ImportWarning,
  Milestone,
  PlanDocument,
  PlanOverrides,
  Schedule,
  Task,
  UnresolvedName,
} from './model.ts';
import { readPlanHeader } from './plan-header.ts';
import { readPreamble } from './plan-preamble.ts';
import { parseSchedule, type ScheduleContext } from './schedule.ts';
import { placeSections } from './section-sectors.ts';
import { readPlanTable, type SectionRow, type TaskRow } from './table-reader.ts';
import { extractTargets } from './targets.ts';
import { UnresolvedNames } from './unresolved-names.ts';
import { formatVnNumber } from './vn-number.ts';

export type { PlanOverrides } from './model.ts';
export { PlanTableError } from './import-issues.ts';

export interface PlanSource {
  /** The name reported in `source.file` and in issues. */
  file: string;
  text: string;
}

export interface PlanParserDeps {
  registry: AgencyRegistry;
  overrides?: PlanOverrides;
}

export interface ParsedPlan {
  plan: PlanDocument;
  tasks: Task[];
  /** The known agencies the tasks name. */
  agencies: Agency[];
  /** Names in agency cells that no known agency answers to, once each. */
  unresolved: UnresolvedName[];
  warnings: ImportWarning[];
}

/**
 * Whether a continuation's timeline is a timeline on its own does not depend on the
 * plan, so it is read in a neutral leap year (where "29/2" is a date).
 */
const NEUTRAL_CONTEXT: ScheduleContext = {
  planYear: 2000,
  period: { start: '2000-01-01', end: '2000-12-31' },
};

/** Whether a continuation's timeline starts an entry of its own (the table reader asks). */
export const isCompleteTimeline = (text: string) => {
  const { schedule, problems } = parseSchedule(text, NEUTRAL_CONTEXT);
  return problems.length === 0 && schedule.kind !== 'unspecified';
};

export function parsePlanTable(source: PlanSource, deps: PlanParserDeps): ParsedPlan {
  const { file, text } = source;
  const tooLarge = sizeIssue(file, text);
  if (tooLarge) throw new PlanTableError([tooLarge]);
  const table = readPlanTable(file, text, isCompleteTimeline);
  if (table.errors.length > 0) throw new PlanTableError(table.errors);

  const overrides = deps.overrides ?? {};
  const read = readPlanHeader(file, readPreamble(table.preamble), overrides);
  const { document, planYear } = read.header;
  const sectionRows = table.rows.filter((row) => row.kind === 'section');
  const placed = placeSections(file, sectionRows, overrides.sectors ?? {});
  const errors = [...read.errors, ...placed.errors];
  const warnings = [...table.warnings, ...read.warnings];
  const context: ScheduleContext = { planYear, period: document.period };

  const unresolved = new UnresolvedNames(deps.registry);
  const targetBudget = { remaining: MAX_TABLE_TARGETS };
  const tasks: Task[] = [];
  const firstLineOfRow = new Map<string, number>();
  let section: SectionRow | null = null;
  for (const row of table.rows) {
    if (row.kind === 'section') {
      section = row;
      continue;
    }
    if (!section) {
      errors.push(
        issue(
          file,
          row.line,
          'TASK_OUTSIDE_SECTION',
          `Dòng STT ${row.stt} nằm trước mọi mục (I, II, …)`,
        ),
      );
      continue;
    }
    const key = `${section.code}-${row.stt}`;
    const earlier = firstLineOfRow.get(key);
    if (earlier !== undefined) {
      errors.push(
        issue(
          file,
          row.line,
          'DUPLICATE_STT',
          `STT ${row.stt} lặp lại trong mục ${section.code} (đã có ở dòng ${earlier})`,
        ),
      );
      continue;
    }
    firstLineOfRow.set(key, row.line);
    const place = {
      id: `${document.code}-${key}`,
      plan: document.code,
      section,
      // A stand-in for a section not placed: that is an error, and nothing is returned.
      sector: placed.sections.get(section.code)?.sector ?? 'services',
    };
    const built = buildTask(row, place, {
      file,
      context,
      registry: deps.registry,
      unresolved,
      targetBudget,
    });
    errors.push(...built.errors);
    warnings.push(...built.warnings);
    tasks.push(built.task);
  }
  if (errors.length > 0) throw new PlanTableError(errors);

  linkGroups(tasks, warnings, file);
  const plan: PlanDocument = { ...document, sections: [...placed.sections.values()] };
  return {
    plan,
    tasks,
    agencies: agenciesNamedBy(tasks, deps.registry),
    unresolved: unresolved.list(),
    warnings,
  };
}

function sizeIssue(file: string, text: string): ImportWarning | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SOURCE_BYTES) {
    return issue(
      file,
      0,
      'TABLE_TOO_LARGE',
      `Tệp dài ${formatVnNumber(bytes)} byte, vượt giới hạn ${formatVnNumber(MAX_SOURCE_BYTES)} byte`,
    );
  }
  const lines = lineCount(text);
  if (lines > MAX_TABLE_LINES) {
    return issue(
      file,
      0,
      'TABLE_TOO_LARGE',
      `Tệp có ${formatVnNumber(lines)} dòng, vượt giới hạn ${formatVnNumber(MAX_TABLE_LINES)} dòng`,
    );
  }
  return null;
}

function lineCount(text: string): number {
  let count = text === '' || text.endsWith('\n') ? 0 : 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

// ---- tasks ----

interface TaskPlace {
  id: string;
  plan: string;
  section: SectionRow;
  sector: Task['sector'];
}

interface TaskReading {
  file: string;
  context: ScheduleContext;
  registry: AgencyRegistry;
  unresolved: UnresolvedNames;
  /** Targets the table may still have (MAX_TABLE_TARGETS). */
  targetBudget: { remaining: number };
}

function buildTask(
  row: TaskRow,
  place: TaskPlace,
  reading: TaskReading,
): { task: Task; errors: ImportWarning[]; warnings: ImportWarning[] } {
  const { file } = reading;
  const errors: ImportWarning[] = [];
  const warnings: ImportWarning[] = [];
  const note = row.cells.note ?? '';
  const timed = (line: number, text: string) => {
    const { schedule, problems } = parseSchedule(text, { ...reading.context, note });
    for (const problem of problems) {
      const found = issue(file, line, problem.code, `Cột thời gian: ${problem.message}`, {
        field: 'timeline',
      });
      (problem.code === 'INVALID_DATE' ? errors : warnings).push(found);
    }
    return schedule;
  };
  const agencies = (column: 'lead' | 'coordinating'): AgencyRef[] => {
    const { refs, unknown } = reading.registry.resolveCell(row.cells[column] ?? '');
    for (const name of unknown) reading.unresolved.add(name, { file, line: row.line, column });
    return refs;
  };

  const firstEntry = {
    line: row.line,
    timeline: row.cells.timeline ?? '',
    result: row.cells.result ?? '',
  };
  const entries = [firstEntry, ...row.extraEntries];
  const schedules = entries.map((entry) => timed(entry.line, entry.timeline));
  const milestones: Milestone[] =
    entries.length > 1
      ? entries.map((entry, i) => ({
          due: schedules[i]?.due ?? null,
          text: `${entry.timeline} → ${entry.result}`.trim(),
          schedule: schedules[i] as Schedule,
        }))
      : [];
  const expectedResult = entries
    .map((entry) => entry.result)
    .filter((text) => text !== '')
    .join('\n');
  const targets = extractTargets(expectedResult, reading.targetBudget.remaining + 1);
  reading.targetBudget.remaining -= targets.length;
  if (reading.targetBudget.remaining < 0) {
    throw new PlanTableError([
      issue(
        file,
        row.line,
        'TABLE_TOO_LARGE',
        `Bảng có hơn ${formatVnNumber(MAX_TABLE_TARGETS)} chỉ tiêu số (vượt giới hạn ở dòng này)`,
      ),
    ]);
  }

  const task: Task = {
    id: place.id,
    plan: place.plan,
    section: { code: place.section.code, title: place.section.title },
    sector: place.sector,
    ordinal: row.stt,
    parentId: null,
    isGroup: false,
    title: row.cells.task ?? '',
    lead: agencies('lead'),
    coordinating: agencies('coordinating'),
    schedule: combineSchedules(schedules),
    milestones,
    expectedResult,
    targets,
    note,
    source: { file, line: row.line },
  };
  if (task.title === '') {
    warnings.push(
      issue(file, row.line, 'EMPTY_TASK', `Dòng STT ${row.stt} không có nội dung nhiệm vụ`),
    );
  }
  return { task, errors, warnings };
}

/** One schedule for a task whose timeline has several entries (milestones): first start, last due. */
function combineSchedules(schedules: Schedule[]): Schedule {
  const [first, ...rest] = schedules;
  if (!first) throw new Error('a task row has at least one timeline entry');
  if (rest.length === 0) return first;
  const last = rest.at(-1) ?? first;
  return {
    ...first,
    text: schedules.map((s) => s.text).join('; '),
    kind: 'window',
    due: last.due ?? first.due,
  };
}

/** `1.1` and `1.2` are children of `1`, which becomes a group row (not counted in rollups). */
function linkGroups(tasks: Task[], warnings: ImportWarning[], file: string): void {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const task of tasks) {
    const lastDot = task.ordinal.lastIndexOf('.');
    if (lastDot < 0) continue;
    const parentOrdinal = task.ordinal.slice(0, lastDot);
    const parentId = `${task.plan}-${task.section.code}-${parentOrdinal}`;
    const parent = byId.get(parentId);
    if (!parent) {
      warnings.push(
        issue(
          file,
          task.source.line,
          'ORPHAN_ROW',
          `Dòng STT ${task.ordinal} không có dòng cha (STT ${parentOrdinal})`,
        ),
      );
      continue;
    }
    task.parentId = parentId;
    parent.isGroup = true;
  }
}

function agenciesNamedBy(tasks: Task[], registry: AgencyRegistry): Agency[] {
  const ids = new Set(
    tasks.flatMap((task) => [...task.lead, ...task.coordinating].map((ref) => ref.id)),
  );
  return registry.all().filter((agency) => ids.has(agency.id));
}
