import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIso,
  endOfDayInstant,
  isIsoDate,
  isLeapYear,
  isValidDate,
  isoDate,
  lastDayOfMonth,
  monthRange,
  parseIsoDate,
  provinceDateTime,
  quarterOf,
  quarterRange,
  todayInProvince,
  yearRange,
} from '#shared/domain/calendar.ts';

/** A real date within the years the platform will meet (and a margin). */
const arbitraryDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('isValidDate and lastDayOfMonth', () => {
  it.each([
    { y: 2024, m: 2, d: 29, valid: true }, // divisible by 4
    { y: 2026, m: 2, d: 29, valid: false },
    { y: 2027, m: 2, d: 29, valid: false },
    { y: 1900, m: 2, d: 29, valid: false }, // century, not divisible by 400
    { y: 2000, m: 2, d: 29, valid: true }, // divisible by 400
    { y: 2026, m: 6, d: 31, valid: false },
    { y: 2026, m: 6, d: 30, valid: true },
    { y: 2026, m: 12, d: 31, valid: true },
    { y: 2026, m: 13, d: 1, valid: false },
    { y: 2026, m: 0, d: 1, valid: false },
    { y: 2026, m: 1, d: 0, valid: false },
    { y: 0, m: 1, d: 1, valid: false },
    { y: 10000, m: 1, d: 1, valid: false },
    { y: 2026, m: 1.5, d: 1, valid: false },
  ])('$y-$m-$d is valid: $valid', ({ y, m, d, valid }) => {
    // Act
    const result = isValidDate(y, m, d);

    // Assess
    expect(result).toBe(valid);
  });

  it.each([
    { y: 2026, m: 1, last: 31 },
    { y: 2026, m: 2, last: 28 },
    { y: 2028, m: 2, last: 29 },
    { y: 2100, m: 2, last: 28 },
    { y: 2026, m: 4, last: 30 },
    { y: 2026, m: 9, last: 30 },
    { y: 2026, m: 11, last: 30 },
    { y: 2026, m: 12, last: 31 },
  ])('month $m of $y has $last days', ({ y, m, last }) => {
    // Act
    const result = lastDayOfMonth(y, m);

    // Assess
    expect(result).toBe(last);
  });

  it('agrees with the JavaScript Date on leap years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), (year) => {
        // Prepare
        const date = new Date(0);
        date.setUTCFullYear(year, 1, 29);

        // Act
        const leap = isLeapYear(year);

        // Assess
        expect(leap).toBe(date.getUTCMonth() === 1);
      }),
    );
  });
});

describe('isoDate and parseIsoDate', () => {
  it('pads to the four-digit ISO form', () => {
    // Act
    const result = [isoDate(2026, 7, 1), isoDate(999, 1, 9)];

    // Assess
    expect(result).toEqual(['2026-07-01', '0999-01-09']);
  });

  it('refuses a date that does not exist', () => {
    // Act
    const act = () => isoDate(2026, 6, 31);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it.each(['2026-06-31', '2027-02-29', '2026-7-1', '26-07-01', '2026-07-01T00:00', ''])(
    'rejects %j',
    (text) => {
      // Act
      const result = [parseIsoDate(text), isIsoDate(text)];

      // Assess
      expect(result).toEqual([null, false]);
    },
  );

  it('round-trips every real date', () => {
    fc.assert(
      fc.property(arbitraryDate, (iso) => {
        // Act
        const parts = parseIsoDate(iso);

        // Assess
        expect(parts).not.toBeNull();
        if (!parts) return;
        expect(isValidDate(parts.year, parts.month, parts.day)).toBe(true);
        expect(isoDate(parts.year, parts.month, parts.day)).toBe(iso);
      }),
    );
  });
});

describe('ranges', () => {
  it.each([
    { q: 1 as const, start: '2026-01-01', end: '2026-03-31' },
    { q: 2 as const, start: '2026-04-01', end: '2026-06-30' },
    { q: 3 as const, start: '2026-07-01', end: '2026-09-30' },
    { q: 4 as const, start: '2026-10-01', end: '2026-12-31' },
  ])('quarter $q of 2026 is $start..$end', ({ q, start, end }) => {
    // Act
    const range = quarterRange(2026, q);

    // Assess
    expect(range).toEqual({ start, end });
  });

  it('gives whole months and years, leap February included', () => {
    // Act
    const result = [monthRange(2028, 2), monthRange(2026, 2), yearRange(2026)];

    // Assess
    expect(result).toEqual([
      { start: '2028-02-01', end: '2028-02-29' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-01-01', end: '2026-12-31' },
    ]);
  });

  it('tiles each year with its four quarters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (year) => {
        // Act
        const quarters = ([1, 2, 3, 4] as const).map((q) => quarterRange(year, q));

        // Assess
        expect(quarters[0]?.start).toBe(yearRange(year).start);
        expect(quarters[3]?.end).toBe(yearRange(year).end);
        for (let i = 1; i < 4; i++) {
          expect(addDays(quarters[i - 1]?.end ?? '', 1)).toBe(quarters[i]?.start);
        }
      }),
    );
  });
});

