import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, todayInProvince } from '#shared/domain/calendar.ts';
import { formatPeriod, requirePeriod } from '#shared/domain/period/period.ts';
import {
  partitionsOf,
  periodOfRange,
  periodsEnclosing,
  periodsEndingWith,
  periodsOfYear,
  periodsWithin,
} from '#shared/domain/period/period-parts.ts';
import {
  currentPeriod,
  periodContaining,
  previousYearPeriod,
  yearToDate,
} from '#shared/domain/period/period-relations.ts';
import {
  comparePeriods,
  periodContains,
  periodMonths,
  periodRange,
  periodsOverlap,
  rangeContains,
  rangeContainsDay,
  rangesOverlap,
} from '#shared/domain/period/period-span.ts';
import { arbitraryDay, arbitraryPeriod, arbitraryTilingKind } from './arbitraries.ts';

const p = requirePeriod;
const codes = (periods: readonly Parameters<typeof formatPeriod>[0][]) => periods.map(formatPeriod);

describe('periodRange and periodMonths', () => {
  it.each([
    { code: '2026-02', start: '2026-02-01', end: '2026-02-28', months: ['2026-02'] },
    { code: '2028-02', start: '2028-02-01', end: '2028-02-29', months: ['2028-02'] },
    {
      code: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      months: ['2026-07', '2026-08', '2026-09'],
    },
    {
      code: '2026-H2',
      start: '2026-07-01',
      end: '2026-12-31',
      months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
    },
    { code: '2026-9M', start: '2026-01-01', end: '2026-09-30', months: 9 },
    { code: '2026', start: '2026-01-01', end: '2026-12-31', months: 12 },
  ])('$code runs $start .. $end', ({ code, start, end, months }) => {
    // Act
    const range = periodRange(p(code));
    const covered = codes(periodMonths(p(code)));

    // Assess
    expect(range).toEqual({ start, end });
    if (typeof months === 'number') expect(covered).toHaveLength(months);
    else expect(covered).toEqual(months);
  });

  it('tiles every period with its months, day after day', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const range = periodRange(period);
        const months = periodMonths(period).map(periodRange);

        // Assess
        expect(months[0]?.start).toBe(range.start);
        expect(months.at(-1)?.end).toBe(range.end);
        months.slice(1).forEach((month, i) => {
          expect(month.start).toBe(addDays(months[i]?.end ?? '', 1));
        });
      }),
    );
  });
});

describe('containment and overlap', () => {
  it.each([
    { outer: '2026', inner: '2026-Q3', contains: true, overlap: true },
    { outer: '2026-9M', inner: '2026-Q3', contains: true, overlap: true },
    { outer: '2026-9M', inner: '2026-Q4', contains: false, overlap: false },
    { outer: '2026-H2', inner: '2026-9M', contains: false, overlap: true },
    { outer: '2026-Q3', inner: '2026-Q3', contains: true, overlap: true },
    { outer: '2026-Q3', inner: '2026', contains: false, overlap: true },
    { outer: '2026-Q3', inner: '2025-Q3', contains: false, overlap: false },
    { outer: '2026-H1', inner: '2026-06', contains: true, overlap: true },
    { outer: '2026-H1', inner: '2026-07', contains: false, overlap: false },
  ])('$outer contains $inner: $contains, overlaps: $overlap', ({ outer, inner, ...expected }) => {
    // Act
    const contains = periodContains(p(outer), p(inner));
    const overlap = periodsOverlap(p(outer), p(inner));

    // Assess
    expect({ contains, overlap }).toEqual(expected);
  });

  it('agree with the periods’ days, for any two periods', () => {
    fc.assert(
      fc.property(arbitraryPeriod, arbitraryPeriod, (a, b) => {
        // Act
        const contains = periodContains(a, b);
        const overlap = periodsOverlap(a, b);

        // Assess
        expect(contains).toBe(rangeContains(periodRange(a), periodRange(b)));
        expect(overlap).toBe(rangesOverlap(periodRange(a), periodRange(b)));
      }),
    );
  });

  it('agree with the days for periods of the same year, which random pairs seldom are', () => {
    fc.assert(
      fc.property(arbitraryPeriod, arbitraryPeriod, (a, b) => {
        // Prepare
        const sameYear = { ...b, year: a.year } as typeof b;

        // Act, Assess
        expect(periodContains(a, sameYear)).toBe(
          rangeContains(periodRange(a), periodRange(sameYear)),
        );
        expect(periodsOverlap(a, sameYear)).toBe(
          rangesOverlap(periodRange(a), periodRange(sameYear)),
        );
      }),
    );
  });
});

