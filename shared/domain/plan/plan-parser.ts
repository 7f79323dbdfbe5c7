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
import { compareIso, type DateRange } from '../calendar.ts';
import { normaliseName, type AgencyRegistry } from './agency-registry.ts';
import { issue } from './import-issues.ts';
import {
  MAX_SOURCE_BYTES,
  MAX_TABLE_LINES,
  MAX_TABLE_TARGETS,
  MAX_UNRESOLVED_NAMES,
} from './limits.ts';
import {
  PLAN_CODE_PATTERN,
  SECTORS,
  type Agency,
  type AgencyRef,
  type ImportWarning,
  type Milestone,
  type PlanDocument,
  type PlanOverrides,
  type PlanSection,
  type Schedule,
  type Task,
  type UnresolvedName,
} from './model.ts';
import { PERIOD_FORMATS } from './plan-period.ts';
import { readPreamble, type Preamble } from './plan-preamble.ts';
import { parseSchedule, type ScheduleContext } from './schedule.ts';
import { proposeSector } from './sector-keywords.ts';
import { readPlanTable, type SectionRow, type TaskRow } from './table-reader.ts';
import { extractTargets } from './targets.ts';
import { formatVnNumber } from './vn-number.ts';

export type { PlanOverrides } from './model.ts';

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