describe('addDays and compareIso', () => {
  it.each([
    { iso: '2026-12-31', n: 1, expected: '2027-01-01' },
    { iso: '2028-02-28', n: 1, expected: '2028-02-29' },
    { iso: '2026-02-28', n: 1, expected: '2026-03-01' },
    { iso: '2026-03-01', n: -1, expected: '2026-02-28' },
    { iso: '2026-07-01', n: 0, expected: '2026-07-01' },
    { iso: '2026-01-01', n: 365, expected: '2027-01-01' },
    { iso: '0050-03-01', n: -1, expected: '0050-02-28' }, // years below 100 are not 19xx
  ])('$iso + $n days is $expected', ({ iso, n, expected }) => {
    // Act
    const result = addDays(iso, n);

    // Assess
    expect(result).toBe(expected);
  });

  it('refuses malformed input and leaving the four-digit years', () => {
    // Act
    const acts = [
      () => addDays('2026-06-31', 1),
      () => addDays('9999-12-31', 1),
      () => addDays('0001-01-01', -1),
      () => addDays('2026-01-01', 0.5),
    ];

    // Assess
    for (const act of acts) expect(act).toThrow(RangeError);
  });

  it('moves forward and back to the same date, in calendar order', () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        // Act
        const moved = addDays(iso, n);

        // Assess
        expect(isIsoDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(iso);
        expect(compareIso(moved, iso)).toBe(n > 0 ? 1 : n < 0 ? -1 : 0);
      }),
    );
  });

  it('orders dates as the calendar does', () => {
    // Act
    const result = [
      compareIso('2026-09-30', '2026-10-01'),
      compareIso('2026-10-01', '2026-10-01'),
      compareIso('2027-01-01', '2026-12-31'),
    ];

    // Assess
    expect(result).toEqual([-1, 0, 1]);
  });
});

describe('the province clock (UTC+7)', () => {
  it.each([
    { instant: '2026-09-30T16:59:59.999Z', today: '2026-09-30' },
    { instant: '2026-09-30T17:00:00.000Z', today: '2026-10-01' },
    { instant: '2026-12-31T17:00:00.000Z', today: '2027-01-01' },
    { instant: '2028-02-28T17:00:00.000Z', today: '2028-02-29' },
    { instant: '2026-07-01T00:00:00.000Z', today: '2026-07-01' },
  ])('at $instant it is $today in the province', ({ instant, today }) => {
    // Act
    const result = todayInProvince(new Date(instant));

    // Assess
    expect(result).toBe(today);
  });

  it.each([
    { instant: '2026-09-19T17:30:00.000Z', date: '2026-09-20', time: '00:30' },
    { instant: '2026-09-30T16:59:59.999Z', date: '2026-09-30', time: '23:59' },
    { instant: '2026-07-01T02:05:00.000Z', date: '2026-07-01', time: '09:05' },
  ])('reads $instant as $date $time on the province’s clock', ({ instant, date, time }) => {
    // Act
    const result = provinceDateTime(new Date(instant));

    // Assess
    expect(result).toEqual({ date, time });
  });

  it('ends a day at 17:00 UTC less a millisecond', () => {
    // Act
    const end = endOfDayInstant('2026-09-30');

    // Assess
    expect(end.toISOString()).toBe('2026-09-30T16:59:59.999Z');
    expect(todayInProvince(end)).toBe('2026-09-30');
    expect(todayInProvince(new Date(end.getTime() + 1))).toBe('2026-10-01');
  });

  it('agrees with a fixed seven-hour offset at every instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1976-01-01T00:00:00Z'),
          max: new Date('2199-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (now) => {
          // Act
          const today = todayInProvince(now);

          // Assess
          const shifted = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
          expect(today).toBe(shifted);
          expect(endOfDayInstant(today).getTime()).toBeGreaterThanOrEqual(now.getTime());
        },
      ),
    );
  });

  it('refuses to end a day that does not exist', () => {
    // Act
    const act = () => endOfDayInstant('2026-02-29');

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('quarters', () => {
  it.each([
    { iso: '2026-01-01', year: 2026, quarter: 1 },
    { iso: '2026-03-31', year: 2026, quarter: 1 },
    { iso: '2026-04-01', year: 2026, quarter: 2 },
    { iso: '2026-09-30', year: 2026, quarter: 3 },
    { iso: '2026-10-01', year: 2026, quarter: 4 },
    { iso: '2026-12-31', year: 2026, quarter: 4 },
  ])('$iso is in $year Q$quarter', ({ iso, year, quarter }) => {
    // Act
    const result = quarterOf(iso);

    // Assess
    expect(result).toEqual({ year, quarter });
  });

  it('places every date inside the range of its quarter', () => {
    fc.assert(
      fc.property(arbitraryDate, (iso) => {
        // Act
        const { year, quarter } = quarterOf(iso);

        // Assess
        const range = quarterRange(year, quarter);
        expect(compareIso(range.start, iso)).toBeLessThanOrEqual(0);
        expect(compareIso(iso, range.end)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