describe('periodOfRange', () => {
  it.each([
    { range: { start: '2026-07-01', end: '2026-12-31' }, code: '2026-H2' },
    { range: { start: '2026-01-01', end: '2026-12-31' }, code: '2026' },
    { range: { start: '2026-01-01', end: '2026-09-30' }, code: '2026-9M' },
    { range: { start: '2026-07-01', end: '2026-09-30' }, code: '2026-Q3' },
    { range: { start: '2026-02-01', end: '2026-02-28' }, code: '2026-02' },
    { range: { start: '2026-07-08', end: '2030-12-31' }, code: null }, // KH267
    { range: { start: '2026-07-01', end: '2026-12-30' }, code: null },
    { range: { start: '2026-07-01', end: '2027-06-30' }, code: null },
  ])('$range.start .. $range.end is $code', ({ range, code }) => {
    // Act
    const period = periodOfRange(range);

    // Assess
    expect(period === null ? null : formatPeriod(period)).toBe(code);
  });

  it('finds every period from its own range', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const found = periodOfRange(periodRange(period));

        // Assess
        expect(found).toEqual(period);
      }),
    );
  });
});

describe('periods relative to a day', () => {
  it.each([
    { day: '2026-09-30', kind: 'month' as const, code: '2026-09' },
    { day: '2026-09-30', kind: 'quarter' as const, code: '2026-Q3' },
    { day: '2026-06-30', kind: 'half' as const, code: '2026-H1' },
    { day: '2026-07-01', kind: 'half' as const, code: '2026-H2' },
    { day: '2026-12-31', kind: 'year' as const, code: '2026' },
  ])('$day lies in the $kind $code', ({ day, kind, code }) => {
    // Act
    const period = periodContaining(day, kind);

    // Assess
    expect(formatPeriod(period)).toBe(code);
  });

  it('takes the current period in the province, not in UTC', () => {
    // Prepare: 23:30 UTC on 30 September is 06:30 on 1 October in Lạng Sơn.
    const now = new Date('2026-09-30T23:30:00Z');

    // Act
    const periods = [
      currentPeriod('month', now),
      currentPeriod('quarter', now),
      currentPeriod('half', now),
      currentPeriod('year', now),
    ];

    // Assess
    expect(codes(periods)).toEqual(['2026-10', '2026-Q4', '2026-H2', '2026']);
  });

  it('puts every day in a period of each tiling kind that contains it', () => {
    fc.assert(
      fc.property(arbitraryDay, arbitraryTilingKind, (day, kind) => {
        // Act
        const period = periodContaining(day, kind);

        // Assess
        expect(period.kind).toBe(kind);
        expect(rangeContainsDay(periodRange(period), day)).toBe(true);
      }),
    );
  });

  it('agrees with the province calendar day of the instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        arbitraryTilingKind,
        (now, kind) => {
          // Act
          const period = currentPeriod(kind, now);

          // Assess
          expect(rangeContainsDay(periodRange(period), todayInProvince(now))).toBe(true);
        },
      ),
    );
  });
});

describe('previousYearPeriod', () => {
  it.each([
    { code: '2025-H1', previous: '2024-H1' },
    { code: '2026-Q3', previous: '2025-Q3' },
    { code: '2026-9M', previous: '2025-9M' },
    { code: '2026-02', previous: '2025-02' },
    { code: '2026', previous: '2025' },
    { code: '0001-Q1', previous: null },
  ])('the same period before $code is $previous', ({ code, previous }) => {
    // Act
    const period = previousYearPeriod(p(code));

    // Assess
    expect(period === null ? null : formatPeriod(period)).toBe(previous);
  });
});

