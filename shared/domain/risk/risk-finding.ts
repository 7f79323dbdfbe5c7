/**
 * A risk finding: a reason code, its Vietnamese message, and the machine-readable facts
 * behind it (so a dashboard or a notifier need not parse the message).
 */
import type { IsoDate } from '../calendar.ts';
import type { ReportStatus } from '../progress/report.ts';
import type { RiskCode } from './risk-config.ts';

export interface OverdueItem {
  dueOn: IsoDate;
  daysOverdue: number;
  /** The milestone's text, or null for the task's own due date. */
  milestone: string | null;
}

export interface LaggingItem {
  /** The target's key, or null for the task's percent complete. */
  targetKey: string | null;
  /** The target's label, or null for the task's percent complete. */
  label: string | null;
  /** Percent complete, or the target's attainment (% of plan). */
  percent: number;
}

export interface SelfReportedItem {
  agencyId: string;
  agencyName: string;
  status: ReportStatus;
  hasObstacles: boolean;
}

export interface RiskDetailsByCode {
  OVERDUE: { items: OverdueItem[] };
  BEHIND_SCHEDULE: {
    start: IsoDate;
    dueOn: IsoDate;
    /** Share of the task's window gone, 0..100. */
    elapsedPercent: number;
    marginPoints: number;
    lagging: LaggingItem[];
  };
  DUE_SOON: {
    dueOn: IsoDate;
    daysLeft: number;
    /** Null when nobody has reported a percentage yet. */
    percentComplete: number | null;
  };
  NO_RECENT_REPORT:
    | { rule: 'stale'; lastReportOn: IsoDate; daysSinceReport: number }
    | { rule: 'never'; activeSince: IsoDate; daysActive: number }
    | { rule: 'quarter'; quarter: string }
    | { rule: 'period'; recurrence: 'monthly' | 'quarterly' | 'yearly'; period: string };
  SELF_REPORTED: { items: SelfReportedItem[] };
}

export type RiskFinding = {
  [C in RiskCode]: { code: C; message: string; details: RiskDetailsByCode[C] };
}[RiskCode];
