/**
 * A task's reports as the rollup sees them: the quarter's reports and the task's
 * current latest report, each with the province day it came in, and what was known of
 * the task by a given day.
 */
import { compareIso, todayInProvince, type IsoDate } from '../calendar.ts';
import type { LatestReport, ProgressReport, ReportStatus } from '../progress/report.ts';
import { compareText } from '../risk/order.ts';

/** The part of a report the rollup reads, whether it came as a ProgressReport or a LatestReport. */
export interface ReportFact {
  reportId: string;
  taskId: string;
  agencyId: string;
  status: ReportStatus;
  percentComplete: number;
  period: string;
  receivedAt: string;
  /** The day it came in, in the province. */
  receivedOn: IsoDate;
  /** The actuals it carried; null when unknown (a LatestReport does not carry them). */
  actuals: Record<string, number> | null;
}

export function fromProgressReport(report: ProgressReport): ReportFact {
  return {
    reportId: report.id,
    taskId: report.taskId,
    agencyId: report.agencyId,
    status: report.status,
    percentComplete: report.percentComplete,
    period: report.period,
    receivedAt: report.receivedAt,
    receivedOn: todayInProvince(new Date(report.receivedAt)),
    actuals: report.actuals,
  };
}

export function fromLatestReport(report: LatestReport, taskId: string): ReportFact {
  return {
    reportId: report.reportId,
    taskId,
    agencyId: report.agencyId,
    status: report.status,
    percentComplete: report.percentComplete,
    period: report.period,
    receivedAt: report.receivedAt,
    receivedOn: todayInProvince(new Date(report.receivedAt)),
    actuals: null,
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

/** The reports received on or before `day`, one per id, oldest first. */
export function knownBy(reports: readonly ReportFact[], day: IsoDate): ReportFact[] {
  const byId = new Map<string, ReportFact>();
  for (const report of reports) {
    if (compareIso(report.receivedOn, day) > 0) continue;
    const seen = byId.get(report.reportId);
    // The same report may come twice (as a ProgressReport and as the LatestReport): keep
    // the richer copy, the one with actuals.
    if (!seen || (seen.actuals === null && report.actuals !== null))
      byId.set(report.reportId, report);
  }
  return [...byId.values()].sort(compareOldestFirst);
}

/** Each agency's newest report among `reports` (oldest-first input), keyed by agency. */
export function newestByAgency(reports: readonly ReportFact[]): ReportFact[] {
  const byAgency = new Map<string, ReportFact>();
  for (const report of [...reports].sort(compareOldestFirst)) byAgency.set(report.agencyId, report);
  return [...byAgency.values()].sort((a, b) => compareText(a.agencyId, b.agencyId));
}
