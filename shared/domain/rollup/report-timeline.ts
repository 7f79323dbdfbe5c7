/**
 * A task's reports as the rollup sees them: those describing the snapshot's period (or a
 * period inside it), each with the province day it came in, in one total order.
 */
import { todayInProvince, type IsoDate } from '../calendar.ts';
import type { Timeliness } from '../period/reporting-calendar.ts';
import type { ProgressReport, ReportStatus } from '../progress/report.ts';
import { compareText } from '../risk/order.ts';

/** The part of a report the rollup reads. */
export interface ReportFact {
  reportId: string;
  taskId: string;
  agencyId: string;
  status: ReportStatus;
  percentComplete: number;
  /** The period it describes. */
  period: string;
  receivedAt: string;
  /** The day it came in, in the province. */
  receivedOn: IsoDate;
  timeliness: Timeliness;
  actuals: Record<string, number>;
}

/** What the rollup reads of a stored report: the fact, and whether it counts (its review). */
export type ReportSource = Pick<
  ProgressReport,
  | 'id'
  | 'taskId'
  | 'agencyId'
  | 'status'
  | 'percentComplete'
  | 'period'
  | 'receivedAt'
  | 'timeliness'
  | 'actuals'
  | 'review'
>;

/** The attributes of a report the rollup reads, said once for the store's projection. */
export const REPORT_SOURCE_FIELDS = [
  'id',
  'taskId',
  'agencyId',
  'status',
  'percentComplete',
  'period',
  'receivedAt',
  'timeliness',
  'actuals',
  'review',
] as const satisfies readonly (keyof ReportSource)[];

export function fromProgressReport(report: ReportSource): ReportFact {
  return {
    reportId: report.id,
    taskId: report.taskId,
    agencyId: report.agencyId,
    status: report.status,
    percentComplete: report.percentComplete,
    period: report.period,
    receivedAt: report.receivedAt,
    receivedOn: todayInProvince(new Date(report.receivedAt)),
    timeliness: report.timeliness,
    actuals: report.actuals,
  };
}

/** Earlier first, by instant, then by id: a total order, whatever order reports arrive in. */
export function compareOldestFirst(a: ReportFact, b: ReportFact): number {
  return (
    Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
    compareText(a.receivedAt, b.receivedAt) ||
    compareText(a.reportId, b.reportId)
  );
}

/** Each agency's newest report among `reports`, keyed by agency. */
export function newestByAgency(reports: readonly ReportFact[]): ReportFact[] {
  const byAgency = new Map<string, ReportFact>();
  for (const report of [...reports].sort(compareOldestFirst)) byAgency.set(report.agencyId, report);
  return [...byAgency.values()].sort((a, b) => compareText(a.agencyId, b.agencyId));
}
