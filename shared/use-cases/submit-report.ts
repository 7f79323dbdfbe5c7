/**
 * The lead of a task reports progress on it (a coordinating agency files a contribution
 * instead). Order matters, since there are no transactions: the report is written first
 * (conditionally, under an id derived from the request's idempotency key), then the
 * agency's latest state, then the event (whose consumer derives the task's official
 * state from its lead's parts). A retry after any failure redoes the later steps and
 * converges; it republishes the event, which consumers treat idempotently.
 *
 * On a plan that requires approval the report waits for its reviewer instead: it moves
 * nothing until accepted (review-reports.ts).
 */
import { compareIso, todayInProvince } from '#shared/domain/calendar.ts';
import { requireRole } from '#shared/domain/access/task-role.ts';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
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
import type { Clock, EventPublisher, ReportRepository, TaskReader } from './progress-ports.ts';
import type { AuditLog } from './registry/registry-ports.ts';

export interface SubmitReportCommand {
  taskId: string;
  /** From the caller's token, never from the body. */
  agencyId: string;
  /** The agencies the caller acts for: itself and the collectives it belongs to. */
  actsFor: readonly string[];
  /** Stable across retries of the same request. */
  reportId: string;
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
  audit: AuditLog;
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
  const reviewer = plan.requiresApproval ? await reviewerFor(task, plan, command, deps) : null;
  const stored = await deps.reports.saveReport(candidate);
  await deps.audit.record({
    id: `report:${stored.id}`,
    at: stored.receivedAt,
    action: 'report.submitted',
    entity: entityOf.task(task.id),
    actor: command.actor,
    before: null,
    after: {
      reportId: stored.id,
      agencyId: stored.agencyId,
      period: stored.period,
      status: stored.status,
      percentComplete: stored.percentComplete,
      ...(stored.review ? { review: stored.review } : {}),
    },
  });
  if (reviewer !== null && stored.review === 'pending') {
    await deps.reports.awaitReview(stored, reviewer);
    return stored;
  }
  await deps.reports.recordLatest(stored);
  await deps.events.publish([{ detailType: PROGRESS_REPORTED, detail: progressReported(stored) }]);
  return stored;
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
