import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/calendar.ts';
import { attainment, targetMet } from '#shared/domain/risk/attainment.ts';
import { daysBetween } from '#shared/domain/risk/days.ts';
import { percentOf, roundDecimal } from '#shared/domain/risk/decimal.ts';
import { compareNatural } from '#shared/domain/risk/order.ts';
import { formatVnDate, formatVnPercent, formatVnPeriod } from '#shared/domain/risk/vn-format.ts';

describe('daysBetween', () => {
  it.each([
    ['2026-09-30', '2026-10-01', 1],
    ['2026-10-01', '2026-09-30', -1],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2025-12-31', '2026-12-31', 365],
    ['0001-01-01', '0001-01-02', 1],
  ])('%s → %s is %d days', (from, to, days) => {
    // Prepare: the dates. Act
    const result = daysBetween(from, to);

    // Assess
    expect(result).toBe(days);
  });

  it('undoes addDays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        // Prepare
        const from = '2026-07-01';

        // Act
        const measured = daysBetween(from, addDays(from, days));

        // Assess
        expect(measured).toBe(days);
      }),
    );
  });
});

describe('roundDecimal and percentOf', () => {
  it.each([
    [1.005, 1.01],
    [89.295, 89.3],
    [2.675, 2.68],
    [-1.005, -1.01],
    [-0.001, 0],
    [1e-7, 0],
    [123456.785, 123456.79],
  ])('rounds %d to %d', (value, rounded) => {
    // Prepare: the value. Act
    const result = roundDecimal(value);

    // Assess
    expect(Object.is(result, rounded)).toBe(true);
  });

  it('gives the share as a percentage with two decimals, null for a zero whole', () => {
    // Prepare: the figures. Act
    const shares = [percentOf(893, 1000), percentOf(2, 3), percentOf(1, 0)];

    // Assess
    expect(shares).toEqual([89.3, 66.67, null]);
  });
});

describe('attainment', () => {
  it.each([
    { comparator: 'gte' as const, plan: 15520, actual: 13859.36, expected: 89.3 },
    { comparator: 'gt' as const, plan: 80, actual: 84, expected: 105 },
    { comparator: 'eq' as const, plan: 100, actual: 100, expected: 100 },
    { comparator: 'lte' as const, plan: 4, actual: 5, expected: 80 },
    { comparator: 'lte' as const, plan: 4, actual: 2, expected: 200 },
    { comparator: 'gte' as const, plan: 0, actual: 5, expected: null },
    { comparator: 'lte' as const, plan: 4, actual: 0, expected: null },
  ])(
    '$comparator $plan with $actual reaches $expected% of plan',
    ({ comparator, plan, actual, expected }) => {
      // Prepare: the target. Act
      const result = attainment({ comparator, value: plan }, actual);

      // Assess
      expect(result === null ? null : roundDecimal(result)).toBe(expected);
    },
  );

  it.each([
    { comparator: 'gte' as const, actual: 80, met: true },
    { comparator: 'gt' as const, actual: 80, met: false },
    { comparator: 'gt' as const, actual: 80.1, met: true },
    { comparator: 'lte' as const, actual: 80, met: true },
    { comparator: 'lte' as const, actual: 80.1, met: false },
    { comparator: 'eq' as const, actual: 79.9, met: false },
  ])('$comparator 80 is met by $actual: $met', ({ comparator, actual, met }) => {
    // Prepare: the target. Act
    const result = targetMet({ comparator, value: 80 }, actual);

    // Assess
    expect(result).toBe(met);
  });
});

describe('Vietnamese formats', () => {
  it('prints dates day first, percentages with a decimal comma, periods in words', () => {
    // Prepare: the values. Act
    const printed = [
      formatVnDate('2026-09-30'),
      formatVnPercent(89.3),
      formatVnPercent(1234.567),
      formatVnPeriod('2026-Q4'),
      formatVnPeriod('2026-08'),
      formatVnPeriod('2027'),
    ];

    // Assess
    expect(printed).toEqual([
      '30/09/2026',
      '89,3',
      '1.234,57',
      'Quý IV/2026',
      'tháng 8/2026',
      'năm 2027',
    ]);
  });
});

describe('compareNatural', () => {
  it('orders task ids by their numbers', () => {
    // Prepare
    const ids = [
      'KH266-I-10',
      'KH266-I-2',
      'KH266-I-1.10',
      'KH266-I-1.2',
      'KH266-I-1',
      'KH267-I-1',
    ];

    // Act
    const sorted = [...ids].sort(compareNatural);

    // Assess
    expect(sorted).toEqual([
      'KH266-I-1',
      'KH266-I-1.2',
      'KH266-I-1.10',
      'KH266-I-2',
      'KH266-I-10',
      'KH267-I-1',
    ]);
  });
});
