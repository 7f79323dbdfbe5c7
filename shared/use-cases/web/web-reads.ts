/**
 * What the task page, the inbox and the report form read, against the read store's port:
 * a task with every agency's latest state and its reports newest first; an agency's tasks
 * with its own latest reports; the agency's last full report on a task, to prefill the form.
 */
import { quarterRange, quarterOf, todayInProvince } from '#shared/domain/calendar.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import { inboxOrder, inboxRow, type InboxRow } from '#shared/domain/progress/inbox.ts';
import type { LatestReport } from '#shared/domain/progress/report.ts';
import type { ReportView, TaskDetail, TaskView } from '#shared/domain/progress/task-view.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { Clock } from '../progress-ports.ts';

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

export type HeldTask = TaskView & { role: 'lead' | 'coordinating' };

export interface WebReads {
  getTaskDetail(taskId: string): Promise<TaskDetail | null>;
  listReports(taskId: string, limit: number, cursor?: string): Promise<Paged<ReportView>>;
  getPlan(code: string): Promise<PlanRecord | null>;
  getAgency(agencyId: string): Promise<Agency | null>;
  listAgencyTasks(agency: Agency, limit: number, cursor?: string): Promise<Paged<HeldTask>>;
  newestStatesOf(
    tasks: readonly Pick<TaskView, 'id' | 'plan'>[],
    agencyIds: readonly string[],
  ): Promise<Map<string, LatestReport>>;
}

/** Reports shown on a task page: the newest, enough for a year of monthly reports by several agencies. */
export const TASK_PAGE_REPORTS = 100;

export interface TaskPage {
  detail: TaskDetail;
  plan: PlanRecord | null;
  reports: ReportView[];
}

export async function taskPage(taskId: string, reads: WebReads): Promise<TaskPage> {
  const detail = await reads.getTaskDetail(taskId);
  if (!detail) throw new NotFoundError('task-not-found', `Không có nhiệm vụ ${taskId}.`);
  const [plan, reports] = await Promise.all([
    reads.getPlan(detail.task.plan),
    reads.listReports(taskId, TASK_PAGE_REPORTS),
  ]);
  return { detail, plan, reports: reports.items };
}

async function allPages<T>(read: (cursor?: string) => Promise<Paged<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export interface Inbox {
  agency: Agency;
  quarter: { start: string; end: string };
  rows: InboxRow<HeldTask>[];
}

export async function agencyInbox(
  agencyId: string,
  deps: { reads: WebReads; clock: Clock },
): Promise<Inbox> {
  const agency = await deps.reads.getAgency(agencyId);
  if (!agency) throw new NotFoundError('agency-not-found', `Không có cơ quan ${agencyId}.`);
  const tasks = await allPages((cursor) => deps.reads.listAgencyTasks(agency, 100, cursor));
  const today = todayInProvince(deps.clock.now());
  const { year, quarter } = quarterOf(today);
  const range = quarterRange(year, quarter);
  const own = await deps.reads.newestStatesOf(
    tasks.filter((task) => !task.isGroup),
    [agency.id, ...agency.absorbed],
  );
  const rows = tasks.map((task) => inboxRow(task, own.get(task.id) ?? null, today, range));
  return { agency, quarter: range, rows: inboxOrder(rows) };
}

/** The agency's newest full report on the task (narrative, obstacles, proposals), or null. */
export async function lastOwnReport(
  taskId: string,
  actsFor: readonly string[],
  reads: WebReads,
): Promise<ReportView | null> {
  const { items } = await reads.listReports(taskId, TASK_PAGE_REPORTS);
  return items.find((report) => actsFor.includes(report.agencyId)) ?? null;
}
