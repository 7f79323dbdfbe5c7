/**
 * The quarter's report as the province writes it (seed 003, the six-month report): a
 * heading, then a section per sector with the indicators' sentences ("Cây lúa 14.562 ha,
 * đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ"), the government's task categories as
 * a table, the tasks at risk with their reasons, and the agencies that did not report or
 * reported late. Every sentence is composed here, in Vietnamese; the Word renderer only
 * places them (docx-report.ts), so a province's own template gets the same words.
 *
 * A sector's indicator sentences come from the indicator figures when the platform has
 * them for that sector; otherwise from the plan targets the agencies reported actuals for
 * in the snapshot, worded the same way.
 */
import { parseIsoDate, provinceDateTime, type IsoDate } from '../calendar.ts';
import type { IndicatorFigure } from '../indicator/figures.ts';
import { figureSentence, formatPercentFigure } from '../indicator/wording.ts';
import { requirePeriod } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { formatVnNumber } from '../plan/vn-number.ts';
import { formatVnDate } from '../risk/vn-format.ts';
import {
  agencyNamer,
  figuresOfSectors,
  orderedSnapshots,
  type RollupDocumentInput,
} from './document-input.ts';
import { TASK_CATEGORIES, type SectorSnapshot, type TargetRow } from './snapshot-schema.ts';
import { CUTOFF_LABELS, TASK_CATEGORY_LABELS, sectorHeading } from './vn-labels.ts';

export interface CategoryRow {
  /** "Hoàn thành đúng hạn". */
  name: string;
  count: number;
  /** Share of the sector's tasks, two decimals: "25,00". */
  share: string;
}

export interface RiskItem {
  taskId: string;
  title: string;
  /** The lead agencies' names: "Sở Nông nghiệp và Môi trường; Ban Dân tộc". */
  leads: string;
  /** The reasons, joined: "Quá hạn …; Đơn vị báo cáo vướng mắc …". */
  reasons: string;
  sentence: string;
}

export interface AgencyItem {
  agency: string;
  sentence: string;
}

export interface SectorSection {
  number: number;
  /** "Nông, lâm nghiệp và thủy sản". */
  name: string;
  overview: string;
  indicatorSentences: string[];
  categories: CategoryRow[];
  totalTasks: number;
  atRisk: RiskItem[];
  notReported: AgencyItem[];
  reportedLate: AgencyItem[];
}

export interface QuarterlyReport {
  /** "Quý III/2026". */
  period: string;
  /** "Lạng Sơn, ngày 20 tháng 9 năm 2026", the day the figures were last computed. */
  placeAndDate: string;
  /** Which days the figures cover and on which day the tasks were judged. */
  dataScope: string;
  /**
   * "Số liệu chính thức" (with the revision from the second on), or "Số liệu sơ bộ"
   * while the period's deadline has not passed.
   */
  dataStatus: string;
  sectors: SectorSection[];
}

/** Throws RangeError without snapshots: a report of nothing is a caller's bug. */
export function quarterlyReport(input: RollupDocumentInput): QuarterlyReport {
  const snapshots = orderedSnapshots(input.snapshots);
  const [first] = snapshots;
  if (!first) throw new RangeError('a quarterly report needs at least one snapshot');
  const period = first.label;
  const latest =
    snapshots
      .map((s) => s.computedAt)
      .sort()
      .at(-1) ?? first.computedAt;
  const figures = figuresOfSectors(input);
  const agencyName = agencyNamer(input);
  return {
    period,
    placeAndDate: `Lạng Sơn, ${officialDate(provinceDateTime(new Date(latest)).date)}`,
    dataScope:
      `Số liệu từ ngày ${formatVnDate(first.window.start)} đến ngày ${formatVnDate(first.window.end)} ` +
      `${inline(CUTOFF_LABELS[first.cutoff])}, đánh giá đến ngày ${formatVnDate(first.asOf)}`,
    dataStatus: dataStatus(snapshots),
    sectors: snapshots.map((snapshot, index) => ({
      number: index + 1,
      name: sectorHeading(snapshot.sector),
      overview: overview(snapshot),
      indicatorSentences: indicatorSentences(
        snapshot,
        figures.filter((f) => f.inPeriod.sector === snapshot.sector),
      ),
      categories: TASK_CATEGORIES.map((category) => ({
        name: TASK_CATEGORY_LABELS[category],
        count: snapshot.counts[category],
        share: share(snapshot.counts[category], snapshot.basis.tasks),
      })),
      totalTasks: snapshot.basis.tasks,
      atRisk: snapshot.atRisk.map((task) => {
        const leads = task.leadAgencyIds.map(agencyName).join('; ');
        const reasons = task.reasons.map((reason) => reason.message).join('; ');
        const title = oneLine(task.title);
        return {
          taskId: task.taskId,
          title,
          leads,
          reasons,
          sentence: `${task.taskId} – ${title} (chủ trì: ${leads}): ${reasons}.`,
        };
      }),
      notReported: snapshot.reporting
        .filter((r) => r.received < r.expected)
        .map((r) => ({
          agency: r.agencyName,
          sentence: `${r.agencyName}: chưa nộp ${r.expected - r.received}/${r.expected} báo cáo.`,
        })),
      reportedLate: snapshot.reporting
        .filter((r) => r.received > r.receivedOnTime)
        .map((r) => ({
          agency: r.agencyName,
          sentence: `${r.agencyName}: ${r.received - r.receivedOnTime} báo cáo nộp muộn (đã nộp ${r.received}/${r.expected} báo cáo).`,
        })),
    })),
  };
}

