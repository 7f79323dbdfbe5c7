/**
 * A quarter as the documents see it: the agriculture snapshot of Q3 2026 written out by
 * hand (every number below is what the documents must print), and the rice figures of the
 * same quarter computed by the indicator domain.
 */
import { indicatorFigures, type IndicatorFigures } from '#shared/domain/indicator/figures.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { snapshotSchema, type SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { linked, seedIndicator, value } from '../indicator/fixtures.ts';

export const SO_NN = { id: 'so-nong-nghiep-va-moi-truong', name: 'Sở Nông nghiệp và Môi trường' };
export const SO_TC = { id: 'so-tai-chinh', name: 'Sở Tài chính' };
export const UBND_XA = { id: 'ubnd-cap-xa', name: 'UBND các xã, phường' };

export function agricultureSnapshot(overrides: Partial<SectorSnapshot> = {}): SectorSnapshot {
  return snapshotSchema.parse({
    period: '2026-Q3',
    label: 'Quý III/2026',
    sector: 'agriculture',
    cutoff: 'decree-09-2019',
    window: { start: '2026-06-15', end: '2026-09-14' },
    deadline: '2026-09-18',
    asOf: '2026-09-14',
    status: 'official',
    revision: 1,
    knownAt: '2026-09-18T16:59:59.999Z',
    computedAt: '2026-09-19T17:30:00.000Z', // 00:30 on 20/09 in the province
    basis: { tasks: 8, reports: 5, lastReportAt: '2026-09-14T09:15:00.000Z' },
    counts: {
      completedOnTime: 2,
      completedLate: 1,
      inProgressWithinDeadline: 2,
      overdueNotCompleted: 1,
      notStarted: 0,
      noReport: 1,
      cancelled: 1,
    },
    averagePercentComplete: 71.43,
    reporting: [
      {
        agencyId: SO_NN.id,
        agencyName: SO_NN.name,
        expected: 5,
        received: 4,
        receivedOnTime: 3,
        completeness: 80,
        timeliness: 60,
      },
      {
        agencyId: SO_TC.id,
        agencyName: SO_TC.name,
        expected: 2,
        received: 2,
        receivedOnTime: 2,
        completeness: 100,
        timeliness: 100,
      },
      {
        agencyId: UBND_XA.id,
        agencyName: UBND_XA.name,
        expected: 1,
        received: 0,
        receivedOnTime: 0,
        completeness: 0,
        timeliness: 0,
      },
    ],
    targets: [
      {
        taskId: 'KH266-I-2',
        key: 'lua',
        label: 'Lúa',
        unit: 'ha',
        comparator: 'gte',
        plan: 15520,
        actual: 12000,
        attainment: 77.32,
        attainmentText: 'đạt 77,32% kế hoạch',
        met: false,
        lastYearActual: 12500,
        sameQuarterLastYear: 96,
        sameQuarterLastYearText: 'bằng 96,00% cùng kỳ',
      },
      {
        taskId: 'KH266-I-2',
        key: 'ngo',
        label: 'Ngô',
        unit: 'ha',
        comparator: 'gte',
        plan: 1005.5,
        actual: null,
        attainment: null,
        attainmentText: null,
        met: null,
        lastYearActual: null,
        sameQuarterLastYear: null,
        sameQuarterLastYearText: null,
      },
    ],
    atRisk: [
      {
        taskId: 'KH266-I-1.1',
        title: 'Rà soát, điều chỉnh quy hoạch vùng sản xuất',
        section: 'I',
        leadAgencyIds: [SO_NN.id, 'ban-dan-toc'],
        reasons: [
          { code: 'OVERDUE', message: 'Quá hạn ngày 31/08/2026 chưa hoàn thành' },
          { code: 'SELF_REPORTED', message: 'Đơn vị báo cáo vướng mắc: thiếu kinh phí' },
        ],
      },
    ],
    bySection: [],
    tasks: [],
    figures: [],
    changes: null,
    ...overrides,
  });
}

/** The rice area of Q3 2026 against the second half's plan, with Q3 2025 as history. */
export function riceFigures(): IndicatorFigures {
  return indicatorFigures(seedIndicator('dien-tich-lua'), requirePeriod('2026-Q3'), {
    values: [
      value('2026-Q3', 14_562, { status: 'estimate', day: '2026-09-16' }),
      value('2025-Q3', 15_559, { day: '2025-12-01' }),
    ],
    targets: [linked({ start: '2026-07-01', end: '2026-09-30' }, 15_000)],
  });
}
