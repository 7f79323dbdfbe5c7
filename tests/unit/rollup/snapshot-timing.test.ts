import { describe, expect, it } from 'vitest';
import { formatPeriod, requirePeriod } from '#shared/domain/period/period.ts';
import {
  PROVINCE_REPORTING_CALENDAR,
  resolveCalendar,
} from '#shared/domain/period/reporting-calendar.ts';
import {
  officialDeadline,
  periodsDue,
  snapshotMoment,
} from '#shared/domain/rollup/snapshot-timing.ts';

const KH266 = {
  period: { start: '2026-07-01', end: '2026-12-31' },
  calendar: PROVINCE_REPORTING_CALENDAR,
};
const TENTH_AFTER = resolveCalendar({
  deadlines: { quarter: { kind: 'dayOfMonth', day: 10, monthOffset: 1 } },
});

describe('the official deadline of a period', () => {
  it('is the province’s when every plan keeps its calendar: 18/09 for Q3', () => {
    // Prepare: KH266. Act
    const day = officialDeadline(requirePeriod('2026-Q3'), [KH266]);

    // Assess
    expect(day).toBe('2026-09-18');
  });

  it('waits for the latest deadline of the plans that cover the period', () => {
    // Prepare: a plan of the second half gives until the 10th; a 2025 plan would give more
    const plans = [
      { ...KH266, calendar: TENTH_AFTER },
      {
        period: { start: '2025-01-01', end: '2025-12-31' },
        calendar: resolveCalendar({
          deadlines: { quarter: { kind: 'daysAfterEnd', days: 60 } },
        }),
      },
    ];

    // Act
    const day = officialDeadline(requirePeriod('2026-Q3'), plans);

    // Assess: the 2025 plan does not cover Q3 2026
    expect(day).toBe('2026-10-10');
  });
});

describe('the moment a snapshot is taken', () => {
  it('is preliminary up to the end of the deadline day, knowing what came by then', () => {
    // Prepare: 23:59 on 18/09 in the province
    const now = new Date('2026-09-18T23:59:00+07:00');

    // Act
    const moment = snapshotMoment('2026-09-18', now, false);

    // Assess
    expect(moment).toEqual({ kind: 'preliminary', knownAt: now });
  });

  it('is the official one after it, knowing what came by the deadline, however late', () => {
    // Prepare: weeks after the deadline. Act
    const moment = snapshotMoment('2026-09-18', new Date('2026-11-01T09:00:00+07:00'), false);

    // Assess
    expect(moment).toEqual({
      kind: 'official',
      knownAt: new Date('2026-09-18T23:59:59.999+07:00'),
    });
  });

  it('is a revision once the official one is stored', () => {
    // Prepare
    const now = new Date('2026-11-01T09:00:00+07:00');

    // Act
    const moment = snapshotMoment('2026-09-18', now, true);

    // Assess
    expect(moment).toEqual({ kind: 'revision', knownAt: now });
  });
});

describe('the periods the daily job looks after', () => {
  it('are those of this year and the last that a plan covers and whose deadline has passed', () => {
    // Prepare: 00:05 on 19/12/2026, the morning after Q4's deadline
    const now = new Date('2026-12-19T00:05:00+07:00');

    // Act
    const due = periodsDue(now, [KH266]).map(formatPeriod);

    // Assess: no month; nothing before July; Q4, H2 and the year close on 18/12
    expect(due).toEqual(['2026', '2026-9M', '2026-H2', '2026-Q3', '2026-Q4']);
  });
});
