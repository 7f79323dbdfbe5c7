/**
 * Every risk threshold, reason code and Vietnamese message, in one place: tuning a rule
 * or rewording a message never means hunting through the rules.
 *
 * Messages name the specifics (days, dates, percentages) the way the province's
 * documents print them: dates dd/mm/yyyy, decimals with a comma.
 */
import type { ReportStatus } from '../progress/report.ts';
import type { RiskDetailsByCode } from './risk-finding.ts';
import { formatVnDate, formatVnPercent, formatVnPeriod } from './vn-format.ts';

/** The codes, in the fixed order every list of reasons follows. */
export const RISK_CODES = [
  'OVERDUE',
  'BEHIND_SCHEDULE',
  'DUE_SOON',
  'NO_RECENT_REPORT',
  'SELF_REPORTED',
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export interface RiskConfig {
  /** BEHIND_SCHEDULE when the share of time gone exceeds progress by MORE than this. */
  behindScheduleMarginPoints: number;
  /** DUE_SOON when the due date is 0..this many days away… */
  dueSoonWithinDays: number;
  /** …and the task is below this percent complete. */
  dueSoonBelowPercent: number;
  /** NO_RECENT_REPORT when the last report is at least this many days old. */
  noReportAfterDays: number;
  /** NO_RECENT_REPORT when the quarter has no report and MORE than this share of it is gone. */
  noReportQuarterShare: number;
  /** Statuses by which an agency says, itself, that the task is in trouble. */
  selfReportedStatuses: readonly ReportStatus[];
}

export const DEFAULT_RISK_CONFIG: Readonly<RiskConfig> = Object.freeze({
  behindScheduleMarginPoints: 25,
  dueSoonWithinDays: 30,
  dueSoonBelowPercent: 75,
  noReportAfterDays: 45,
  noReportQuarterShare: 0.5,
  selfReportedStatuses: Object.freeze(['at_risk', 'delayed'] as const),
});

const STATUS_WORDS: Partial<Record<ReportStatus, string>> = {
  at_risk: 'có nguy cơ chậm',
  delayed: 'chậm tiến độ',
};

const RECURRENCE_WORDS = { monthly: 'hàng tháng', quarterly: 'hàng quý', yearly: 'hàng năm' };

const quote = (text: string) => `“${text}”`;

/** The Vietnamese message of each reason, built from its details. */
export const RISK_MESSAGES: { [C in RiskCode]: (details: RiskDetailsByCode[C]) => string } = {
  OVERDUE: ({ items }) =>
    items
      .map((item) => {
        const what = item.milestone === null ? '' : ` mốc ${quote(item.milestone)}`;
        return `Quá hạn ${item.daysOverdue} ngày${what} (hạn ${formatVnDate(item.dueOn)})`;
      })
      .join('; '),

  BEHIND_SCHEDULE: ({ elapsedPercent, lagging }) => {
    const parts = lagging.map((item) =>
      item.label === null
        ? `mới hoàn thành ${formatVnPercent(item.percent)}%`
        : `chỉ tiêu ${quote(item.label)} mới đạt ${formatVnPercent(item.percent)}% kế hoạch`,
    );
    return `Chậm tiến độ: đã qua ${formatVnPercent(elapsedPercent)}% thời gian thực hiện, ${parts.join('; ')}`;
  },

  DUE_SOON: ({ dueOn, daysLeft, percentComplete }) => {
    const when =
      daysLeft === 0
        ? `Đến hạn hôm nay (${formatVnDate(dueOn)})`
        : `Sắp đến hạn: còn ${daysLeft} ngày (hạn ${formatVnDate(dueOn)})`;
    const progress =
      percentComplete === null
        ? 'chưa có báo cáo tiến độ'
        : `mới hoàn thành ${formatVnPercent(percentComplete)}%`;
    return `${when}, ${progress}`;
  },

  NO_RECENT_REPORT: (details) => {
    switch (details.rule) {
      case 'stale':
        return `Không có báo cáo mới trong ${details.daysSinceReport} ngày (báo cáo gần nhất ngày ${formatVnDate(details.lastReportOn)})`;
      case 'never':
        return `Chưa có báo cáo nào sau ${details.daysActive} ngày thực hiện (từ ${formatVnDate(details.activeSince)})`;
      case 'quarter':
        return `Chưa có báo cáo nào trong ${formatVnPeriod(details.quarter)} dù đã qua quá nửa quý`;
      case 'period':
        return `Chưa có báo cáo ${formatVnPeriod(details.period)} (nhiệm vụ thực hiện ${RECURRENCE_WORDS[details.recurrence]})`;
    }
  },

  SELF_REPORTED: ({ items }) =>
    'Đơn vị báo cáo khó khăn: ' +
    items
      .map((item) => {
        const words = [STATUS_WORDS[item.status], item.hasObstacles ? 'có vướng mắc' : undefined];
        return `${item.agencyName} ${words.filter(Boolean).join(', ')}`;
      })
      .join('; '),
};

const RANK: ReadonlyMap<string, number> = new Map(RISK_CODES.map((code, index) => [code, index]));

/** Sort comparator on codes: known codes in RISK_CODES order, unknown ones after, by name. */
export function compareRiskCodes(a: string, b: string): number {
  const rankA = RANK.get(a) ?? RISK_CODES.length;
  const rankB = RANK.get(b) ?? RISK_CODES.length;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}
