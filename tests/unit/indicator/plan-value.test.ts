import { describe, expect, it } from 'vitest';
import { planValue } from '#shared/domain/indicator/plan-value.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { indicator, linked, seedIndicator } from './fixtures.ts';

const H1_2025 = { start: '2025-01-01', end: '2025-06-30' };
const H2_2026 = { start: '2026-07-01', end: '2026-12-31' };
const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
const KH267 = { start: '2026-07-08', end: '2030-12-31' };
const rice = indicator();
const p = requirePeriod;

describe('planValue', () => {
  it('takes a target for its plan’s own period', () => {
    // Act
    const plan = planValue(rice, p('2025-H1'), [linked(H1_2025, 15_000)]);

    // Assess
    expect(plan).toEqual({
      period: '2025-H1',
      value: 15_000,
      ceiling: false,
      basis: 'period',
      sources: [
        { plan: 'KH100', taskId: 'KH100-I-1', targetKey: 'lua', period: '2025-H1', value: 15_000 },
      ],
    });
  });

  it('takes the period a link names over its plan’s (“cả năm” in a six-month plan)', () => {
    // Prepare
    const targets = [
      linked(H2_2026, 710, { target: { key: 'h2' } }),
      linked(H2_2026, 1500, { period: '2026', target: { key: 'ca-nam' } }),
    ];

    // Act
    const [half, year] = [
      planValue(rice, p('2026-H2'), targets),
      planValue(rice, p('2026'), targets),
    ];

    // Assess
    expect(half).toMatchObject({ value: 710, basis: 'period' });
    expect(year).toMatchObject({ value: 1500, basis: 'period', period: '2026' });
  });

  it('adds one plan’s targets for a sum indicator (four festivals’ tourists)', () => {
    // Prepare
    const tourists = seedIndicator('luot-khach-du-lich');
    const festival = (taskId: string, amount: number) =>
      linked(H2_2026, amount, {
        indicator: tourists.code,
        taskId,
        target: { key: 'luot-khach-du-lich', unit: 'lượt khách du lịch' },
      });
    const targets = [
      festival('KH266-III-29', 30_000),
      festival('KH266-III-30', 45_000),
      festival('KH266-III-31', 25_000),
      festival('KH266-III-32', 50_000),
    ];

    // Act
    const plan = planValue(tourists, p('2026-H2'), targets);

    // Assess
    expect(plan?.value).toBe(150_000);
    expect(plan?.sources.map((source) => source.taskId)).toEqual([
      'KH266-III-29',
      'KH266-III-30',
      'KH266-III-31',
      'KH266-III-32',
    ]);
  });

  it('reads targets in the indicator’s unit (21 tỷ đồng from 21.000.000.000 đồng)', () => {
    // Prepare
    const revenue = seedIndicator('doanh-thu-du-lich');
    const target = linked(H2_2026, 21_000_000_000, {
      indicator: revenue.code,
      target: { key: 'thu-tu-khach-du-lich', unit: 'đồng' },
    });

    // Act
    const plan = planValue(revenue, p('2026-H2'), [target]);

    // Assess
    expect(plan?.value).toBe(21);
  });

  it('keeps the strictest of one plan’s targets for a rate', () => {
    // Prepare
    const rate = indicator({ aggregation: 'latest', unit: '%' });
    const targets = [
      linked(YEAR_2026, 80, { target: { key: 'a', unit: '%' } }),
      linked(YEAR_2026, 85, { target: { key: 'b', unit: '%' } }),
    ];
    const ceilings = targets.map((target) => ({
      ...target,
      target: { ...target.target, comparator: 'lte' as const },
    }));

    // Act
    const [floor, ceiling] = [
      planValue(rate, p('2026'), targets),
      planValue(rate, p('2026'), ceilings),
    ];

    // Assess
    expect(floor).toMatchObject({ value: 85, ceiling: false });
    expect(ceiling).toMatchObject({ value: 80, ceiling: true });
  });

  it('lets the newest plan revise an earlier one for the same period', () => {
    // Prepare
    const targets = [
      linked(YEAR_2026, 30_000, { plan: { code: 'KH10', issuedOn: '2026-01-05' } }),
      linked(YEAR_2026, 31_000, { plan: { code: 'KH90', issuedOn: '2026-05-20' } }),
      linked(YEAR_2026, 29_000, { plan: { code: 'KH50', issuedOn: '2026-03-01' } }),
    ];

    // Act
    const plan = planValue(rice, p('2026'), targets);

    // Assess
    expect(plan).toMatchObject({ value: 31_000, sources: [{ plan: 'KH90' }] });
  });

  it('adds the plans of a sum indicator’s parts when each has one', () => {
    // Prepare
    const targets = [
      linked(H1_2025, 15_000, { plan: { code: 'KH1' } }),
      linked({ start: '2025-07-01', end: '2025-12-31' }, 16_000, { plan: { code: 'KH2' } }),
    ];

    // Act
    const plan = planValue(rice, p('2025'), targets);

    // Assess
    expect(plan).toMatchObject({ period: '2025', value: 31_000, basis: 'combined' });
    expect(plan?.sources.map((source) => source.plan)).toEqual(['KH1', 'KH2']);
  });

  it('falls back on the plan of the smallest longer period, and says which', () => {
    // Prepare
    const targets = [linked(YEAR_2026, 30_000, { plan: { code: 'KH1' } }), linked(H2_2026, 15_520)];

    // Act
    const [q3, q1] = [
      planValue(rice, p('2026-Q3'), targets),
      planValue(rice, p('2026-Q1'), targets),
    ];

    // Assess
    expect(q3).toMatchObject({ period: '2026-H2', value: 15_520, basis: 'enclosing' });
    expect(q1).toMatchObject({ period: '2026', value: 30_000, basis: 'enclosing' });
  });

  it('reads a plan that is no reporting period (KH267, to 2030) as no plan of any period', () => {
    // Prepare
    const targets = [linked(KH267, 100, { plan: { code: 'KH267' } })];

    // Act
    const plans = ['2026-H2', '2026', '2030'].map((code) => planValue(rice, p(code), targets));

    // Assess
    expect(plans).toEqual([null, null, null]);
  });

  it('reads a ceiling for an indicator where lower is better', () => {
    // Prepare
    const cpi = indicator({ aggregation: 'average', unit: '%', direction: 'lower_is_better' });

    // Act
    const plan = planValue(cpi, p('2026'), [linked(YEAR_2026, 4, { target: { unit: '%' } })]);

    // Assess
    expect(plan).toMatchObject({ value: 4, ceiling: true });
  });

  it('ignores other indicators’ targets', () => {
    // Act
    const plan = planValue(rice, p('2026'), [linked(YEAR_2026, 5, { indicator: 'dien-tich-ngo' })]);

    // Assess
    expect(plan).toBeNull();
  });
});