describe('yearToDate', () => {
  it.each([
    { code: '2026-Q1', ytd: '2026-Q1' },
    { code: '2026-Q2', ytd: '2026-H1' },
    { code: '2026-Q3', ytd: '2026-9M' },
    { code: '2026-Q4', ytd: '2026' },
    { code: '2026-H1', ytd: '2026-H1' },
    { code: '2026-H2', ytd: '2026' },
    { code: '2026-9M', ytd: '2026-9M' },
    { code: '2026', ytd: '2026' },
    { code: '2026-01', ytd: '2026-01' },
    { code: '2026-03', ytd: '2026-Q1' },
    { code: '2026-06', ytd: '2026-H1' },
    { code: '2026-09', ytd: '2026-9M' },
    { code: '2026-12', ytd: '2026' },
    { code: '2026-02', ytd: null },
    { code: '2026-08', ytd: null },
  ])('lũy kế to the end of $code is $ytd', ({ code, ytd }) => {
    // Act
    const period = yearToDate(p(code));

    // Assess
    expect(period === null ? null : formatPeriod(period)).toBe(ytd);
  });

  it('starts the year, contains the period and ends with it', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const ytd = yearToDate(period);

        // Assess
        fc.pre(ytd !== null);
        if (ytd === null) return;
        expect(periodRange(ytd).start).toBe(`${String(period.year).padStart(4, '0')}-01-01`);
        expect(periodContains(ytd, period)).toBe(true);
        expect(periodRange(ytd).end).toBe(periodRange(period).end);
      }),
    );
  });
});

describe('how periods nest', () => {
  it('lists the twenty periods of a year, each once', () => {
    // Act
    const all = codes(periodsOfYear(2026));

    // Assess
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
  });

  it.each([
    { code: '2026-08', parts: [] },
    { code: '2026-Q3', parts: [['2026-07', '2026-08', '2026-09']] },
    { code: '2026-H1', parts: [['2026-Q1', '2026-Q2']] },
    { code: '2026-H2', parts: [['2026-Q3', '2026-Q4']] },
    { code: '2026-9M', parts: [['2026-H1', '2026-Q3']] },
    {
      code: '2026',
      parts: [
        ['2026-H1', '2026-H2'],
        ['2026-9M', '2026-Q4'],
      ],
    },
  ])('$code is made of $parts', ({ code, parts }) => {
    // Act
    const partitions = partitionsOf(p(code)).map(codes);

    // Assess
    expect(partitions).toEqual(parts);
  });

  it('cuts every period into parts that tile it', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const partitions = partitionsOf(period);

        // Assess
        for (const parts of partitions) {
          const months = parts.flatMap(periodMonths);
          expect(codes(months)).toEqual(codes(periodMonths(period)));
        }
      }),
    );
  });

  it.each([
    { code: '2026', ending: ['2026', '2026-H2', '2026-Q4', '2026-12'] },
    { code: '2026-9M', ending: ['2026-9M', '2026-Q3', '2026-09'] },
    { code: '2026-H1', ending: ['2026-H1', '2026-Q2', '2026-06'] },
    { code: '2026-Q3', ending: ['2026-Q3', '2026-09'] },
    { code: '2026-05', ending: ['2026-05'] },
  ])('$code ends with $ending', ({ code, ending }) => {
    // Act
    const periods = codes(periodsEndingWith(p(code)));

    // Assess
    expect(periods).toEqual(ending);
  });

  it.each([
    { code: '2026-05', enclosing: ['2026-Q2', '2026-H1', '2026-9M', '2026'] },
    { code: '2026-Q4', enclosing: ['2026-H2', '2026'] },
    { code: '2026-H1', enclosing: ['2026-9M', '2026'] },
    { code: '2026', enclosing: [] },
  ])('$code lies in $enclosing', ({ code, enclosing }) => {
    // Act
    const periods = codes(periodsEnclosing(p(code)));

    // Assess
    expect(periods).toEqual(enclosing);
  });

  it('lists the periods within a half, the half first', () => {
    // Act
    const periods = codes(periodsWithin(p('2026-H1')));

    // Assess
    expect(periods).toEqual([
      '2026-H1',
      '2026-Q1',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-Q2',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });

  it('orders periods by start, the longer first', () => {
    // Prepare
    const shuffled = ['2026-Q3', '2026-07', '2026', '2026-H2', '2026-9M', '2025-12'].map(p);

    // Act
    const sorted = codes([...shuffled].sort(comparePeriods));

    // Assess
    expect(sorted).toEqual(['2025-12', '2026', '2026-9M', '2026-H2', '2026-Q3', '2026-07']);
  });
});
