/** fast-check generators of periods, shared by the period and indicator tests. */
import fc from 'fast-check';
import type { Period, TilingPeriodKind } from '#shared/domain/period/period.ts';

export const arbitraryYear = fc.integer({ min: 2, max: 9998 });

export const arbitraryPeriod: fc.Arbitrary<Period> = fc.oneof(
  fc.record({
    kind: fc.constant('month' as const),
    year: arbitraryYear,
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: arbitraryYear,
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({
    kind: fc.constant('half' as const),
    year: arbitraryYear,
    half: fc.constantFrom(1 as const, 2 as const),
  }),
  fc.record({ kind: fc.constant('nineMonths' as const), year: arbitraryYear }),
  fc.record({ kind: fc.constant('year' as const), year: arbitraryYear }),
);

export const arbitraryTilingKind = fc.constantFrom<TilingPeriodKind>(
  'month',
  'quarter',
  'half',
  'year',
);

/** A real date in years the province will meet, and a margin. */
export const arbitraryDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
