import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRun, parseCron } from '#infra/local/events/cron-expression.ts';
import { fixedOffsetMs } from '#infra/local/events/zone-offset.ts';

const VN = 'Asia/Ho_Chi_Minh';
const iso = (date: Date | undefined) => date?.toISOString();

describe('nextRun in Asia/Ho_Chi_Minh (UTC+7)', () => {
  it.each([
    {
      name: 'daily 06:00 local is 23:00Z the day before',
      cron: 'cron(0 6 * * ? *)',
      after: '2026-07-01T00:00:00Z',
      next: '2026-07-01T23:00:00.000Z',
    },
    {
      name: 'the next run is strictly after the given instant',
      cron: 'cron(0 6 * * ? *)',
      after: '2026-07-01T23:00:00Z',
      next: '2026-07-02T23:00:00.000Z',
    },
    {
      name: 'seconds are ignored: a run due at the next minute is found',
      cron: 'cron(0 6 * * ? *)',
      after: '2026-07-01T22:59:59.999Z',
      next: '2026-07-01T23:00:00.000Z',
    },
    {
      name: 'quarterly: 00:05 local on 1 October is 17:05Z on 30 September',
      cron: 'cron(5 0 1 1,4,7,10 ? *)',
      after: '2026-09-30T17:00:00Z',
      next: '2026-09-30T17:05:00.000Z',
    },
    {
      name: 'quarterly: once 1 October 00:05 local has passed, the next is 1 January',
      cron: 'cron(5 0 1 1,4,7,10 ? *)',
      after: '2026-09-30T18:00:00Z',
      next: '2026-12-31T17:05:00.000Z',
    },
    {
      name: 'month names work like numbers',
      cron: 'cron(5 0 1 JAN,APR,JUL,OCT ? *)',
      after: '2026-09-30T18:00:00Z',
      next: '2026-12-31T17:05:00.000Z',
    },
    {
      name: 'L is the last day of a 28-day February',
      cron: 'cron(0 17 L * ? *)',
      after: '2026-02-01T00:00:00Z',
      next: '2026-02-28T10:00:00.000Z',
    },
    {
      name: 'L is 29 February in a leap year',
      cron: 'cron(0 17 L * ? *)',
      after: '2028-02-01T00:00:00Z',
      next: '2028-02-29T10:00:00.000Z',
    },
    {
      name: 'L after the end of a 31-day month goes to the next month end',
      cron: 'cron(0 17 L * ? *)',
      after: '2026-01-31T10:00:00Z',
      next: '2026-02-28T10:00:00.000Z',
    },
    {
      name: 'a local midnight run crosses into the previous UTC day and month',
      cron: 'cron(0 0 1 * ? *)',
      after: '2026-07-15T00:00:00Z',
      next: '2026-07-31T17:00:00.000Z',
    },
    {
      name: 'weekdays by name skip the weekend (Saturday 11 July 2026 local)',
      cron: 'cron(0 8 ? * MON-FRI *)',
      after: '2026-07-11T00:00:00Z',
      next: '2026-07-13T01:00:00.000Z',
    },
    {
      name: 'weekdays by number: 1 is Sunday, so 2-6 is Monday to Friday',
      cron: 'cron(0 8 ? * 2-6 *)',
      after: '2026-07-11T00:00:00Z',
      next: '2026-07-13T01:00:00.000Z',
    },
    {
      name: 'day-of-week 1 is Sunday in the local zone',
      cron: 'cron(30 1 ? * 1 *)',
      after: '2026-07-08T00:00:00Z',
      next: '2026-07-11T18:30:00.000Z',
    },
    {
      name: 'a minute step counts from the given start',
      cron: 'cron(10/20 * * * ? *)',
      after: '2026-07-01T00:31:00Z',
      next: '2026-07-01T00:50:00.000Z',
    },
    {
      name: 'a star step counts from the start of the field',
      cron: 'cron(*/15 * * * ? *)',
      after: '2026-07-01T00:46:00Z',
      next: '2026-07-01T01:00:00.000Z',
    },
    {
      name: 'a stepped hour range skips hours inside the range',
      cron: 'cron(0 8-18/4 * * ? *)',
      after: '2026-07-01T05:30:00Z',
      next: '2026-07-01T09:00:00.000Z',
    },
    {
      name: 'a fixed year waits for that year',
      cron: 'cron(0 0 1 1 ? 2030)',
      after: '2026-07-01T00:00:00Z',
      next: '2029-12-31T17:00:00.000Z',
    },
  ])('$name', ({ cron, after, next }) => {
    // Act
    const result = nextRun(cron, VN, new Date(after));

    // Assess
    expect(iso(result)).toBe(next);
  });

  it.each([
    { name: 'its years are past', cron: 'cron(0 0 1 1 ? 2025)' },
    { name: 'it names a day no month has', cron: 'cron(0 0 30 2 ? *)' },
  ])('is undefined when $name', ({ cron }) => {
    // Act
    const result = nextRun(cron, VN, new Date('2026-07-01T00:00:00Z'));

    // Assess
    expect(result).toBeUndefined();
  });

  it('agrees with a daily schedule for any instant', () => {
    const instant = fc.date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2190-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.nat(23), fc.nat(59), (after, hour, minute) => {
        // Act
        const next = nextRun(`cron(${minute} ${hour} * * ? *)`, VN, after);

        // Assess
        const local = new Date((next?.getTime() ?? Number.NaN) + 7 * 3_600_000);
        expect(next && next > after).toBe(true);
        expect((next?.getTime() ?? 0) - after.getTime()).toBeLessThanOrEqual(86_400_000);
        expect([local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()]).toEqual([
          hour,
          minute,
          0,
        ]);
      }),
    );
  });

  it('refuses an invalid date', () => {
    // Act
    const act = () => nextRun('cron(0 6 * * ? *)', VN, new Date(Number.NaN));

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('parseCron', () => {
  it.each([
    { cron: '0 6 * * ? *', error: /expected cron\(minutes hours/ },
    { cron: 'cron(0 6 * * ?)', error: /expected cron\(minutes hours/ },
    { cron: 'cron(0 6 * * * *)', error: /exactly one of day-of-month and day-of-week must be \?/ },
    { cron: 'cron(0 6 ? * ? *)', error: /exactly one of day-of-month and day-of-week/ },
    { cron: 'cron(60 6 * * ? *)', error: /minutes: "60" is not a value from 0 to 59/ },
    { cron: 'cron(0 24 * * ? *)', error: /hours: "24"/ },
    { cron: 'cron(0 6 0 * ? *)', error: /day-of-month: "0"/ },
    { cron: 'cron(0 6 15W * ? *)', error: /day-of-month: "15W" .*W is not supported/ },
    { cron: 'cron(0 6 ? * 6#3 *)', error: /day-of-week: "6#3" .*# and L are not supported/ },
    { cron: 'cron(0 6 ? * 6L *)', error: /day-of-week: "6L"/ },
    { cron: 'cron(0 6 ? * 0 *)', error: /day-of-week: "0" is not a value from 1 to 7 or SUN-SAT/ },
    { cron: 'cron(0 6 * 13 ? *)', error: /month: "13"/ },
    { cron: 'cron(0 6 * FOO ? *)', error: /month: "FOO"/ },
    { cron: 'cron(0 6 * * ? 1969)', error: /year: "1969"/ },
    { cron: 'cron(0 18-6 * * ? *)', error: /the range "18-6" runs backwards/ },
    { cron: 'cron(*/0 6 * * ? *)', error: /malformed step/ },
    { cron: 'cron(0/ 6 * * ? *)', error: /malformed step/ },
    { cron: 'cron(0/5/2 6 * * ? *)', error: /malformed step/ },
    { cron: 'cron(0 6 1-2-3 * ? *)', error: /day-of-month: "1-2-3"/ },
    { cron: 'cron(0 6 ,1 * ? *)', error: /day-of-month: ""/ },
  ])('rejects $cron', ({ cron, error }) => {
    // Act
    const act = () => parseCron(cron);

    // Assess
    expect(act).toThrow(error);
  });

  it('quotes the expression in its errors', () => {
    // Act
    const act = () => parseCron('cron(61 6 * * ? *)');

    // Assess
    expect(act).toThrow('Invalid cron expression "cron(61 6 * * ? *)"');
  });

  it('reads names case-insensitively', () => {
    // Act
    const cron = parseCron('cron(0 6 ? jan-Mar sun,SAT *)');

    // Assess
    expect([...cron.months]).toEqual([1, 2, 3]);
    expect(cron.days).toEqual({ of: 'week', values: new Set([1, 7]) });
  });
});

describe('fixedOffsetMs', () => {
  it.each([
    { zone: 'Asia/Ho_Chi_Minh', offset: 7 * 3_600_000 },
    { zone: 'UTC', offset: 0 },
    { zone: 'Asia/Kolkata', offset: 5.5 * 3_600_000 },
    { zone: 'America/Caracas', offset: -4 * 3_600_000 },
  ])('reads $zone as $offset ms', ({ zone, offset }) => {
    // Act
    const result = fixedOffsetMs(zone, 2026);

    // Assess
    expect(result).toBe(offset);
  });

  it('refuses a zone with daylight saving time', () => {
    // Act
    const act = () => fixedOffsetMs('Europe/Paris', 2026);

    // Assess
    expect(act).toThrow(/changes its UTC offset during 2026/);
  });

  it('refuses an unknown zone', () => {
    // Act
    const act = () => fixedOffsetMs('Mars/Olympus_Mons', 2026);

    // Assess
    expect(act).toThrow(RangeError);
  });
});
