/**
 * A reminder run, said once for whoever runs it (the schedules `DailyReminders` and
 * `WeeklyDigest`, or an admin's job through runJobs): the run, its metrics, and its entry
 * in the audit trail with who asked. Apart from job-work.ts so that the rollup's
 * functions carry none of the reminders' adapters.
 */
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { recordReminderRun } from '#shared/observability.ts';
import type { AuditLog } from '#shared/use-cases/registry/registry-ports.ts';
import {
  runReminderJob,
  type OnReminderStage,
  type ReminderDeps,
  type ReminderJob,
  type ReminderRun,
} from '#shared/use-cases/reminders/run-reminders.ts';

export interface ReminderWorkDeps {
  reminders: ReminderDeps;
  audit: AuditLog;
}

export interface ReminderWorkRequest {
  job: ReminderJob;
  /** An admin's token, or the schedule. */
  actor: Actor;
  /** The audit entry's id, derived from what asked (the job, the invocation): a retry records once. */
  auditId: string;
}

/** What POST /reminders/runs's job and the schedules return: what the run queued. */
export async function reminderWork(
  request: ReminderWorkRequest,
  deps: ReminderWorkDeps,
  onStage?: OnReminderStage,
): Promise<ReminderRun> {
  const run = await runReminderJob(request.job, deps.reminders, onStage);
  recordReminderRun(run);
  await deps.audit.record({
    id: request.auditId,
    at: deps.reminders.clock.now().toISOString(),
    action: 'reminders.run',
    entity: entityOf.reminders(request.job),
    actor: request.actor,
    before: null,
    after: {
      on: run.on,
      queued: run.messages.filter((message) => message.queued).map((message) => message.id),
      recovered: run.recovered.map((message) => message.id),
      withoutAddress: run.withoutAddress,
    },
  });
  return run;
}