export class PlanTableError extends Error {
  constructor(readonly issues: ImportWarning[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.code}: ${i.message}`).join('\n'));
    this.name = 'PlanTableError';
  }
}

/**
 * Whether a continuation's timeline is a timeline on its own does not depend on the
 * plan, so it is read in a neutral leap year (where "29/2" is a date).
 */
const NEUTRAL_CONTEXT: ScheduleContext = {
  planYear: 2000,
  period: { start: '2000-01-01', end: '2000-12-31' },
};

const isCompleteTimeline = (text: string) => {
  const { schedule, problems } = parseSchedule(text, NEUTRAL_CONTEXT);
  return problems.length === 0 && schedule.kind !== 'unspecified';
};

const KIND_LABELS: Record<PlanDocument['kind'], string> = {
  plan: 'Kế hoạch',
  notice: 'Thông báo',
};

export function parsePlanTable(source: PlanSource, deps: PlanParserDeps): ParsedPlan {
  const { file, text } = source;
  const tooLarge = sizeIssue(file, text);
  if (tooLarge) throw new PlanTableError([tooLarge]);
  const table = readPlanTable(file, text, isCompleteTimeline);
  if (table.errors.length > 0) throw new PlanTableError(table.errors);

  const overrides = deps.overrides ?? {};
  const errors: ImportWarning[] = [];
  const warnings = [...table.warnings];
  const header = planHeader(file, readPreamble(table.preamble), overrides, errors, warnings);
  const sections = placeSections(file, table.rows, overrides.sectors ?? {}, errors);
  const context: ScheduleContext = { planYear: header.planYear, period: header.period };

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
      id: `${header.code}-${key}`,
      plan: header.code,
      section,
      sector: sections.get(section.code)?.sector ?? 'services',
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
  const plan: PlanDocument = { ...header.document, sections: [...sections.values()] };
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

// ---- the plan: what the preamble says, under the request's overrides ----

interface PlanHeader {
  document: Omit<PlanDocument, 'sections'>;
  code: string;
  /** The year of a quarter or month written without one. */
  planYear: number;
  period: DateRange;
}

function planHeader(
  file: string,
  preamble: Preamble,
  overrides: PlanOverrides,
  errors: ImportWarning[],
  warnings: ImportWarning[],
): PlanHeader {
  const { reference } = preamble;
  if (!reference) {
    errors.push(
      issue(
        file,
        0,
        'NO_PLAN_REFERENCE',
        'Phần đầu của bảng không nêu văn bản mà bảng kèm theo: cần một dòng như "(Kèm theo Kế hoạch số 266/KH-UBND ngày 07/7/2026 của UBND tỉnh Lạng Sơn)"',
        { allowed: ['Kế hoạch số N/KH-…', 'Thông báo số N/TB-…'] },
      ),
    );
  }
  const line = reference?.line ?? 0;

  let code = reference?.code ?? 'KH0';
  if (overrides.code !== undefined) {
    if (PLAN_CODE_PATTERN.test(overrides.code)) code = overrides.code;
    else {
      errors.push(
        issue(
          file,
          0,
          'INVALID_PLAN_CODE',
          `Mã văn bản "${overrides.code}" không hợp lệ: 2 đến 24 chữ in hoa hoặc chữ số, bắt đầu bằng chữ cái, không có dấu gạch (KH266, TB150, KH300N2027)`,
          { field: 'code', allowed: [PLAN_CODE_PATTERN.source] },
        ),
      );
    }
  }

  let issuedOn = overrides.issuedOn;
  if (issuedOn === undefined && reference) {
    const printed = reference.issuedOn;
    if (typeof printed === 'string') issuedOn = printed;
    else if (printed === null) {
      errors.push(
        issue(
          file,
          line,
          'ISSUED_ON_UNREADABLE',
          `Không đọc được ngày ban hành của văn bản số ${reference.number}: hãy ghi "ngày d tháng m năm yyyy" sau số văn bản, hoặc chỉ định trong yêu cầu (issuedOn)`,
          { field: 'issuedOn', allowed: ['YYYY-MM-DD'] },
        ),
      );
    } else {
      errors.push(
        issue(file, line, 'INVALID_DATE', `Ngày ban hành ${printed.invalid} không tồn tại`, {
          field: 'issuedOn',
          allowed: ['YYYY-MM-DD'],
        }),
      );
    }
  }

  const issuingBody = overrides.issuingBody ?? reference?.issuingBody ?? undefined;
  if (issuingBody === undefined && reference) {
    errors.push(
      issue(
        file,
        line,
        'ISSUING_BODY_UNREADABLE',
        `Không đọc được cơ quan ban hành văn bản số ${reference.number}: hãy ghi "của <cơ quan>" sau ngày ban hành, hoặc chỉ định trong yêu cầu (issuingBody)`,
        { field: 'issuingBody' },
      ),
    );
  }

  const period = overrides.period ?? preamble.period ?? undefined;
  if (period === undefined) {
    errors.push(
      issue(
        file,
        preamble.title?.line ?? 0,
        'PERIOD_UNREADABLE',
        'Không đọc được thời kỳ của kế hoạch trong tên phụ lục (ví dụ "6 tháng cuối năm 2026", "giai đoạn 2026 - 2030"): hãy chỉ định trong yêu cầu (period)',
        { field: 'period', allowed: PERIOD_FORMATS },
      ),
    );
  } else if (compareIso(period.start, period.end) > 0) {
    errors.push(
      issue(
        file,
        0,
        'INVALID_PERIOD',
        `Thời kỳ ${period.start}..${period.end} kết thúc trước khi bắt đầu`,
        { field: 'period', allowed: PERIOD_FORMATS },
      ),
    );
  }

  const kind = reference?.kind ?? 'plan';
  const number = reference?.number ?? '';
  let title = overrides.title ?? preamble.title?.text;
  if (title === undefined) {
    title = `${KIND_LABELS[kind]} số ${number}`;
    warnings.push(
      issue(file, 0, 'NO_TITLE', `Bảng không có tên phụ lục; tên dùng tạm: "${title}"`, {
        field: 'title',
      }),
    );
  }

  // After an error above nothing is returned; the fallbacks only let the rows be read
  // so that their errors are reported in the same round.
  const planYear = Number((issuedOn ?? period?.start ?? '2000').slice(0, 4));
  const readingPeriod = period ?? { start: `${planYear}-01-01`, end: `${planYear}-12-31` };
  return {
    document: {
      code,
      kind,
      number,
      title,
      issuingBody: issuingBody ?? '',
      issuedOn: issuedOn ?? readingPeriod.start,
      period: readingPeriod,
    },
    code,
    planYear,
    period: readingPeriod,
  };
}

// ---- sections: the request's sector, else the title's proposal ----

function placeSections(
  file: string,
  rows: readonly (SectionRow | TaskRow)[],
  chosen: Readonly<Record<string, PlanSection['sector']>>,
  errors: ImportWarning[],
): Map<string, PlanSection> {
  const sections = new Map<string, PlanSection>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== 'section') continue;
    const { code, title, line } = row;
    const field = `sectors.${code}`;
    const earlier = firstLine.get(code);
    if (earlier !== undefined) {
      errors.push(
        issue(file, line, 'DUPLICATE_SECTION', `Mục ${code} lặp lại (đã có ở dòng ${earlier})`),
      );
      continue;
    }
    firstLine.set(code, line);
    const proposal = Object.hasOwn(chosen, code) ? { sector: chosen[code] } : proposeSector(title);
    if (proposal && 'sector' in proposal && proposal.sector !== undefined) {
      sections.set(code, { code, title, sector: proposal.sector });
    } else if (proposal && 'ambiguous' in proposal) {
      errors.push(
        issue(
          file,
          line,
          'AMBIGUOUS_SECTION',
          `Tên mục ${code} "${title}" gợi ý nhiều lĩnh vực (${proposal.ambiguous.join(', ')}): hãy chỉ định trong yêu cầu (${field})`,
          { field, allowed: SECTORS },
        ),
      );
    } else {
      errors.push(
        issue(
          file,
          line,
          'UNKNOWN_SECTION',
          `Không xác định được lĩnh vực của mục ${code} "${title}": hãy chỉ định trong yêu cầu (${field})`,
          { field, allowed: SECTORS },
        ),
      );
    }
  }
  for (const code of Object.keys(chosen)) {
    if (firstLine.has(code)) continue;
    errors.push(
      issue(
        file,
        0,
        'SECTION_NOT_IN_TABLE',
        `Yêu cầu chỉ định lĩnh vực cho mục ${code}, nhưng bảng không có mục này`,
        { field: `sectors.${code}`, allowed: [...firstLine.keys()] },
      ),
    );
  }
  return sections;
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

// ---- names no agency answers to ----

/** Each distinct name once (compared as the registry compares names), with every cell. */
class UnresolvedNames {
  private readonly byKey = new Map<string, Omit<UnresolvedName, 'suggestions'>>();

  constructor(private readonly registry: AgencyRegistry) {}

  add(name: string, cell: UnresolvedName['cells'][number]): void {
    const key = normaliseName(name);
    const known = this.byKey.get(key);
    if (known) {
      known.cells.push(cell);
      return;
    }
    if (this.byKey.size >= MAX_UNRESOLVED_NAMES) {
      throw new PlanTableError([
        issue(
          cell.file,
          cell.line,
          'TOO_MANY_UNRESOLVED_NAMES',
          `Bảng có hơn ${formatVnNumber(MAX_UNRESOLVED_NAMES)} tên cơ quan không có trong danh mục cơ quan (từ dòng này): hãy kiểm tra bảng và danh mục`,
        ),
      ]);
    }
    this.byKey.set(key, { name, cells: [cell] });
  }

  list(): UnresolvedName[] {
    return [...this.byKey.values()].map((entry) => ({
      ...entry,
      suggestions: this.registry.suggest(entry.name),
    }));
  }
}
