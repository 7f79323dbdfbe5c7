/**
 * A task's official state, read from its lead's latest reports: whether it is completed or
 * cancelled, its percent complete, its latest actual for a target. Only the lead (chủ trì)
 * moves it; coordinating agencies file contributions, which never enter here.
 *
 * The lead is made of parts: each lead agency is one part, and a lead collective ("UBND các
 * xã, phường") is one part per member, each commune reporting its own share. The rule:
 * - completed when every part's latest report says completed;
 * - cancelled when every part's latest report says cancelled;
 * - percent complete: the mean of the parts that reported (the parts still silent show in
 *   the reporting completeness, not as zeros here);
 * - an actual: a lead agency's own newest figure, else the sum of a collective's members'.
 * A report counts for a part when its agency is the part, or absorbed it in a merge.
 *
 * Every choice is a maximum, a sum or a total order, never "the first one seen", so the
 * result does not depend on the order the reports arrive in.
 */
import type { Task } from '../plan/model.ts';
import type { LatestReport } from '../progress/report.ts';

/** An agency's latest report on a task, with the actuals it sent (as TaskDetail shows it). */
export type LatestReportWithActuals = LatestReport & { actuals: Record<string, number> };

/**
 * Agency id → the ids it acts for besides itself: the collectives it belongs to
 * (Agency.memberOf) and the agencies merged into it.
 */
export type Memberships = Readonly<Record<string, readonly string[]>>;

/**
 * Schedule kinds whose `due` is a date the work must be done by. A recurring or ongoing
 * task's `due` only closes the window its duty recurs in: passing it ends the duty, it
 * does not make the task late.
 */
export const DUE_KINDS: ReadonlySet<Task['schedule']['kind']> = new Set(['deadline', 'window']);

type StateReport = Pick<LatestReport, 'agencyId' | 'status' | 'percentComplete'>;
type Ordered = Pick<LatestReport, 'receivedAt' | 'reportId'>;

const actsForOf = (memberOf: Memberships, agencyId: string): readonly string[] =>
  Object.hasOwn(memberOf, agencyId) ? (memberOf[agencyId] ?? []) : [];

/** Whether `agencyId` is `holderId` itself, a member of that collective, or absorbed it. */
export function actsFor(agencyId: string, holderId: string, memberOf: Memberships = {}): boolean {
  return agencyId === holderId || actsForOf(memberOf, agencyId).includes(holderId);
}

/** Whether `agencyId` leads `task`, itself or through a collective it belongs to. */
export function actsAsLead(task: Task, agencyId: string, memberOf: Memberships = {}): boolean {
  return task.lead.some((ref) => actsFor(agencyId, ref.id, memberOf));
}

/** One part of a task's lead: a lead agency, or a member of a lead collective. */
export interface LeadPart {
  agencyId: string;
  /** The collective the part is a member of, null for a lead agency itself. */
  via: string | null;
}

/** The parts of the task's lead, each once, in a stable order. */
export function leadParts(task: Pick<Task, 'lead'>, memberOf: Memberships = {}): LeadPart[] {
  const parts = new Map<string, LeadPart>();
  for (const { id } of task.lead) {
    const members = Object.keys(memberOf)
      .filter((agencyId) => agencyId !== id && actsForOf(memberOf, agencyId).includes(id))
      .filter((agencyId) => !task.lead.some((ref) => ref.id === agencyId));
    // An agency that absorbed the lead (a merge) is the lead, not a member of it.
    const isCollective = members.some((agencyId) => !isAbsorption(memberOf, agencyId, id));
    if (!isCollective) {
      if (!parts.has(id)) parts.set(id, { agencyId: id, via: null });
      continue;
    }
    for (const member of members.sort()) {
      if (!parts.has(member)) parts.set(member, { agencyId: member, via: id });
    }
  }
  return [...parts.values()];
}

/**
 * Memberships list collectives and absorbed agencies alike; a collective has several
 * members, an absorbed agency names exactly the one that took it over. Told apart here:
 * the absorbing agency is the only one acting for it.
 */
function isAbsorption(memberOf: Memberships, agencyId: string, holderId: string): boolean {
  const actors = Object.keys(memberOf).filter((id) => actsForOf(memberOf, id).includes(holderId));
  return actors.length === 1 && actors[0] === agencyId;
}

/** The part of the task's lead a report speaks for, or null for a report from outside it. */
export function partOf(
  parts: readonly LeadPart[],
  agencyId: string,
  memberOf: Memberships,
): LeadPart | null {
  return (
    parts.find((part) => part.agencyId === agencyId) ??
    parts.find((part) => actsForOf(memberOf, agencyId).includes(part.agencyId)) ??
    null
  );
}

