/**
 * An agency's inbox: each task it holds, judged against the current quarter. Overdue
 * first (its due date has passed and it is not done), then due within the quarter, then
 * the rest; and for each, whether the agency still owes its report for the quarter.
 */
import { compareIso, todayInProvince, type DateRange, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import type { LatestReport } from './report.ts';

export const INBOX_STATES = ['overdue', 'due', 'open', 'done'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export interface InboxRow<T extends Pick<Task, 'id' | 'schedule' | 'isGroup'>> {
  task: T;
  /** The agency's own latest report on the task, whenever received. */
  own: LatestReport | null;
  state: InboxState;
  /** Not done, and no report of the agency's received since the quarter began. */
  owesReport: boolean;
}

const isDone = (report: LatestReport | null) =>
  report?.status === 'completed' || report?.status === 'cancelled';

export function inboxRow<T extends Pick<Task, 'id' | 'schedule' | 'isGroup'>>(
  task: T,
  own: LatestReport | null,
  today: IsoDate,
  quarter: DateRange,
): InboxRow<T> {
  const due = task.schedule.due;
  const done = isDone(own);
  const state: InboxState = done
    ? 'done'
    : due !== null && compareIso(due, today) < 0
      ? 'overdue'
      : due !== null && compareIso(due, quarter.end) <= 0
        ? 'due'
        : 'open';
  const reportedThisQuarter =
    own !== null && compareIso(todayInProvince(new Date(own.receivedAt)), quarter.start) >= 0;
  return { task, own, state, owesReport: !done && !reportedThisQuarter };
}

/** The inbox's order: by state, then the earliest due date, then the task id. */
export function inboxOrder<T extends Pick<Task, 'id' | 'schedule' | 'isGroup'>>(
  rows: readonly InboxRow<T>[],
): InboxRow<T>[] {
  const rank = (row: InboxRow<T>) => INBOX_STATES.indexOf(row.state);
  return [...rows]
    .filter((row) => !row.task.isGroup)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        compareIso(a.task.schedule.due ?? '9999-12-31', b.task.schedule.due ?? '9999-12-31') ||
        (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
    );
}
