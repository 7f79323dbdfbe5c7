/**
 * An agency reports progress on a task. Order matters, since there are no transactions:
 * the report is written first (conditionally, under an id derived from the request's
 * idempotency key), then the task's latest state, then the event. A retry after any
 * failure redoes the later steps and converges; it republishes the event, which
 * consumers treat idempotently.
 */
import { compareIso, todayInProvince } from '#shared/domain/calendar.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/plan/model.ts';
import { acceptsReports } from '#shared/domain/registry/plan-record.ts';
import {
  currentQuarter,
  periodRange,
  quarterOfPeriod,
  type ProgressReport,
  type ReportSubmission,
} from '#shared/domain/progress/report.ts';
import { PROGRESS_REPORTED, type ProgressReportedV1 } from '#shared/events/progress-reported.ts';
import type { Clock, EventPublisher, ReportRepository, TaskReader } from './progress-ports.ts';

export interface SubmitReportCommand {
  taskId: string;
  /** From the caller's token, never from the body. */
  agencyId: string;
  /** The agencies the caller acts for: itself and the collectives it belongs to. */
  actsFor: readonly string[];
  /** The person filing it, when a person rather than a machine token does. */
  person?: string | null;
  /** Stable across retries of the same request. */
  reportId: string;
  submission: ReportSubmission;
}

export interface SubmitReportDeps {
  tasks: TaskReader;
  reports: ReportRepository;
  events: EventPublisher;
  clock: Clock;
}

export function holdsTask(task: Task, actsFor: readonly string[]): boolean {
  const holders = new Set([...task.lead, ...task.coordinating].map((ref) => ref.id));
  return actsFor.some((id) => holders.has(id));
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
  if (submission.period && compareIso(periodRange(submission.period).start, today) > 0) {
    throw new UnprocessableError('future-period', `period ${submission.period} has not begun`, [
      { field: 'body.period', reason: 'has not begun' },
    ]);
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
  if (!holdsTask(task, command.actsFor)) {
    throw new ForbiddenError(
      'not-task-holder',
      `agency ${command.agencyId} neither leads nor coordinates task ${task.id}`,
    );
  }
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

  const period = submission.period ?? currentQuarter(now);
  const candidate: ProgressReport = {
    id: command.reportId,
    taskId: task.id,
    agencyId: command.agencyId,
    person: command.person ?? null,
    plan: task.plan,
    sector: task.sector,
    period,
    quarter: quarterOfPeriod(period),
    status: submission.status,
    percentComplete: submission.percentComplete,
    actuals: submission.actuals,
    narrative: submission.narrative,
    obstacles: submission.obstacles,
    proposals: submission.proposals,
    asOf: submission.asOf ?? today,
    receivedAt: now.toISOString(),
  };
  const stored = await deps.reports.saveReport(candidate);
  await deps.reports.recordLatest(stored);
  await deps.events.publish([{ detailType: PROGRESS_REPORTED, detail: progressReported(stored) }]);
  return stored;
}

function progressReported(report: ProgressReport): ProgressReportedV1 {
  return {
    version: '1',
    reportId: report.id,
    taskId: report.taskId,
    agencyId: report.agencyId,
    plan: report.plan,
    sector: report.sector,
    period: report.period,
    quarter: report.quarter,
    status: report.status,
    percentComplete: report.percentComplete,
    hasObstacles: report.obstacles.length > 0,
    receivedAt: report.receivedAt,
  };
}
