/**
 * The lead of a task reports progress on it (a coordinating agency files a contribution
 * instead). Two steps: the report is filed, in one write with its audit entry and its
 * agency's latest state, under an id derived from the request's idempotency key; then the
 * event is published (its consumer derives the task's official state from its lead's
 * parts). The filing is also the idempotency check: a retry finds the report stored,
 * answers it when the request is the same (a different one under the same key is
 * refused), completes whatever an interrupted attempt left, and republishes the event,
 * which consumers treat idempotently. Nothing waits in an "in progress" state.
 *
 * On a plan that requires approval the report waits for its reviewer instead: it moves
 * nothing until accepted (review-reports.ts).
 */
import { compareIso, todayInProvince } from '#shared/domain/calendar.ts';
import { requireRole } from '#shared/domain/access/task-role.ts';
import { entityOf, type Actor, type AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import { DomainError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import type { Agency, Task } from '#shared/domain/plan/model.ts';
import { reviewerOf } from '#shared/domain/progress/review.ts';
import {
  acceptsReports,
  planCalendar,
  type PlanRecord,
} from '#shared/domain/registry/plan-record.ts';
import type { ProgressReport, ReportSubmission } from '#shared/domain/progress/report.ts';
import { reportPeriod } from '#shared/domain/progress/report-period.ts';
import { PROGRESS_REPORTED, type ProgressReportedV2 } from '#shared/events/progress-reported.ts';
import type {
  Clock,
  EventPublisher,
  FiledReport,
  FollowUp,
  ReportRepository,
  TaskReader,
} from './progress-ports.ts';

export interface SubmitReportCommand {
  taskId: string;
  /** From the caller's token, never from the body. */
  agencyId: string;
  /** The agencies the caller acts for: itself and the collectives it belongs to. */
  actsFor: readonly string[];
  /** Stable across retries of the same request. */
  reportId: string;
  /** A digest of what the request asks: a retry under the same key must ask the same. */
  fingerprint: string;
  submission: ReportSubmission;
  /** Who files it: the token, and the person when one signed in. */
  actor: Actor;
}

export interface SubmitReportDeps {
  tasks: TaskReader;
  reports: ReportRepository;
  events: EventPublisher;
  clock: Clock;
  /** The registry, read only when a plan requires approval (to find the reviewer). */
  agencies: { get(agencyId: string): Promise<Agency | null> };
}

function checkSubmission(task: Task, submission: ReportSubmission, today: string): void {
  const targetKeys = new Set(task.targets.map((target) => target.key));
  const unknownKeys = Object.keys(submission.actuals).filter((key) => !targetKeys.has(key));
  if (unknownKeys.length > 0) {
    const known = [...targetKeys].join(', ') || 'none';
    throw new UnprocessableError(
      'unknown-target',
      `task ${task.id} has no target ${unknownKeys.join(', ')} (its targets: ${known})`,
      unknownKeys.map((key) => ({
        field: `body.actuals.${key}`,
        reason: 'not a target of this task',
      })),
    );
  }
  if (submission.asOf && compareIso(submission.asOf, today) > 0) {
    throw new UnprocessableError('future-date', `asOf ${submission.asOf} is in the future`, [
      { field: 'body.asOf', reason: 'in the future' },
    ]);
  }
}

export async function submitReport(
  command: SubmitReportCommand,
  deps: SubmitReportDeps,
): Promise<ProgressReport> {
  let filing: { candidate: ProgressReport; followUp: FollowUp };
  try {
    filing = await prepare(command, deps);
  } catch (error) {
    // A retry of a request accepted earlier still answers its report, even if the task or
    // plan has changed since; under a key used for another request it is refused as such.
    if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
    const earlier = await deps.reports.findFiled(command.reportId);
    if (!earlier) throw error;
    return settle(earlier, command, null, deps);
  }
  const filed = await deps.reports.fileReport({
    report: filing.candidate,
    fingerprint: command.fingerprint,
    audit: submittedEntry(filing.candidate, command.actor),
    followUp: filing.followUp,
  });
  return settle(filed, command, filing.followUp, deps);
}

/** Checks the request against the task and its plan; the report it files, and its reviewer. */
async function prepare(command: SubmitReportCommand, deps: SubmitReportDeps) {
  const current = await deps.tasks.getTask(command.taskId);
  if (!current) throw new NotFoundError('task-not-found', `no task ${command.taskId}`);
  const { task, plan } = current;
  requireRole(task, command.agencyId, command.actsFor, 'lead');
  if (current.retired) {
    throw new UnprocessableError(
      'task-retired',
      `task ${task.id} is no longer in plan ${plan.code} (retired by version ${plan.currentVersion})`,
    );
  }
  if (!acceptsReports(plan)) {
    throw new UnprocessableError(
      'plan-not-active',
      `plan ${plan.code} is ${plan.status}: it takes no reports`,
    );
  }
  if (task.isGroup) {
    throw new UnprocessableError(
      'group-task',
      `task ${task.id} is a group; report on its sub-tasks`,
    );
  }
  const now = deps.clock.now();
  const today = todayInProvince(now);
  const { submission } = command;
  checkSubmission(task, submission, today);

  const period = reportPeriod({
    task,
    planPeriod: plan.period,
    calendar: planCalendar(plan),
    requested: submission.period,
    actualsStatus: submission.actualsStatus,
    receivedAt: now,
  });

  const candidate: ProgressReport = {
    id: command.reportId,
    taskId: task.id,
    agencyId: command.agencyId,
    plan: task.plan,
    sector: task.sector,
    period: period.period,
    status: submission.status,
    percentComplete: submission.percentComplete,
    actuals: submission.actuals,
    actualsStatus: period.actualsStatus,
    narrative: submission.narrative,
    obstacles: submission.obstacles,
    proposals: submission.proposals,
    asOf: submission.asOf ?? today,
    receivedAt: now.toISOString(),
    deadline: period.deadline,
    timeliness: period.timeliness,
    filedBy: { tokenId: command.actor.tokenId, person: command.actor.person },
    ...(plan.requiresApproval ? { review: 'pending' as const } : {}),
  };
  const followUp: FollowUp = plan.requiresApproval
    ? { kind: 'review', reviewerId: await reviewerFor(task, plan, command, deps) }
    : { kind: 'latest-state' };
  return { candidate, followUp };
}

/**
 * After the filing: a report filed earlier under this id is answered when the request is
 * the same (what its filing left undone is completed first), refused when it is not; then
 * the event, unless the report waits for its reviewer.
 */
async function settle(
  filed: FiledReport,
  command: SubmitReportCommand,
  followUp: FollowUp | null,
  deps: SubmitReportDeps,
): Promise<ProgressReport> {
  const stored = filed.report;
  if (!filed.filed) {
    if (filed.fingerprint !== null && filed.fingerprint !== command.fingerprint) {
      throw new UnprocessableError(
        'idempotency-key-reused',
        'Idempotency-Key này đã được dùng cho một yêu cầu khác',
        [{ field: 'header.idempotency-key', reason: 'đã dùng với nội dung khác' }],
      );
    }
    await deps.reports.completeFiling({
      report: stored,
      audit: submittedEntry(stored, actorOf(stored, command.actor)),
      followUp: followUpOf(stored, followUp),
    });
  }
  if (stored.review === 'pending') return stored;
  await deps.events.publish([{ detailType: PROGRESS_REPORTED, detail: progressReported(stored) }]);
  return stored;
}

/**
 * What a stored report's filing left besides its audit entry, as far as it still stands:
 * its agency's state unless it went to review, its review while pending (when its
 * reviewer is known), nothing once returned.
 */
function followUpOf(report: ProgressReport, asked: FollowUp | null): FollowUp | null {
  if (report.review === undefined || report.review === 'accepted') return { kind: 'latest-state' };
  return report.review === 'pending' && asked?.kind === 'review' ? asked : null;
}

/** The audit trail's record of a report: who filed what, when it was received. */
function submittedEntry(report: ProgressReport, actor: Actor): AuditEntry {
  return {
    id: `report:${report.id}`,
    at: report.receivedAt,
    action: 'report.submitted',
    entity: entityOf.task(report.taskId),
    actor,
    before: null,
    after: {
      reportId: report.id,
      agencyId: report.agencyId,
      period: report.period,
      status: report.status,
      percentComplete: report.percentComplete,
      ...(report.review ? { review: report.review } : {}),
    },
  };
}

/** Who filed a stored report: as it records, else (older reports) the caller retrying it. */
function actorOf(report: ProgressReport, caller: Actor): Actor {
  return report.filedBy
    ? { tokenId: report.filedBy.tokenId, agencyId: report.agencyId, person: report.filedBy.person }
    : caller;
}

async function reviewerFor(
  task: Task,
  plan: PlanRecord,
  command: SubmitReportCommand,
  deps: SubmitReportDeps,
): Promise<string> {
  const reporter = await deps.agencies.get(command.agencyId);
  const kinds = new Map<string, Agency['kind']>();
  for (const ref of task.lead) {
    const agency = await deps.agencies.get(ref.id);
    if (agency) kinds.set(ref.id, agency.kind);
  }
  return reviewerOf(task, { id: command.agencyId, kind: reporter?.kind ?? 'other' }, plan, (id) =>
    kinds.get(id),
  );
}

export function progressReported(report: ProgressReport): ProgressReportedV2 {
  return {
    version: '2',
    reportId: report.id,
    taskId: report.taskId,
    agencyId: report.agencyId,
    plan: report.plan,
    sector: report.sector,
    period: report.period,
    timeliness: report.timeliness,
    status: report.status,
    percentComplete: report.percentComplete,
    hasObstacles: report.obstacles.length > 0,
    receivedAt: report.receivedAt,
  };
}
