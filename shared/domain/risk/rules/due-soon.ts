/**
 * DUE_SOON: the due date is 0..30 days away (0: due today, not yet overdue) and the task
 * is below 75%. A task nobody has reported on counts as below: a deadline closing on
 * work with no known progress is exactly what the office must hear about.
 */
import { daysBetween } from '../days.ts';
import { DUE_KINDS, finding, type RiskRule } from './rule-context.ts';

export const dueSoonRule: RiskRule = ({ task, today, config, percent, completed }) => {
  const { due, kind } = task.schedule;
  if (completed || due === null || !DUE_KINDS.has(kind)) return null;
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0 || daysLeft > config.dueSoonWithinDays) return null;
  if (percent !== null && percent >= config.dueSoonBelowPercent) return null;
  return finding('DUE_SOON', { dueOn: due, daysLeft, percentComplete: percent });
};