/** Each part's newest report, by part (parts that never reported are absent). */
export function newestByPart<R extends StateReport & Ordered>(
  task: Pick<Task, 'lead'>,
  reports: readonly R[],
  memberOf: Memberships = {},
): Map<string, R> {
  const parts = leadParts(task, memberOf);
  const newest = new Map<string, R>();
  for (const report of reports) {
    const part = partOf(parts, report.agencyId, memberOf);
    if (!part) continue;
    const current = newest.get(part.agencyId);
    if (!current || compareNewestFirst(report, current) < 0) newest.set(part.agencyId, report);
  }
  return newest;
}

function everyPart(
  task: Task,
  reports: readonly (StateReport & Ordered)[],
  memberOf: Memberships,
  status: LatestReport['status'],
): boolean {
  const parts = leadParts(task, memberOf);
  const newest = newestByPart(task, reports, memberOf);
  return parts.length > 0 && parts.every((part) => newest.get(part.agencyId)?.status === status);
}

export function isCompleted(
  task: Task,
  reports: readonly (StateReport & Ordered)[],
  memberOf: Memberships = {},
): boolean {
  return everyPart(task, reports, memberOf, 'completed');
}

export function isCancelled(
  task: Task,
  reports: readonly (StateReport & Ordered)[],
  memberOf: Memberships = {},
): boolean {
  return everyPart(task, reports, memberOf, 'cancelled');
}

/** The mean percent complete of the lead's parts that reported; null when none did. */
export function taskPercent(
  task: Task,
  reports: readonly (StateReport & Ordered)[],
  memberOf: Memberships = {},
): number | null {
  const newest = [...newestByPart(task, reports, memberOf).values()];
  if (newest.length === 0) return null;
  const total = newest.reduce((sum, report) => sum + report.percentComplete, 0);
  return Math.round((total / newest.length) * 100) / 100;
}

/**
 * The task's status as its lead's parts say it: completed or cancelled when every part
 * says so; otherwise the most worrying of the parts' (delayed, at risk, on track, not
 * started, in that order); null before any part reported.
 */
export function officialStatus(
  task: Task,
  reports: readonly (StateReport & Ordered)[],
  memberOf: Memberships = {},
): LatestReport['status'] | null {
  const newest = [...newestByPart(task, reports, memberOf).values()];
  if (newest.length === 0) return null;
  if (isCompleted(task, reports, memberOf)) return 'completed';
  if (isCancelled(task, reports, memberOf)) return 'cancelled';
  const statuses = new Set(newest.map((report) => report.status));
  for (const status of ['delayed', 'at_risk', 'on_track'] as const) {
    if (statuses.has(status)) return status;
  }
  // Some parts completed or cancelled, the rest not started: the work is under way.
  return statuses.has('completed') || statuses.has('cancelled') ? 'on_track' : 'not_started';
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
 * The latest actual for a target key: a lead agency's own newest figure when one carries
 * the key (the most recently received among several lead agencies), else the sum of the
 * newest figures of a lead collective's members (each commune reports its own share).
 * Null when no part of the lead reported the key.
 */
export function latestActual(
  task: Task,
  reports: readonly LatestReportWithActuals[],
  key: string,
  memberOf: Memberships = {},
): number | null {
  const parts = leadParts(task, memberOf);
  const carrying = reports.filter((report) => Object.hasOwn(report.actuals, key));
  const newest = newestByPart(task, carrying, memberOf);
  const direct = parts
    .filter((part) => part.via === null)
    .map((part) => newest.get(part.agencyId))
    .filter((report): report is LatestReportWithActuals => report !== undefined)
    .sort(compareNewestFirst)[0];
  if (direct) return direct.actuals[key] ?? null;
  const shares = parts
    .filter((part) => part.via !== null)
    .map((part) => newest.get(part.agencyId)?.actuals[key])
    .filter((value): value is number => value !== undefined);
  return shares.length === 0 ? null : shares.reduce((sum, value) => sum + value, 0);
}

/**
 * The task's official state as one latest report: the lead's status and percent by the
 * rule above, dated by the newest of its parts' reports; null before any part reported.
 */
export function officialLatest(
  task: Task,
  reports: readonly LatestReportWithActuals[],
  memberOf: Memberships = {},
): LatestReport | null {
  const parts = [...newestByPart(task, reports, memberOf).values()];
  const newest = [...parts].sort(compareNewestFirst)[0];
  const status = officialStatus(task, reports, memberOf);
  const percentComplete = taskPercent(task, reports, memberOf);
  if (!newest || status === null || percentComplete === null) return null;
  return {
    reportId: newest.reportId,
    agencyId: newest.agencyId,
    status,
    percentComplete,
    period: newest.period,
    asOf: newest.asOf,
    receivedAt: newest.receivedAt,
    hasObstacles: parts.some((report) => report.hasObstacles),
  };
}
