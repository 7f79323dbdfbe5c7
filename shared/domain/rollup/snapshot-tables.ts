/**
 * The snapshot's tables, built once for every spreadsheet the province opens (CSV and
 * Excel render the same model): summary counts in the government's categories, reporting
 * per agency, targets, tasks at risk, and the province's indicator figures.
 *
 * Everything a person reads is Vietnamese: headers, periods ("Quý III/2026"), sectors,
 * categories, statuses, agency names (never ids). Each cell carries its kind, so the
 * renderers keep numbers as numbers, percentages as percentage points (89.3 is 89,3 %,
 * the header says "(%)"), days as days and instants on the province's clock.
 */
import { provinceDateTime, type ClockTime, type IsoDate } from '../calendar.ts';
import type { IndicatorFigure } from '../indicator/figures.ts';
import { requirePeriod } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import {
  agencyNamer,
  figuresOfSectors,
  orderedSnapshots,
  type RollupDocumentInput,
} from './document-input.ts';
import { TASK_CATEGORIES, type SectorSnapshot } from './snapshot-schema.ts';
import {
  COMPARATOR_LABELS,
  CUTOFF_LABELS,
  SNAPSHOT_STATUS_LABELS,
  TASK_CATEGORY_LABELS,
  sectorHeading,
} from './vn-labels.ts';

export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** Percentage points: 89.3 is 89,3 %. */
  | { kind: 'percent'; value: number }
  /** A calendar day in the province. */
  | { kind: 'date'; value: IsoDate }
  /** An instant, on the province's clock. */
  | { kind: 'dateTime'; value: { date: IsoDate; time: ClockTime } }
  | null;

export interface DataTable {
  /** The CSV section's title and the Excel sheet's name (31 characters at most). */
  title: string;
  headers: string[];
  rows: Cell[][];
}

const text = (value: string | null): Cell => (value === null ? null : { kind: 'text', value });
const number = (value: number | null): Cell => (value === null ? null : { kind: 'number', value });
const percent = (value: number | null): Cell =>
  value === null ? null : { kind: 'percent', value };
const date = (value: IsoDate): Cell => ({ kind: 'date', value });
const dateTime = (instant: string | null): Cell =>
  instant === null ? null : { kind: 'dateTime', value: provinceDateTime(new Date(instant)) };

const snapshotKey = (s: SectorSnapshot): Cell[] => [text(s.label), text(sectorHeading(s.sector))];

/** The five tables, in the order the documents show them. */
export function snapshotTables(input: RollupDocumentInput): DataTable[] {
  const snapshots = orderedSnapshots(input.snapshots);
  const agencyName = agencyNamer(input);
  return [
    summary(snapshots),
    reporting(snapshots),
    targets(snapshots),
    atRisk(snapshots, agencyName),
    indicatorFigures(figuresOfSectors(input).flatMap(figureRows)),
  ];
}

function summary(snapshots: readonly SectorSnapshot[]): DataTable {
  return {
    title: 'Tổng hợp',
    headers: [
      'Kỳ',
      'Lĩnh vực',
      'Cách chốt số liệu',
      'Từ ngày',
      'Đến ngày',
      'Đánh giá đến ngày',
      'Số liệu',
      'Lần tổng hợp',
      'Số nhiệm vụ',
      ...TASK_CATEGORIES.map((category) => TASK_CATEGORY_LABELS[category]),
      'Tiến độ bình quân (%)',
      'Số báo cáo',
      'Báo cáo gần nhất lúc',
      'Tổng hợp lúc',
    ],
    rows: snapshots.map((s) => [
      ...snapshotKey(s),
      text(CUTOFF_LABELS[s.cutoff]),
      date(s.window.start),
      date(s.window.end),
      date(s.asOf),
      text(SNAPSHOT_STATUS_LABELS[s.status]),
      number(s.revision),
      number(s.basis.tasks),
      ...TASK_CATEGORIES.map((category) => number(s.counts[category])),
      percent(s.averagePercentComplete),
      number(s.basis.reports),
      dateTime(s.basis.lastReportAt),
      dateTime(s.computedAt),
    ]),
  };
}

