import { describe, expect, it } from 'vitest';
import { endOfDayInstant } from '#shared/domain/calendar.ts';
import type { Target } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import { computeSnapshot, type SnapshotInput } from '#shared/domain/rollup/compute-snapshot.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { provinceInstant, report, target, task } from '../risk/fixtures.ts';
import { rollupTask, snapshotInput } from './input.ts';

function snapshotOf(
  targets: Target[],
  leadActuals: Record<string, number>,
  options: {
    reports?: ProgressReport[];
    previousYear?: SectorSnapshot | null;
    period?: SnapshotInput['period'];
  } = {},
): SectorSnapshot {
  const period = options.period ?? '2026-Q3';
  const year = period.slice(0, 4);
  const lead = report({
    id: 'lead',
    period,
    actuals: leadActuals,
    receivedAt: provinceInstant(`${year}-08-01`),
  });
  const reports = [
    ...(Object.keys(leadActuals).length > 0 ? [lead] : []),
    ...(options.reports ?? []),
  ];
  return computeSnapshot(
    snapshotInput({
      period,
      deadline: `${year}-10-10`,
      knownAt: endOfDayInstant(`${year}-10-10`).toISOString(),
      computedAt: `${year}-10-11T02:00:00.000Z`,
      tasks: [
        rollupTask(task({ targets, schedule: { start: `${year}-07-01`, due: `${year}-09-30` } }), {
          planPeriod: { start: `${year}-07-01`, end: `${year}-12-31` },
          latest: reports,
        }),
      ],
      reports,
      previousYear: options.previousYear ?? null,
    }),
  );
}

const row = (snapshot: SectorSnapshot, index = 0) => snapshot.targets[index];

describe('target attainment in the snapshot', () => {
  it.each([
    {
      comparator: 'gte' as const,
      plan: 3,
      actual: 2,
      attainment: 66.67,
      text: 'đạt 66,67% kế hoạch',
      met: false,
    },
    {
      comparator: 'gte' as const,
      plan: 1000,
      actual: 1000.05,
      attainment: 100.01,
      text: 'đạt 100,01% kế hoạch',
      met: true,
    },
    {
      comparator: 'gte' as const,
      plan: 200,
      actual: 2469.14,
      attainment: 1234.57,
      text: 'đạt 1.234,57% kế hoạch',
      met: true,
    },
    {
      comparator: 'gt' as const,
      plan: 80,
      actual: 80,
      attainment: 100,
      text: 'đạt 100,00% kế hoạch',
      met: false,
    },
    {
      comparator: 'eq' as const,
      plan: 100,
      actual: 100,
      attainment: 100,
      text: 'đạt 100,00% kế hoạch',
      met: true,
    },
    {
      comparator: 'lte' as const,
      plan: 4,
      actual: 6,
      attainment: 66.67,
      text: 'đạt 66,67% kế hoạch',
      met: false,
    },
    {
      comparator: 'lte' as const,
      plan: 4,
      actual: 3,
      attainment: 133.33,
      text: 'đạt 133,33% kế hoạch',
      met: true,
    },
    { comparator: 'lte' as const, plan: 4, actual: 0, attainment: null, text: null, met: true },
  ])(
    '$comparator $plan with $actual: $text',
    ({ comparator, plan, actual, attainment, text, met }) => {
      // Prepare: the target and its actual. Act
      const snapshot = snapshotOf([target({ comparator, value: plan })], { lua: actual });

      // Assess
      expect(row(snapshot)).toMatchObject({ plan, actual, attainment, attainmentText: text, met });
    },
  );

  it('takes the newest lead report carrying the key before a newer one of another agency', () => {
    // Prepare: the commune's report is newer, the lead's counts
    const reports = [
      report({
        id: 'a',
        agencyId: 'so-nn',
        actuals: { lua: 500 },
        receivedAt: provinceInstant('2026-07-10'),
      }),
      report({
        id: 'b',
        agencyId: 'ubnd-cap-xa',
        actuals: { lua: 900 },
        receivedAt: provinceInstant('2026-07-20'),
      }),
    ];

    // Act
    const snapshot = snapshotOf([target({ value: 1000 })], {}, { reports });

    // Assess
    expect(row(snapshot)).toMatchObject({ actual: 500, attainment: 50 });
  });

  it('leaves a target nobody reported on empty', () => {
    // Prepare: no actuals. Act
    const snapshot = snapshotOf([target()], {});

    // Assess
    expect(row(snapshot)).toMatchObject({
      actual: null,
      attainment: null,
      attainmentText: null,
      met: null,
      sameQuarterLastYear: null,
    });
  });

  it('keeps the task’s own order of targets', () => {
    // Prepare
    const targets = [
      target({ key: 'lua', label: 'Lúa' }),
      target({ key: 'ngo', label: 'Ngô' }),
      target({ key: 'cay-lay-cu', label: 'Cây lấy củ' }),
    ];

    // Act
    const snapshot = snapshotOf(targets, {});

    // Assess
    expect(snapshot.targets.map((t) => t.key)).toEqual(['lua', 'ngo', 'cay-lay-cu']);
  });
});

describe('same period last year', () => {
  const lastYear = snapshotOf(
    [target({ key: 'lua' }), target({ key: 'ngo' }), target({ key: 'khoai' })],
    { lua: 1000, ngo: 0 },
    { period: '2025-Q3' },
  );

  it('compares with last year’s actual for the same task and key', () => {
    // Prepare: this year 892 ha against last year's 1.000. Act
    const snapshot = snapshotOf([target({ key: 'lua' })], { lua: 892 }, { previousYear: lastYear });

    // Assess
    expect(row(snapshot)).toMatchObject({
      lastYearActual: 1000,
      sameQuarterLastYear: 89.2,
      sameQuarterLastYearText: 'bằng 89,20% cùng kỳ',
    });
  });

  it('rounds the ratio to two decimals', () => {
    // Prepare: 2 / 3 of last year's figure
    const small = snapshotOf([target({ key: 'lua' })], { lua: 3 }, { period: '2025-Q3' });

    // Act
    const snapshot = snapshotOf([target({ key: 'lua' })], { lua: 2 }, { previousYear: small });

    // Assess
    expect(row(snapshot)?.sameQuarterLastYear).toBe(66.67);
  });

  it.each([
    { key: 'ngo', why: 'last year’s actual was zero', lastYearActual: 0 },
    { key: 'khoai', why: 'last year had no actual', lastYearActual: null },
    { key: 'san', why: 'last year had no such target', lastYearActual: null },
  ])('gives no ratio when $why', ({ key, lastYearActual }) => {
    // Prepare: this year's figure
    const snapshot = snapshotOf([target({ key })], { [key]: 10 }, { previousYear: lastYear });

    // Act
    const found = row(snapshot);

    // Assess
    expect(found).toMatchObject({
      lastYearActual,
      sameQuarterLastYear: null,
      sameQuarterLastYearText: null,
    });
  });
});
