import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatQuarter, type QuarterNumber } from '#shared/domain/calendar.ts';
import { dataWindow, monthlyWindows } from '#shared/domain/rollup/data-window.ts';

describe('dataWindow', () => {
  it.each([
    { quarter: '2026-Q1', start: '2025-12-15', end: '2026-03-14' },
    { quarter: '2026-Q2', start: '2026-03-15', end: '2026-06-14' },
    { quarter: '2026-Q3', start: '2026-06-15', end: '2026-09-14' },
    { quarter: '2026-Q4', start: '2026-09-15', end: '2026-12-14' },
  ])('under Decree 09/2019/NĐ-CP $quarter runs $start .. $end', ({ quarter, start, end }) => {
    // Prepare: the quarter. Act
    const window = dataWindow(quarter, 'decree-09-2019');

    // Assess
    expect(window).toEqual({ start, end });
  });

  it.each([
    { quarter: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
    { quarter: '2028-Q1', start: '2028-01-01', end: '2028-03-31' },
    { quarter: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
    { quarter: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
  ])('by the calendar $quarter runs $start .. $end', ({ quarter, start, end }) => {
    // Prepare: the quarter. Act
    const window = dataWindow(quarter, 'calendar');

    // Assess
    expect(window).toEqual({ start, end });
  });

  it('rejects what is not a quarter', () => {
    // Prepare: a month. Act
    const act = () => dataWindow('2026-09', 'calendar');

    // Assess
    expect(act).toThrow(RangeError);
  });

  it('tiles the years: each quarter’s window starts the day after the previous one ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
        fc.constantFrom('calendar' as const, 'decree-09-2019' as const),
        (year, quarter, cutoff) => {
          // Prepare
          const next =
            quarter === 4
              ? formatQuarter(year + 1, 1)
              : formatQuarter(year, (quarter + 1) as QuarterNumber);

          // Act
          const current = dataWindow(formatQuarter(year, quarter), cutoff);
          const following = dataWindow(next, cutoff);

          // Assess
          expect(addDays(current.end, 1)).toBe(following.start);
        },
      ),
    );
  });
});

describe('monthlyWindows', () => {
  it('cuts each month from the 15th before to the 14th under the decree', () => {
    // Prepare: the quarter. Act
    const months = monthlyWindows('2026-Q1', 'decree-09-2019');

    // Assess
    expect(months).toEqual([
      { period: '2026-01', range: { start: '2025-12-15', end: '2026-01-14' } },
      { period: '2026-02', range: { start: '2026-01-15', end: '2026-02-14' } },
      { period: '2026-03', range: { start: '2026-02-15', end: '2026-03-14' } },
    ]);
  });

  it.each(['calendar', 'decree-09-2019'] as const)('tiles the quarter’s %s window', (cutoff) => {
    // Prepare
    const window = dataWindow('2026-Q3', cutoff);

    // Act
    const months = monthlyWindows('2026-Q3', cutoff).map((month) => month.range);

    // Assess
    expect(months[0]?.start).toBe(window.start);
    expect(months[2]?.end).toBe(window.end);
    expect(addDays(months[0]?.end ?? '', 1)).toBe(months[1]?.start);
    expect(addDays(months[1]?.end ?? '', 1)).toBe(months[2]?.start);
  });
});