function reporting(snapshots: readonly SectorSnapshot[]): DataTable {
  return {
    title: 'Tình hình báo cáo',
    headers: [
      'Kỳ',
      'Lĩnh vực',
      'Cơ quan',
      'Số báo cáo phải nộp',
      'Đã nộp',
      'Nộp đúng hạn',
      'Tỷ lệ đầy đủ (%)',
      'Tỷ lệ đúng hạn (%)',
    ],
    rows: snapshots.flatMap((s) =>
      s.reporting.map((r) => [
        ...snapshotKey(s),
        text(r.agencyName),
        number(r.expected),
        number(r.received),
        number(r.receivedOnTime),
        percent(r.completeness),
        percent(r.timeliness),
      ]),
    ),
  };
}

const metLabel = (met: boolean | null) => (met === null ? null : met ? 'Đạt' : 'Chưa đạt');

function targets(snapshots: readonly SectorSnapshot[]): DataTable {
  return {
    title: 'Chỉ tiêu nhiệm vụ',
    headers: [
      'Kỳ',
      'Lĩnh vực',
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Đơn vị',
      'So sánh',
      'Kế hoạch',
      'Thực hiện',
      'Đạt (% kế hoạch)',
      'Đánh giá',
      'Kết quả',
      'Cùng kỳ năm trước',
      'So cùng kỳ (%)',
      'Đánh giá cùng kỳ',
    ],
    rows: snapshots.flatMap((s) =>
      s.targets.map((t) => [
        ...snapshotKey(s),
        text(t.taskId),
        text(t.label),
        text(t.unit),
        text(COMPARATOR_LABELS[t.comparator]),
        number(t.plan),
        number(t.actual),
        percent(t.attainment),
        text(t.attainmentText),
        text(metLabel(t.met)),
        number(t.lastYearActual),
        percent(t.sameQuarterLastYear),
        text(t.sameQuarterLastYearText),
      ]),
    ),
  };
}

function atRisk(
  snapshots: readonly SectorSnapshot[],
  agencyName: (agencyId: string) => string,
): DataTable {
  return {
    title: 'Nhiệm vụ có nguy cơ',
    headers: ['Kỳ', 'Lĩnh vực', 'Nhiệm vụ', 'Tên nhiệm vụ', 'Mục', 'Cơ quan chủ trì', 'Lý do'],
    rows: snapshots.flatMap((s) =>
      s.atRisk.flatMap((task) =>
        task.reasons.map((reason) => [
          ...snapshotKey(s),
          text(task.taskId),
          text(task.title),
          text(task.section),
          text(task.leadAgencyIds.map(agencyName).join('; ')),
          text(reason.message),
        ]),
      ),
    ),
  };
}

const VALUE_STATUS_LABELS = { estimate: 'Ước thực hiện', final: 'Chính thức' } as const;

/** A period's figure, then its year to date when that is another period (lũy kế). */
function figureRows({
  inPeriod,
  yearToDate,
}: {
  inPeriod: IndicatorFigure;
  yearToDate: IndicatorFigure | null;
}): IndicatorFigure[] {
  return yearToDate && yearToDate.period !== inPeriod.period ? [inPeriod, yearToDate] : [inPeriod];
}

function indicatorFigures(figures: readonly IndicatorFigure[]): DataTable {
  return {
    title: 'Chỉ tiêu của tỉnh',
    headers: [
      'Lĩnh vực',
      'Chỉ tiêu',
      'Đơn vị',
      'Kỳ',
      'Kế hoạch',
      'Kế hoạch của kỳ',
      'Thực hiện',
      'Số liệu',
      'Đạt (% kế hoạch)',
      'Cùng kỳ năm trước',
      'So cùng kỳ (%)',
      'Nội dung',
    ],
    rows: figures.map((f) => [
      text(sectorHeading(f.sector)),
      text(f.name),
      text(f.unit),
      text(f.label),
      number(f.plan?.value ?? null),
      text(f.plan ? periodLabel(requirePeriod(f.plan.period)) : null),
      number(f.actual?.value ?? null),
      text(f.actual ? VALUE_STATUS_LABELS[f.actual.status] : null),
      percent(f.attainment),
      number(f.previousYear?.value ?? null),
      percent(f.yearOnYear),
      text(f.sentence),
    ]),
  };
}
