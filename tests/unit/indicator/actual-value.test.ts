import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualValue } from '#shared/domain/indicator/actual-value.ts';
import { decimalSum } from '#shared/domain/indicator/decimal-sum.ts';
import type { IndicatorValue } from '#shared/domain/indicator/indicator-value.ts';
import { formatPeriod, requirePeriod } from '#shared/domain/period/period.ts';
import { periodMonths } from '#shared/domain/period/period-span.ts';
import { arbitraryPeriod } from '../period/arbitraries.ts';
import { indicator, value } from './fixtures.ts';

const rice = indicator();
const cpi = indicator({ code: 'dien-tich-lua', aggregation: 'average', unit: '%' });
const communes = indicator({ code: 'dien-tich-lua', aggregation: 'latest', unit: 'xã' });
const p = requirePeriod;

describe('a period’s own value', () => {
  it('is its newest final, whatever came after it as an estimate', () => {
    // Prepare
    const values = [
      value('2026-Q3', 100, { status: 'estimate', day: '2026-09-10' }),
      value('2026-Q3', 120, { status: 'final', day: '2026-10-05' }),
      value('2026-Q3', 125, { status: 'final', day: '2026-10-20' }),
      value('2026-Q3', 130, { status: 'estimate', day: '2026-11-01' }),
    ];

    // Act
    const actual = actualValue(rice, p('2026-Q3'), values);

    // Assess
    expect(actual).toEqual({
      period: '2026-Q3',
      value: 125,
      status: 'final',
      basis: 'reported',
      complete: true,
      missing: [],
      sources: ['2026-Q3'],
    });
  });

  it('is its newest estimate while there is no final', () => {
    // Prepare
    const values = [
      value('2026-Q3', 100, { status: 'estimate', day: '2026-09-10' }),
      value('2026-Q3', 110, { status: 'estimate', day: '2026-09-12' }),
    ];

    // Act
    const actual = actualValue(rice, p('2026-Q3'), values);

    // Assess
    expect(actual).toMatchObject({ value: 110, status: 'estimate', basis: 'reported' });
  });

  it('ignores other indicators’ values and values received after `knownAt`', () => {
    // Prepare
    const values = [
      value('2026-Q3', 100, { status: 'estimate', day: '2026-09-10' }),
      value('2026-Q3', 999, { indicator: 'dien-tich-ngo' }),
      value('2026-Q3', 120, { status: 'final', day: '2026-10-05' }),
    ];

    // Act
    const atDeadline = actualValue(rice, p('2026-Q3'), values, new Date('2026-09-18T17:00:00Z'));
    const later = actualValue(rice, p('2026-Q3'), values);

    // Assess
    expect(atDeadline?.value).toBe(100);
    expect(later?.value).toBe(120);
  });

  it('is null when nothing in the period was reported', () => {
    // Act
    const actual = actualValue(rice, p('2026-Q3'), [value('2026-Q2', 5)]);

    // Assess
    expect(actual).toBeNull();
  });
});

