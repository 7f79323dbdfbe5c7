/**
 * A task's life: the days in which it counts in a period's figures. A task is alive in a
 * period when its life shares a day with the period, so a task of a plan issued in July
 * 2026 is absent from 2024-Q2, and a task completed in August is absent from Q4.
 *
 * Its life starts on the later of its plan's start and its schedule's start, and ends on
 * the earliest of its plan's end, the day it was completed or cancelled (`endedOn`: not
 * ended before a period began means alive in it), and, for a schedule whose due date
 * closes a window (recurring, ongoing, conditional, unspecified), that due date.
 *
 * A deadline or window task (risk/task-state.ts `DUE_KINDS`) outlives its due date while
 * unfinished: it is then overdue, which is what the figures of the following periods must
 * show, until its plan ends. A task finished before its scheduled start lived until that
 * day: its completion counts in the period it happened in.
 */
import { compareIso, type DateRange, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import { DUE_KINDS } from '../risk/task-state.ts';
import type { Period } from './period.ts';
import { periodRange, rangesOverlap } from './period-span.ts';

export type LivingTask = Pick<Task, 'schedule'>;

/** The first and last day the task counts, or null when it never does. */
export function taskLifespan(
  task: LivingTask,
  planPeriod: DateRange,
  endedOn: IsoDate | null = null,
): DateRange | null {
  const { start, due } = task.schedule;
  let first = latest(planPeriod.start, start);
  let last = planPeriod.end;
  if (due !== null && !DUE_KINDS.has(task.schedule.kind)) last = earliest(last, due);
  if (endedOn !== null) {
    last = earliest(last, endedOn);
    if (compareIso(endedOn, first) < 0) first = latest(planPeriod.start, endedOn);
  }
  return compareIso(first, last) <= 0 ? { start: first, end: last } : null;
}

/** Whether the task counts in `period` (see the top of this file). */
export function isTaskAlive(
  task: LivingTask,
  planPeriod: DateRange,
  period: Period,
  endedOn: IsoDate | null = null,
): boolean {
  const life = taskLifespan(task, planPeriod, endedOn);
  return life !== null && rangesOverlap(life, periodRange(period));
}

function latest(a: IsoDate, b: IsoDate | null): IsoDate {
  return b !== null && compareIso(b, a) > 0 ? b : a;
}

function earliest(a: IsoDate, b: IsoDate): IsoDate {
  return compareIso(b, a) < 0 ? b : a;
}
