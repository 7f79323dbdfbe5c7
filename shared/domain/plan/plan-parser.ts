/**
 * Turns one plan appendix into the plan, its tasks and the agencies they name.
 * Everything it cannot read is reported (warnings); anything that would make the plan
 * wrong or ambiguous (no table, an unknown plan, a repeated STT) is an error, and then
 * nothing is returned at all, so a caller can never write half a plan.
 */
import type { AgencyRegistry } from './agency-registry.ts';
import type { Agency, AgencyRef, ImportWarning, Milestone, Plan, Schedule, Task } from './model.ts';
import { identifyPlan } from './plan-identity.ts';
import { sectorOf, type PlanProfiles } from './plan-profile.ts';
import { parseSchedule, type ScheduleContext } from './schedule.ts';
import { readPlanTable, type SectionRow, type TaskRow } from './table-reader.ts';
import { extractTargets } from './targets.ts';

export interface PlanSource {
  /** The name reported in `source.file` and in warnings. */
  file: string;
  text: string;
}

export interface ParsedPlan {
  plan: Plan;
  tasks: Task[];
  agencies: Agency[];
  warnings: ImportWarning[];
}

export interface PlanParserDeps {
  registry: AgencyRegistry;
  profiles: PlanProfiles;
}

export class PlanTableError extends Error {
  constructor(readonly issues: ImportWarning[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
    this.name = 'PlanTableError';
  }
}

/** How many preamble lines may precede the table; the plan reference sits in the first few. */
const PREAMBLE_SCAN_LINES = 20;

export function parsePlanTable(source: PlanSource, deps: PlanParserDeps): ParsedPlan {
  const { file } = source;
  const fail = (line: number, code: string, message: string): never => {
    throw new PlanTableError([{ file, line, code, message }]);
  };

  const head = source.text.split(/\r?\n/, PREAMBLE_SCAN_LINES).join('\n');
  const identity =
    identifyPlan(head) ??
    fail(0, 'NO_PLAN_REFERENCE', 'the preamble names no plan ("Kèm theo Kế hoạch số … ngày …")');
  const profile =
    deps.profiles.plans[identity.code] ??
    fail(0, 'UNKNOWN_PLAN', `plan ${identity.code} has no profile (period and sector map)`);

  const scheduleContext = (note: string): ScheduleContext => ({
    planYear: Number(identity.issuedOn.slice(0, 4)),
    period: profile.period,
    note,
  });
  const isCompleteTimeline = (text: string) => {
    const { schedule, problems } = parseSchedule(text, scheduleContext(''));
    return problems.length === 0 && schedule.kind !== 'unspecified';
  };

  const table = readPlanTable(file, source.text, isCompleteTimeline);
  if (table.errors.length > 0) throw new PlanTableError(table.errors);

  const plan: Plan = {
    code: identity.code,
    title: table.preamble[0]?.text ?? identity.code,
    issuedOn: identity.issuedOn,
    period: profile.period,
  };
  const warnings = [...table.warnings];
  const errors: ImportWarning[] = [];
  const tasks: Task[] = [];
  const firstLineOfId = new Map<string, number>();
  let section: SectionRow | null = null;

  for (const row of table.rows) {
    if (row.kind === 'section') {
      section = row;
      if (!sectorOf(profile, row.code)) {
        errors.push(issue(file, row.line, 'UNKNOWN_SECTION', `section ${row.code} has no sector`));
      }
      continue;
    }
    if (!section) {
      errors.push(
        issue(file, row.line, 'TASK_OUTSIDE_SECTION', `row ${row.stt} precedes any section`),
      );
      continue;
    }
    const id = `${plan.code}-${section.code}-${row.stt}`;
    const earlier = firstLineOfId.get(id);
    if (earlier !== undefined) {
      errors.push(
        issue(
          file,
          row.line,
          'DUPLICATE_STT',
          `STT ${row.stt} repeats in section ${section.code} (first on line ${earlier})`,
        ),
      );
      continue;
    }
    firstLineOfId.set(id, row.line);
    const built = buildTask(row, { id, plan, section, file, deps, scheduleContext, profile });
    warnings.push(...built.warnings);
    tasks.push(built.task);
  }
  if (errors.length > 0) throw new PlanTableError(errors);

  linkGroups(tasks, warnings, file);
  return { plan, tasks, agencies: agenciesNamedBy(tasks, deps.registry), warnings };
}

function issue(file: string, line: number, code: string, message: string): ImportWarning {
  return { file, line, code, message };
}

interface TaskContext {
  id: string;
  plan: Plan;
  section: SectionRow;
  file: string;
  deps: PlanParserDeps;
  profile: PlanProfiles['plans'][string];
  scheduleContext: (note: string) => ScheduleContext;
}

function buildTask(row: TaskRow, ctx: TaskContext): { task: Task; warnings: ImportWarning[] } {
  const { file } = ctx;
  const warnings: ImportWarning[] = [];
  const note = row.cells.note ?? '';
  const timed = (line: number, text: string) => {
    const { schedule, problems } = parseSchedule(text, ctx.scheduleContext(note));
    for (const problem of problems) warnings.push(issue(file, line, 'SCHEDULE', problem));
    return schedule;
  };
  const agencies = (cell: string | undefined, column: string): AgencyRef[] => {
    const { refs, unknown } = ctx.deps.registry.resolveCell(cell ?? '');
    for (const name of unknown) {
      warnings.push(issue(file, row.line, 'UNKNOWN_AGENCY', `unknown ${column} agency "${name}"`));
    }
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

  const task: Task = {
    id: ctx.id,
    plan: ctx.plan.code,
    section: { code: ctx.section.code, title: ctx.section.title },
    sector: sectorOf(ctx.profile, ctx.section.code) ?? 'services',
    ordinal: row.stt,
    parentId: null,
    isGroup: false,
    title: row.cells.task ?? '',
    lead: agencies(row.cells.lead, 'lead'),
    coordinating: agencies(row.cells.coordinating, 'coordinating'),
    schedule: combineSchedules(schedules),
    milestones,
    expectedResult,
    targets: extractTargets(expectedResult),
    note,
    source: { file, line: row.line },
  };
  if (task.title === '')
    warnings.push(issue(file, row.line, 'EMPTY_TASK', `row ${row.stt} has no task text`));
  return { task, warnings };
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
    const parentId = `${task.plan}-${task.section.code}-${task.ordinal.slice(0, lastDot)}`;
    const parent = byId.get(parentId);
    if (!parent) {
      warnings.push(
        issue(file, task.source.line, 'ORPHAN_ROW', `row ${task.ordinal} has no parent row`),
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
