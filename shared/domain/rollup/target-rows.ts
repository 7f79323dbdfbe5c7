/**
 * Each target of each task against plan and against the same period last year, worded
 * as the province's reports word them: "đạt 89,30% kế hoạch", "bằng 89,20% cùng kỳ".
 *
 * The actual is the newest of the snapshot's reports on the task that carries the target
 * key (the lead's before anyone else's). Attainment follows the target's comparator
 * (risk/attainment.ts: a ceiling reads inverted). The same-period ratio is this actual
 * over last year's snapshot's actual for the same task and key; across plans and years,
 * the indicator figures (indicator/figures.ts) are what compares like with like.
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
  /** The task's reports the snapshot counts, oldest first. */
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
  return sources.flatMap(({ task, known }) =>
    task.targets.map((target): TargetRow => {
      const actual = actualOf(task, target.key, known, memberOf);
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
  known: readonly ReportFact[],
  memberOf: Memberships,
): number | null {
  const carrying = known.filter((report) => Object.hasOwn(report.actuals, key));
  const leads = carrying.filter((report) => actsAsLead(task, report.agencyId, memberOf));
  const newest = (leads.length > 0 ? leads : carrying).at(-1);
  return newest?.actuals[key] ?? null;
}
