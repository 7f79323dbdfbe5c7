/**
 * BEHIND_SCHEDULE: the share of the task's time gone runs ahead of its progress by more
 * than the margin. Only deadline and window tasks with both a start and a due date have
 * a time line to measure against (recurring and ongoing work has no percentage to reach).
 *
 * Elapsed share = (today − start) / (due − start) in days, clamped to 0..100. Progress is
 * the task's percent complete and, separately, each target's attainment (attainment.ts;
 * a ceiling target reads inverted). A task nobody has reported on has no known progress:
 * NO_RECENT_REPORT says so, this rule does not guess 0%.
 */
import { attainment } from '../attainment.ts';
import { daysBetween } from '../days.ts';
import { roundDecimal } from '../decimal.ts';
import type { LaggingItem } from '../risk-finding.ts';
import { latestActual } from '../task-state.ts';
import { DUE_KINDS, finding, type RiskRule } from './rule-context.ts';

export const behindScheduleRule: RiskRule = (context) => {
  const { task, today, config, percent, completed } = context;
  const { start, due, kind } = task.schedule;
  if (completed || start === null || due === null || !DUE_KINDS.has(kind)) return null;

  const total = daysBetween(start, due);
  const gone = daysBetween(start, today);
  // Multiplying first keeps whole-number shares exact: 50 days of 100 is 50, not 50.000…1.
  const share = total > 0 ? (gone * 100) / total : gone >= 0 ? 100 : 0;
  const elapsed = Math.min(100, Math.max(0, share));
  const margin = config.behindScheduleMarginPoints;

  const lagging: LaggingItem[] = [];
  if (percent !== null && elapsed - percent > margin) {
    lagging.push({ targetKey: null, label: null, percent });
  }
  for (const target of task.targets) {
    const actual = latestActual(task, context.latest, target.key, context.memberOf);
    const reached = actual === null ? null : attainment(target, actual);
    if (reached !== null && elapsed - reached > margin) {
      lagging.push({ targetKey: target.key, label: target.label, percent: roundDecimal(reached) });
    }
  }
  if (lagging.length === 0) return null;
  return finding('BEHIND_SCHEDULE', {
    start,
    dueOn: due,
    elapsedPercent: roundDecimal(elapsed),
    marginPoints: margin,
    lagging,
  });
};
