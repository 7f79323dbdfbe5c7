/**
 * Where a task stands at the snapshot's as-of day, in the government's categories:
 *
 *   cancelled                 a holder's newest report says cancelled (and none completed)
 *   completedOnTime / Late    a holder's newest report says completed; late when the report
 *                             that completed it came in (province day) after the due date
 *   noReport                  nobody has reported, and the task has begun (or has no start)
 *   notStarted                nobody has reported and its start is still ahead, or the
 *                             task's own status (the lead's newest report, else anyone's
 *                             newest) is not_started and it is not overdue
 *   overdueNotCompleted       reported, not completed, and the due date has passed
 *   inProgressWithinDeadline  the rest
 *
 * Only deadline and window tasks have a due date here (DUE_KINDS): a recurring or
 * ongoing task is never late. The report that completed a task is the first `completed`
 * of the run its holder is still in (completed, reopened, completed again: the last run).
 */
import { compareIso, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import {
  actsAsLead,
  DUE_KINDS,
  isCancelled,
  isCompleted,
  taskPercent,
  type Memberships,
} from '../risk/task-state.ts';
import { compareOldestFirst, newestByAgency, type ReportFact } from './report-timeline.ts';
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
  const states = newestByAgency(known);
  const { start, due, kind } = task.schedule;
  const deadline = due !== null && DUE_KINDS.has(kind) ? due : null;

  if (isCompleted(states)) {
    const completing = completingReport(known, states);
    const late = deadline !== null && compareIso(completing.receivedOn, deadline) > 0;
    return {
      category: late ? 'completedLate' : 'completedOnTime',
      percentComplete: taskPercent(task, states, memberOf),
    };
  }
  if (isCancelled(states)) return { category: 'cancelled', percentComplete: null };
  if (states.length === 0) {
    const ahead = start !== null && compareIso(start, asOf) > 0;
    return { category: ahead ? 'notStarted' : 'noReport', percentComplete: null };
  }
  const percentComplete = taskPercent(task, states, memberOf);
  if (deadline !== null && compareIso(asOf, deadline) > 0) {
    return { category: 'overdueNotCompleted', percentComplete };
  }
  const leads = states.filter((report) => actsAsLead(task, report.agencyId, memberOf));
  const own = [...(leads.length > 0 ? leads : states)].sort(compareOldestFirst).at(-1);
  const category = own?.status === 'not_started' ? 'notStarted' : 'inProgressWithinDeadline';
  return { category, percentComplete };
}

/** The earliest report that put a holder into the `completed` state it is still in. */
function completingReport(known: readonly ReportFact[], states: readonly ReportFact[]): ReportFact {
  const completedAgencies = new Set(
    states.filter((state) => state.status === 'completed').map((state) => state.agencyId),
  );
  const runStart = new Map<string, ReportFact | null>();
  for (const report of known) {
    if (!completedAgencies.has(report.agencyId)) continue;
    if (report.status !== 'completed') runStart.set(report.agencyId, null);
    else if (!runStart.get(report.agencyId)) runStart.set(report.agencyId, report);
  }
  const starts = [...runStart.values()].filter((report): report is ReportFact => report !== null);
  const [first] = starts.sort(compareOldestFirst);
  if (!first) throw new Error('a completed task has a completing report');
  return first;
}