describe('combining a sum from smaller periods', () => {
  it.each([
    {
      name: 'a quarter from its three months',
      period: '2026-Q3',
      values: [value('2026-07', 1.1), value('2026-08', 2.2), value('2026-09', 3.3)],
      expected: { value: 6.6, complete: true, missing: [], status: 'final', basis: 'combined' },
    },
    {
      name: 'a quarter missing September: partial',
      period: '2026-Q3',
      values: [value('2026-07', 10), value('2026-08', 20)],
      expected: { value: 30, complete: false, missing: ['2026-09'], basis: 'combined' },
    },
    {
      name: 'a half from a reported quarter and another quarter’s months',
      period: '2026-H1',
      values: [
        value('2026-Q1', 100),
        value('2026-04', 10),
        value('2026-05', 20),
        value('2026-06', 30),
      ],
      expected: {
        value: 160,
        complete: true,
        sources: ['2026-Q1', '2026-04', '2026-05', '2026-06'],
      },
    },
    {
      name: 'a year from nine months and the fourth quarter',
      period: '2026',
      values: [value('2026-9M', 900), value('2026-Q4', 300)],
      expected: { value: 1200, complete: true, sources: ['2026-9M', '2026-Q4'] },
    },
    {
      name: 'a year from halves before nine months',
      period: '2026',
      values: [value('2026-9M', 900), value('2026-H1', 600), value('2026-H2', 700)],
      expected: { value: 1300, complete: true, sources: ['2026-H1', '2026-H2'] },
    },
    {
      name: 'a year missing December: partial, not a whole year',
      period: '2026',
      values: [
        value('2026-H1', 600),
        value('2026-Q3', 300),
        value('2026-10', 100),
        value('2026-11', 100),
      ],
      expected: { value: 1100, complete: false, missing: ['2026-12'] },
    },
    {
      name: 'a year with only its second half: partial, missing the first half',
      period: '2026',
      values: [value('2026-H2', 700)],
      expected: { value: 700, complete: false, missing: ['2026-H1'] },
    },
    {
      name: 'a year missing months in two halves: every gap listed',
      period: '2026',
      values: [value('2026-Q1', 100), value('2026-04', 10), value('2026-H2', 500)],
      expected: { value: 610, complete: false, missing: ['2026-05', '2026-06'] },
    },
    {
      name: 'nine months from the first half and the third quarter',
      period: '2026-9M',
      values: [value('2026-H1', 600), value('2026-Q3', 300)],
      expected: { value: 900, complete: true },
    },
    {
      name: 'a combination with an estimate in it is an estimate',
      period: '2026-Q3',
      values: [
        value('2026-07', 10),
        value('2026-08', 20),
        value('2026-09', 30, { status: 'estimate' }),
      ],
      expected: { value: 60, complete: true, status: 'estimate' },
    },
  ])('$name', ({ period, values, expected }) => {
    // Act
    const actual = actualValue(rice, p(period), values);

    // Assess
    expect(actual).toMatchObject(expected);
  });

  it.each([
    {
      name: 'the months’ finals correct the period’s estimate',
      values: [
        value('2026-Q3', 50, { status: 'estimate' }),
        value('2026-07', 10),
        value('2026-08', 20),
        value('2026-09', 30),
      ],
      expected: { value: 60, status: 'final', basis: 'combined' },
    },
    {
      name: 'the period’s own final beats the months’ finals',
      values: [
        value('2026-Q3', 65),
        value('2026-07', 10),
        value('2026-08', 20),
        value('2026-09', 30),
      ],
      expected: { value: 65, status: 'final', basis: 'reported' },
    },
    {
      name: 'the period’s estimate beats months holding an estimate',
      values: [
        value('2026-Q3', 50, { status: 'estimate' }),
        value('2026-07', 10),
        value('2026-08', 20),
        value('2026-09', 30, { status: 'estimate' }),
      ],
      expected: { value: 50, status: 'estimate', basis: 'reported' },
    },
    {
      name: 'the period’s estimate beats a partial set of months',
      values: [value('2026-Q3', 50, { status: 'estimate' }), value('2026-07', 10)],
      expected: { value: 50, status: 'estimate', complete: true },
    },
  ])('$name', ({ values, expected }) => {
    // Act
    const actual = actualValue(rice, p('2026-Q3'), values);

    // Assess
    expect(actual).toMatchObject(expected);
  });
});

