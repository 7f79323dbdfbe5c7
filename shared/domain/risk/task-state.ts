/**
 * A task's state read from its holders' latest reports: whether it is completed or
 * cancelled, its percent complete, and its latest actual for a target.
 *
 * Every choice is a maximum or a total order, never "the first one seen", so the result
 * does not depend on the order the reports arrive in.
 */
import type { Task } from '../plan/model.ts';
import type { LatestReport } from '../progress/report.ts';

/** An agency's latest report on a task, with the actuals it sent (as TaskDetail shows it). */
export type LatestReportWithActuals = LatestReport & { actuals: Record<string, number> };

/**
 * Agency id → the collectives it belongs to (Agency.memberOf). A commune reports under
 * its own id on a task led by "UBND các xã, phường"; membership makes it the lead's report.
 */
export type Memberships = Readonly<Record<string, readonly string[]>>;

/**
 * Schedule kinds whose `due` is a date the work must be done by. A recurring or ongoing
 * task's `due` only closes the window its duty recurs in: passing it ends the duty, it
 * does not make the task late.
 */
export const DUE_KINDS: ReadonlySet<Task['schedule']['kind']> = new Set(['deadline', 'window']);

type StateReport = Pick<LatestReport, 'agencyId' | 'status' | 'percentComplete'>;

/** Whether `agencyId` is `holderId` itself or a member of that collective. */
export function actsFor(agencyId: string, holderId: string, memberOf: Memberships = {}): boolean {
  if (agencyId === holderId) return true;
  const collectives = Object.hasOwn(memberOf, agencyId) ? (memberOf[agencyId] ?? []) : [];
  return collectives.includes(holderId);
}

/** Whether `agencyId` leads `task`, itself or through a collective it belongs to. */
export function actsAsLead(task: Task, agencyId: string, memberOf: Memberships = {}): boolean {
  return task.lead.some((ref) => actsFor(agencyId, ref.id, memberOf));
}

export function isCompleted(reports: readonly StateReport[]): boolean {
  return reports.some((report) => report.status === 'completed');
}

export function isCancelled(reports: readonly StateReport[]): boolean {
  return reports.some((report) => report.status === 'cancelled');
}

/**
 * The task's percent complete: the lead's (the highest, when several lead agencies or
 * their members reported), else the highest of the coordinating agencies'; null when
 * nobody reported.
 */
export function taskPercent(
  task: Task,
  reports: readonly StateReport[],
  memberOf: Memberships = {},
): number | null {
  const leads = reports.filter((report) => actsAsLead(task, report.agencyId, memberOf));
  const pool = leads.length > 0 ? leads : reports;
  if (pool.length === 0) return null;
  return Math.max(...pool.map((report) => report.percentComplete));
}

/** Later first: receivedAt, then report id (the order the store keeps "latest" by). */
export function compareNewestFirst(
  a: Pick<LatestReport, 'receivedAt' | 'reportId'>,
  b: Pick<LatestReport, 'receivedAt' | 'reportId'>,
): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return a.reportId < b.reportId ? 1 : a.reportId > b.reportId ? -1 : 0;
}

/**
 * The latest actual reported for a target key: from the lead's reports when any of them
 * carries the key, else from anyone's; the most recently received wins. Null if none.
 */
export function latestActual(
  task: Task,
  reports: readonly LatestReportWithActuals[],
  key: string,
  memberOf: Memberships = {},
): number | null {
  const carrying = reports.filter((report) => Object.hasOwn(report.actuals, key));
  const leads = carrying.filter((report) => actsAsLead(task, report.agencyId, memberOf));
  const pool = leads.length > 0 ? leads : carrying;
  const newest = [...pool].sort(compareNewestFirst)[0];
  return newest?.actuals[key] ?? null;
}
