/**
 * OVERDUE: a due date has passed in the province. A task is overdue from the day AFTER
 * its due date (due 2026-09-30: not overdue on 30/09, overdue on 01/10), since the due
 * date ends at the province's midnight.
 *
 * Due dates are the schedule's `due` for deadline and window tasks (for recurring and
 * ongoing tasks `due` only closes the window the duty recurs in: passing it ends the
 * duty, it does not make it late), and every milestone's `due`. Milestones are kept
 * simple: a milestone whose date has passed while the task is below 100% names itself
 * as overdue, whatever the milestone's own share of the work.
 */
import { compareIso } from '../../calendar.ts';
import { daysBetween } from '../days.ts';
import { compareText } from '../order.ts';
import type { OverdueItem } from '../risk-finding.ts';
import { DUE_KINDS, finding, type RiskRule } from './rule-context.ts';

export const overdueRule: RiskRule = ({ task, today, percent, completed }) => {
  if (completed) return null;
  const items: OverdueItem[] = [];
  const { due, kind } = task.schedule;
  if (due !== null && DUE_KINDS.has(kind)) {
    const days = daysBetween(due, today);
    if (days > 0) items.push({ dueOn: due, daysOverdue: days, milestone: null });
  }
  if ((percent ?? 0) < 100) {
    for (const milestone of task.milestones) {
      if (milestone.due === null) continue;
      const days = daysBetween(milestone.due, today);
      if (days > 0)
        items.push({ dueOn: milestone.due, daysOverdue: days, milestone: milestone.text });
    }
  }
  if (items.length === 0) return null;
  items.sort(
    (a, b) =>
      compareIso(a.dueOn, b.dueOn) ||
      Number(a.milestone !== null) - Number(b.milestone !== null) ||
      compareText(a.milestone ?? '', b.milestone ?? ''),
  );
  return finding('OVERDUE', { items });
};