/**
 * "ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take a leading zero,
 * as Decree 30/2020/NĐ-CP asks of administrative documents.
 */
export function officialDate(day: IsoDate): string {
  const parts = parseIsoDate(day);
  if (!parts) throw new RangeError(`${JSON.stringify(day)} is not an ISO date`);
  const dd = String(parts.day).padStart(2, '0');
  const mm = parts.month <= 2 ? String(parts.month).padStart(2, '0') : String(parts.month);
  return `ngày ${dd} tháng ${mm} năm ${parts.year}`;
}

function dataStatus(snapshots: readonly SectorSnapshot[]): string {
  if (snapshots.some((s) => s.status === 'preliminary')) {
    const deadline = snapshots.map((s) => s.deadline).sort()[0] ?? '';
    return `Số liệu sơ bộ, sẽ được chốt sau hạn báo cáo ngày ${formatVnDate(deadline)}`;
  }
  const revision = Math.max(...snapshots.map((s) => s.revision));
  return revision > 1 ? `Số liệu chính thức, cập nhật lần ${revision}` : 'Số liệu chính thức';
}

function overview(snapshot: SectorSnapshot): string {
  const { tasks, reports } = snapshot.basis;
  const progress =
    snapshot.averagePercentComplete === null
      ? 'chưa có báo cáo tiến độ'
      : `tiến độ thực hiện bình quân đạt ${formatVnNumber(snapshot.averagePercentComplete)}%`;
  return `Lĩnh vực có ${tasks} nhiệm vụ được theo dõi, ${progress}; đã nhận ${reports} báo cáo của các cơ quan.`;
}

/** A label set inside a sentence: its first letter lower-cased, the rest as written. */
const inline = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

function share(count: number, total: number): string {
  return formatPercentFigure(total === 0 ? 0 : (count * 100) / total);
}

/** Plan rows break lines where the printed table did; a sentence reads them as one. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function indicatorSentences(
  snapshot: SectorSnapshot,
  figures: readonly { inPeriod: IndicatorFigure; yearToDate: IndicatorFigure | null }[],
): string[] {
  const sentences = figures.flatMap(({ inPeriod, yearToDate }) => {
    const own = inPeriod.sentence ? [`${inPeriod.sentence}.`] : [];
    if (yearToDate?.sentence && yearToDate.period !== inPeriod.period) {
      own.push(
        `Lũy kế ${periodLabel(requirePeriod(yearToDate.period), 'inline')}: ${yearToDate.sentence}.`,
      );
    }
    return own;
  });
  return sentences.length > 0 ? sentences : snapshot.targets.flatMap(targetSentence);
}

/** A plan target with an actual, worded as an indicator's figure: "Lúa 12.000 ha, đạt …". */
function targetSentence(target: TargetRow): string[] {
  if (target.actual === null) return [];
  const sentence = figureSentence({
    name: oneLine(target.label.replace(/^[-+•]\s*/, '')),
    value: target.actual,
    unit: target.unit,
    attainment: target.attainment,
    planPeriodLabel: null,
    yearOnYear: target.sameQuarterLastYear,
    missing: [],
  });
  return [`${sentence}.`];
}