describe('averages and latest values', () => {
  it('averages a quarter’s months, and a half’s quarters month by month', () => {
    // Prepare
    const values = [
      value('2026-01', 101.5),
      value('2026-02', 102),
      value('2026-03', 102.5),
      value('2026-04', 104),
    ];

    // Act
    const quarter = actualValue(cpi, p('2026-Q1'), values);
    const half = actualValue(cpi, p('2026-H1'), values);

    // Assess
    expect(quarter).toMatchObject({ value: 102, complete: true });
    // (101.5 + 102 + 102.5 + 104) / 4 months, May and June missing.
    expect(half).toMatchObject({ value: 102.5, complete: false, missing: ['2026-05', '2026-06'] });
  });

  it.each([
    {
      name: 'a year is its December',
      values: [value('2026-06', 90), value('2026-12', 106)],
      expected: { value: 106, basis: 'combined', complete: true, sources: ['2026-12'] },
    },
    {
      name: 'a year’s own value comes first',
      values: [value('2026', 107), value('2026-12', 106)],
      expected: { value: 107, basis: 'reported', sources: ['2026'] },
    },
    {
      name: 'a final at the end beats the year’s estimate',
      values: [value('2026', 110, { status: 'estimate' }), value('2026-Q4', 106)],
      expected: { value: 106, status: 'final', sources: ['2026-Q4'] },
    },
    {
      name: 'nothing at the end: the freshest value, partial',
      values: [value('2026-06', 90), value('2026-Q3', 98), value('2026-08', 95)],
      expected: { value: 98, complete: false, missing: ['2026-12'], sources: ['2026-Q3'] },
    },
  ])('latest: $name', ({ values, expected }) => {
    // Act
    const actual = actualValue(communes, p('2026'), values);

    // Assess
    expect(actual).toMatchObject(expected);
  });
});

describe('properties', () => {
  const arbitraryValues = (period: ReturnType<typeof requirePeriod>) =>
    fc.array(
      fc.record({
        period: fc.constantFrom(...[period, ...periodMonths(period)].map(formatPeriod)),
        amount: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
        status: fc.constantFrom('estimate' as const, 'final' as const),
        day: fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`),
        agencyId: fc.constantFrom('so-a', 'so-b'),
      }),
      { maxLength: 12 },
    );

  it('combines the same way whatever order the values come in', () => {
    fc.assert(
      fc.property(
        arbitraryValues(p('2026-Q3')).chain((entries) =>
          fc.tuple(
            fc.constant(entries),
            fc.shuffledSubarray(entries, { minLength: entries.length }),
          ),
        ),
        fc.constantFrom(rice, cpi, communes),
        ([entries, shuffled], subject) => {
          // Prepare
          const toValues = (list: typeof entries): IndicatorValue[] =>
            list.map(({ period, amount, ...rest }) => value(period, amount, rest));

          // Act
          const first = actualValue(subject, p('2026-Q3'), toValues(entries));
          const second = actualValue(subject, p('2026-Q3'), toValues(shuffled));

          // Assess
          expect(second).toEqual(first);
        },
      ),
    );
  });

  it('sums a complete set of final months to their exact total', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod.filter((period) => period.kind !== 'month'),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 12, maxLength: 12 }),
        (period, hundredths) => {
          // Prepare
          const months = periodMonths(period);
          const amounts = months.map((_, i) => (hundredths[i] ?? 0) / 100);
          const values = months.map((month, i) => value(formatPeriod(month), amounts[i] ?? 0));

          // Act
          const actual = actualValue(rice, period, values);

          // Assess
          expect(actual).toMatchObject({
            complete: true,
            status: 'final',
            value: decimalSum(amounts),
          });
        },
      ),
    );
  });

  it('never calls a sum complete while a month has no value', () => {
    fc.assert(
      fc.property(
        arbitraryPeriod.filter((period) => period.kind !== 'month'),
        fc.nat(),
        (period, skip) => {
          // Prepare: every month but one.
          const months = periodMonths(period);
          const gap = skip % months.length;
          const values = months
            .filter((_, i) => i !== gap)
            .map((month) => value(formatPeriod(month), 1));

          // Act
          const actual = actualValue(rice, period, values);

          // Assess
          expect(actual?.complete).toBe(false);
          expect(actual?.missing).toContain(formatPeriod(months[gap] ?? period));
        },
      ),
    );
  });
});
