/**
 * What the submission benchmark reports on: the first 100 leaf tasks of the seed plans
 * alive in the current quarter whose lead includes an agency that may report (not a
 * collective: its members report for it), each reported by that agency with its own token.
 * A level sends over all of them in turn, or over the first alone (every client on one
 * task: its lead's latest state is then rewritten by every report).
 */
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { isTaskAlive } from '#shared/domain/period/task-life.ts';
import { seedPlans } from '../../support/seed-tasks.ts';

export interface ReportedTask {
  taskId: string;
  /** The lead agency that files the reports. */
  agencyId: string;
}

export const TASK_COUNT = 100;

function reportedTasks(now: Date): ReportedTask[] {
  const planPeriods = new Map(seedPlans.plans.map((plan) => [plan.code, plan.period]));
  const kinds = new Map(seedPlans.agencies.map((agency) => [agency.id, agency.kind]));
  const quarter = currentPeriod('quarter', now);
  const tasks: ReportedTask[] = [];
  for (const task of seedPlans.tasks) {
    const planPeriod = planPeriods.get(task.plan);
    if (task.isGroup || !planPeriod || !isTaskAlive(task, planPeriod, quarter)) continue;
    const lead = task.lead.find((ref) => kinds.get(ref.id) !== 'collective');
    if (lead) tasks.push({ taskId: task.id, agencyId: lead.id });
  }
  if (tasks.length < TASK_COUNT) {
    throw new Error(`only ${tasks.length} seed tasks can be reported this quarter`);
  }
  return tasks.slice(0, TASK_COUNT);
}

export const REPORTED_TASKS = reportedTasks(new Date());

/** The tasks a level sends over: all of them, or the first one alone. */
export const tasksOfLevel = (tasks: number): ReportedTask[] => REPORTED_TASKS.slice(0, tasks);

/** The n-th report's request over `tasks`: a new report every time (the key is new). */
export function reportRequest(prefix: string, n: number, tasks: readonly ReportedTask[]) {
  const target = tasks[n % tasks.length] as ReportedTask;
  return {
    agencyId: target.agencyId,
    path: `/tasks/${target.taskId}/reports`,
    idempotencyKey: `${prefix}-${n}`,
    body: JSON.stringify({ status: 'on_track', percentComplete: n % 101 }),
  };
}
