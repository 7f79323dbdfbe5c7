/** What every risk rule reads: the task, its reports and the day, already digested once. */
import type { IsoDate } from '../../calendar.ts';
import type { Task } from '../../plan/model.ts';
import { RISK_MESSAGES, type RiskCode, type RiskConfig } from '../risk-config.ts';
import type { RiskDetailsByCode, RiskFinding } from '../risk-finding.ts';
import type { LatestReportWithActuals, Memberships } from '../task-state.ts';

export { DUE_KINDS } from '../task-state.ts';

export interface RuleContext {
  task: Task;
  latest: readonly LatestReportWithActuals[];
  /** The day of the task's most recent report (any agency), or null: never reported. */
  lastReportOn: IsoDate | null;
  today: IsoDate;
  config: RiskConfig;
  memberOf: Memberships;
  /** The registry's names of agencies the task's own refs may not name (a lead's members). */
  agencyNames: Readonly<Record<string, string>>;
  /** The task's percent complete (taskPercent), null when nobody reported one. */
  percent: number | null;
  completed: boolean;
}

export type RiskRule = (context: RuleContext) => RiskFinding | null;

export function finding<C extends RiskCode>(code: C, details: RiskDetailsByCode[C]): RiskFinding {
  const message = RISK_MESSAGES[code](details);
  return { code, message, details } as RiskFinding;
}
