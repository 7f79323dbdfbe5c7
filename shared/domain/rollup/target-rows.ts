/**
 * Each target of each task against plan and against the same quarter last year, worded
 * as the province's reports word them: "đạt 89,30% kế hoạch", "bằng 89,20% cùng kỳ".
 *
 * The actual is the task's latest for the target key: its current latest actuals when
 * the current latest report was known by the as-of day, else the newest report known by
 * then that carries the key (the lead's before anyone else's). Attainment follows the
 * target's comparator (risk/attainment.ts: a ceiling reads inverted). The same-quarter
 * ratio is this actual over last year's snapshot's actual for the same task and key.
 */
import type { Task } from '../plan/model.ts';
import { attainmentPhrase, yearOnYearPhrase } from '../indicator/wording.ts';
import { attainment, targetMet } from '../risk/attainment.ts';
import { percentOf, roundDecimal } from '../risk/decimal.ts';
import { actsAsLead, type Memberships } from '../risk/task-state.ts';
import type { ReportFact } from './report-timeline.ts';
import type { SectorSnapshot, TargetRow } from './snapshot-schema.ts';

export interface TargetSource {
  task: Task;
  /** The task's current latest actuals, or null when they were not known by the as-of day. */
  latestActuals: Readonly<Record<string, number>> | null;
  /** The task's reports known by the as-of day, oldest first. */
  known: readonly ReportFact[];
}

export function targetRows(
  sources: readonly TargetSource[],
  previousYear: SectorSnapshot | null,
  memberOf: Memberships,
): TargetRow[] {
  const lastYear = new Map(
    (previousYear?.targets ?? []).map((row) => [`${row.taskId}\u0000${row.key}`, row.actual]),
  );
  return sources.flatMap(({ task, latestActuals, known }) =>
    task.targets.map((target): TargetRow => {
      const actual = actualOf(task, target.key, latestActuals, known, memberOf);
      const reached = actual === null ? null : attainment(target, actual);
      const attained = reached === null ? null : roundDecimal(reached);
      const lastYearActual = lastYear.get(`${task.id}\u0000${target.key}`) ?? null;
      const ratio =
        actual === null || lastYearActual === null ? null : percentOf(actual, lastYearActual);
      return {
        taskId: task.id,
        key: target.key,
        label: target.label,
        unit: target.unit,
        comparator: target.comparator,
        plan: target.value,
        actual,
        attainment: attained,
        attainmentText: attained === null ? null : attainmentPhrase(attained),
        met: actual === null ? null : targetMet(target, actual),
        lastYearActual,
        sameQuarterLastYear: ratio,
        sameQuarterLastYearText: ratio === null ? null : yearOnYearPhrase(ratio),
      };
    }),
  );
}

function actualOf(
  task: Task,
  key: string,
  latestActuals: Readonly<Record<string, number>> | null,
  known: readonly ReportFact[],
  memberOf: Memberships,
): number | null {
  if (latestActuals !== null && Object.hasOwn(latestActuals, key))
    return latestActuals[key] ?? null;
  const carrying = known.filter(
    (report) => report.actuals !== null && Object.hasOwn(report.actuals, key),
  );
  const leads = carrying.filter((report) => actsAsLead(task, report.agencyId, memberOf));
  const newest = (leads.length > 0 ? leads : carrying).at(-1);
  return newest?.actuals?.[key] ?? null;
}
