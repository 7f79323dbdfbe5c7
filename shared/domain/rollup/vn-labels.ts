/**
 * The words a Vietnamese official reads for the snapshot's machine values: categories,
 * statuses, cut-offs, sectors, comparators. Every document (CSV, Excel, Word) takes them
 * from here.
 */
import { SECTOR_LABELS } from '../indicator/wording.ts';
import type { COMPARATORS, Sector } from '../plan/model.ts';
import type { ReportingCutoff } from '../period/data-window.ts';
import type { ReportStatus } from '../progress/report.ts';
import type { SectorSnapshot, TaskCategory } from './snapshot-schema.ts';

/** The government's categories of task progress, as the province's reports name them. */
export const TASK_CATEGORY_LABELS: Readonly<Record<TaskCategory, string>> = {
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressWithinDeadline: 'Đang thực hiện trong hạn',
  overdueNotCompleted: 'Quá hạn chưa hoàn thành',
  notStarted: 'Chưa triển khai',
  noReport: 'Chưa báo cáo',
  cancelled: 'Đã hủy',
};

/** A report's status as the agency chooses it on the report form. */
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  not_started: 'Chưa triển khai',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  delayed: 'Chậm tiến độ',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

export const SNAPSHOT_STATUS_LABELS: Readonly<Record<SectorSnapshot['status'], string>> = {
  preliminary: 'Sơ bộ',
  official: 'Chính thức',
};

export const CUTOFF_LABELS: Readonly<Record<ReportingCutoff, string>> = {
  calendar: 'Theo kỳ dương lịch',
  'decree-09-2019': 'Theo Nghị định 09/2019/NĐ-CP',
};

export const COMPARATOR_LABELS: Readonly<Record<(typeof COMPARATORS)[number], string>> = {
  gte: 'Tối thiểu',
  gt: 'Trên',
  lte: 'Tối đa',
  eq: 'Bằng',
};

/** A sector as a heading or a table cell names it: "Nông, lâm nghiệp và thủy sản". */
export function sectorHeading(sector: Sector): string {
  const label = SECTOR_LABELS[sector];
  return label.charAt(0).toUpperCase() + label.slice(1);
}
