/**
 * A coordinating agency files a contribution to a task. It is checked like a report
 * (the task exists and is current, its plan takes reports, figures name the task's
 * targets) and stored once under an id derived from the request's idempotency key; it
 * moves nothing, and goes to the lead's inbox.
 */
import { requireRole } from '#shared/domain/access/task-role.ts';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import type { Contribution, ContributionSubmission } from '#shared/domain/progress/contribution.ts';
import { reportPeriod } from '#shared/domain/progress/report-period.ts';
import { acceptsReports, planCalendar } from '#shared/domain/registry/plan-record.ts';
import type { ContributionRepository } from './collaboration-ports.ts';
import type { Clock, TaskReader } from './progress-ports.ts';
import type { AuditLog } from './registry/registry-ports.ts';

export interface ContributeCommand {
  taskId: string;
  agencyId: string;
  actsFor: readonly string[];
  /** Stable across retries of the same request. */
  contributionId: string;
  submission: ContributionSubmission;
  actor: Actor;
}

export interface ContributeDeps {
  tasks: TaskReader;
  contributions: ContributionRepository;
  audit: AuditLog;
  clock: Clock;
}

export async function fileContribution(
  command: ContributeCommand,
  deps: ContributeDeps,
): Promise<Contribution> {
  const current = await deps.tasks.getTask(command.taskId);
  if (!current) throw new NotFoundError('task-not-found', `không có nhiệm vụ ${command.taskId}`);
  const { task, plan } = current;
  requireRole(task, command.agencyId, command.actsFor, 'coordinating');
  if (current.retired || !acceptsReports(plan) || task.isGroup) {
    throw new UnprocessableError(
      'task-closed',
      `nhiệm vụ ${task.id} không nhận đóng góp (${current.retired ? 'đã bị loại khỏi kế hoạch' : task.isGroup ? 'là nhóm nhiệm vụ' : `kế hoạch ${plan.status}`})`,
    );
  }
  const now = deps.clock.now();
  const { submission } = command;
  const targets = new Set(task.targets.map((target) => target.key));
  const unknown = Object.keys(submission.actuals).filter((key) => !targets.has(key));
  if (unknown.length > 0) {
    throw new UnprocessableError(
      'unknown-target',
      `nhiệm vụ ${task.id} không có chỉ tiêu ${unknown.join(', ')}`,
      unknown.map((key) => ({
        field: `body.actuals.${key}`,
        reason: 'không phải chỉ tiêu của nhiệm vụ',
      })),
    );
  }
  // The same period rules as a report: begun, and within the task's life.
  const { period } = reportPeriod({
    task,
    planPeriod: plan.period,
    calendar: planCalendar(plan),
    requested: submission.period,
    actualsStatus: undefined,
    receivedAt: now,
  });
  const stored = await deps.contributions.saveContribution(
    {
      id: command.contributionId,
      taskId: task.id,
      agencyId: command.agencyId,
      plan: task.plan,
      period,
      percentComplete: submission.percentComplete ?? null,
      actuals: submission.actuals,
      narrative: submission.narrative,
      obstacles: submission.obstacles,
      proposals: submission.proposals,
      receivedAt: now.toISOString(),
      filedBy: { tokenId: command.actor.tokenId, person: command.actor.person },
    },
    task.lead.map((ref) => ref.id),
  );
  await deps.audit.record({
    id: `contribution:${stored.id}`,
    at: stored.receivedAt,
    action: 'contribution.filed',
    entity: entityOf.task(task.id),
    actor: command.actor,
    before: null,
    after: { contributionId: stored.id, agencyId: stored.agencyId, period: stored.period },
  });
  return stored;
}
