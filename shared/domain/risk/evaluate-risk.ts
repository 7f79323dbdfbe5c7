/**
 * Whether a task is at risk, and why: the rules of rules/*.ts applied to the task's
 * current state. Pure: the day is a parameter (`today`, in Asia/Ho_Chi_Minh), and the
 * result depends on the set of reports, not on their order.
 *
 * - Group tasks are never evaluated: their children are.
 * - A task is completed when every part of its lead says `completed` (task-state.ts);
 *   completed tasks keep only SELF_REPORTED (see rules/self-reported.ts). A task every
 *   part of whose lead says `cancelled` carries no risk.
 * - The task's percent complete is its lead's (task-state.ts).
 * - Reasons come one per code, in the fixed RISK_CODES order.
 */
import { compareIso, todayInProvince, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import type { RiskReason } from '../progress/task-view.ts';
import { compareRiskCodes, DEFAULT_RISK_CONFIG, type RiskConfig } from './risk-config.ts';
import type { RiskFinding } from './risk-finding.ts';
import { behindScheduleRule } from './rules/behind-schedule.ts';
import { dueSoonRule } from './rules/due-soon.ts';
import { noRecentReportRule } from './rules/no-recent-report.ts';
import { overdueRule } from './rules/overdue.ts';
import type { RiskRule, RuleContext } from './rules/rule-context.ts';
import { selfReportedRule } from './rules/self-reported.ts';
import {
  isCancelled,
  isCompleted,
  leadParts,
  partOf,
  taskPercent,
  type LatestReportWithActuals,
  type Memberships,
} from './task-state.ts';

export interface EvaluateRiskInput {
  task: Task;
  /** Each agency's latest report on the task, with its actuals. */
  latest: readonly LatestReportWithActuals[];
  /** The day the task's most recent report came in (any agency), or null. */
  lastReportOn: IsoDate | null;
  /** The date in the province. */
  today: IsoDate;
  config?: RiskConfig;
  /** Agency → collectives it belongs to, so a commune's report counts as its collective's. */
  memberOf?: Memberships;
  /** The registry's names, for agencies the task's refs do not name. */
  agencyNames?: Readonly<Record<string, string>>;
}

const RULES: readonly RiskRule[] = [
  overdueRule,
  behindScheduleRule,
  dueSoonRule,
  noRecentReportRule,
  selfReportedRule,
];

/** The findings with their machine-readable details, in RISK_CODES order. */
export function evaluateRiskFindings(input: EvaluateRiskInput): RiskFinding[] {
  const { task } = input;
  const memberOf = input.memberOf ?? {};
  // Only the lead's reports speak for the task (contributions never reach here; older
  // reports of coordinating agencies are ignored the same way).
  const parts = leadParts(task, memberOf);
  const latest = input.latest.filter((report) => partOf(parts, report.agencyId, memberOf));
  if (task.isGroup || isCancelled(task, latest, memberOf)) return [];
  const context: RuleContext = {
    task,
    latest,
    lastReportOn: lastReportDay(input.lastReportOn, latest),
    today: input.today,
    config: input.config ?? DEFAULT_RISK_CONFIG,
    memberOf,
    agencyNames: input.agencyNames ?? {},
    percent: taskPercent(task, latest, memberOf),
    completed: isCompleted(task, latest, memberOf),
  };
  return RULES.map((rule) => rule(context))
    .filter((found): found is RiskFinding => found !== null)
    .sort((a, b) => compareRiskCodes(a.code, b.code));
}

export function evaluateRisk(input: EvaluateRiskInput): RiskReason[] {
  return toRiskReasons(evaluateRiskFindings(input));
}

export function toRiskReasons(findings: readonly RiskFinding[]): RiskReason[] {
  return findings.map(({ code, message }) => ({ code, message }));
}

/**
 * The later of `lastReportOn` and the days the latest reports came in: the caller's
 * figure may lag the reports it passes beside it, and a report in hand is a report.
 */
function lastReportDay(lastReportOn: IsoDate | null, latest: readonly LatestReportWithActuals[]) {
  let last = lastReportOn;
  for (const report of latest) {
    const day = todayInProvince(new Date(report.receivedAt));
    if (last === null || compareIso(day, last) > 0) last = day;
  }
  return last;
}
