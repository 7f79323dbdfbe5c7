/** What every risk rule reads: the task, its reports and the day, already digested once. */
import type { IsoDate } from '../../calendar.ts';
import type { Task } from '../../plan/model.ts';
import { RISK_MESSAGES, type RiskCode, type RiskConfig } from '../risk-config.ts';
import type { RiskDetailsByCode, RiskFinding } from '../risk-finding.ts';
import type { LatestReportWithActuals, Memberships } from '../task-state.ts';

export interface RuleContext {
  task: Task;
  latest: readonly LatestReportWithActuals[];
  /** The day of the task's most recent report (any agency), or null: never reported. */
  lastReportOn: IsoDate | null;
  today: IsoDate;
  config: RiskConfig;
  memberOf: Memberships;
  /** The task's percent complete (taskPercent), null when nobody reported one. */
  percent: number | null;
  completed: boolean;
}

export type RiskRule = (context: RuleContext) => RiskFinding | null;

/** Schedule kinds whose `due` is a date the work must be done by. */
export const DUE_KINDS: ReadonlySet<Task['schedule']['kind']> = new Set(['deadline', 'window']);

export function finding<C extends RiskCode>(code: C, details: RiskDetailsByCode[C]): RiskFinding {
  const message = RISK_MESSAGES[code](details);
  return { code, message, details } as RiskFinding;
}
