/**
 * Where a task stands at the snapshot's as-of day, in the government's categories:
 *
 *   completedOnTime / Late    every part of the lead says completed (task-state.ts); late
 *                             when the report that completed it came in (province day)
 *                             after the due date
 *   cancelled                 every part of the lead says cancelled
 *   noReport                  no part of the lead has reported, and the task has begun (or
 *                             has no start)
 *   notStarted                no part has reported and its start is still ahead, or the
 *                             lead's status is not_started and it is not overdue
 *   overdueNotCompleted       reported, not completed, and the due date has passed
 *   inProgressWithinDeadline  the rest
 *
 * Only the lead's reports count: a coordinating agency's contribution never moves a task.
 * Only deadline and window tasks have a due date here (DUE_KINDS): a recurring or
 * ongoing task is never late. The report that completed a task is the last part's first
 * `completed` of the run it is still in (completed, reopened, completed again: the last run).
 */
import { compareIso, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import {
  DUE_KINDS,
  isCancelled,
  isCompleted,
  leadParts,
  newestByPart,
  officialStatus,
  partOf,
  taskPercent,
  type Memberships,
} from '../risk/task-state.ts';
import { compareOldestFirst, type ReportFact } from './report-timeline.ts';
import type { TaskCategory } from './snapshot-schema.ts';

export interface TaskOutcome {
  category: TaskCategory;
  /** The task's percent complete (the lead's), null when unreported or cancelled. */
  percentComplete: number | null;
}

/** `known`: the task's reports known by `asOf`, oldest first. */
export function taskOutcome(
  task: Task,
  known: readonly ReportFact[],
  asOf: IsoDate,
  memberOf: Memberships,
): TaskOutcome {
  const states = [...newestByPart(task, known, memberOf).values()];
  const { start, due, kind } = task.schedule;
  const deadline = due !== null && DUE_KINDS.has(kind) ? due : null;

  if (isCompleted(task, known, memberOf)) {
    const completing = completingReport(task, known, memberOf);
    const late = deadline !== null && compareIso(completing.receivedOn, deadline) > 0;
    return {
      category: late ? 'completedLate' : 'completedOnTime',
      percentComplete: taskPercent(task, known, memberOf),
    };
  }
  if (isCancelled(task, known, memberOf)) return { category: 'cancelled', percentComplete: null };
  if (states.length === 0) {
    const ahead = start !== null && compareIso(start, asOf) > 0;
    return { category: ahead ? 'notStarted' : 'noReport', percentComplete: null };
  }
  const percentComplete = taskPercent(task, known, memberOf);
  if (deadline !== null && compareIso(asOf, deadline) > 0) {
    return { category: 'overdueNotCompleted', percentComplete };
  }
  const status = officialStatus(task, known, memberOf);
  const category = status === 'not_started' ? 'notStarted' : 'inProgressWithinDeadline';
  return { category, percentComplete };
}

/**
 * The report that completed the task: for each part of the lead, the first report of the
 * `completed` run it is still in; of those, the last (the task was done when the last part
 * was).
 */
function completingReport(
  task: Task,
  known: readonly ReportFact[],
  memberOf: Memberships,
): ReportFact {
  const parts = leadParts(task, memberOf);
  const runStart = new Map<string, ReportFact | null>();
  for (const report of [...known].sort(compareOldestFirst)) {
    const part = partOf(parts, report.agencyId, memberOf);
    if (!part) continue;
    if (report.status !== 'completed') runStart.set(part.agencyId, null);
    else if (!runStart.get(part.agencyId)) runStart.set(part.agencyId, report);
  }
  const starts = [...runStart.values()].filter((report): report is ReportFact => report !== null);
  const last = starts.sort(compareOldestFirst).at(-1);
  if (!last) throw new Error('a completed task has a completing report');
  return last;
}
