import { describe, expect, it } from 'vitest';
import { endOfDayInstant } from '#shared/domain/calendar.ts';
import type { Schedule } from '#shared/domain/plan/model.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import {
  deadlineDay,
  PROVINCE_REPORTING_CALENDAR,
  reportTimeliness,
  resolveCalendar,
  type ReportingCalendar,
} from '#shared/domain/period/reporting-calendar.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import { provinceInstant, report, task } from '../risk/fixtures.ts';
import { rollupTask, snapshotInput } from './input.ts';

const monthly: Partial<Schedule> = {
  kind: 'recurring',
  recurrence: 'monthly',
  start: '2026-07-01',
  due: '2026-12-31',
};

/** A plan's calendar: the province's cut-off, reports due on the 10th of the month after. */
const TENTH_AFTER = resolveCalendar({
  deadlines: {
    month: { kind: 'dayOfMonth', day: 10, monthOffset: 1 },
    quarter: { kind: 'dayOfMonth', day: 10, monthOffset: 1 },
  },
});

/**
 * so-nn's reporting row for one task and its reports (each on time or late by `calendar`,
 * as submission stores it), in the official snapshot of `period` taken on 20/10/2026.
 */
function rates(
  schedule: Partial<Schedule>,
  received: [string, string][],
  options: { calendar?: ReportingCalendar; period?: string; latest?: ProgressReport[] } = {},
) {
  const calendar = options.calendar ?? PROVINCE_REPORTING_CALENDAR;
  const reports = received.map(([day, period], i) => {
    const receivedAt = provinceInstant(day);
    return report({
      id: `r-${i}`,
      period,
      receivedAt,
      asOf: day,
      deadline: deadlineDay(requirePeriod(period), calendar),
      timeliness: reportTimeliness(requirePeriod(period), new Date(receivedAt), calendar),
    });
  });
  const snapshot = computeSnapshot(
    snapshotInput({
      period: options.period ?? '2026-Q3',
      deadline: '2026-10-20',
      knownAt: endOfDayInstant('2026-10-20').toISOString(),
      tasks: [rollupTask(task({ schedule }), { latest: options.latest ?? reports })],
      reports,
    }),
  );
  const [row] = snapshot.reporting;
  return (
    row && {
      expected: row.expected,
      received: row.received,
      onTime: row.receivedOnTime,
      completeness: row.completeness,
      timeliness: row.timeliness,
    }
  );
}

describe('reporting completeness and timeliness', () => {
  it('expects one report a quarter and counts one received by the deadline as on time', () => {
    // Prepare: the reports. Act
    const row = rates({}, [['2026-08-01', '2026-Q3']]);

    // Assess
    expect(row).toEqual({
      expected: 1,
      received: 1,
      onTime: 1,
      completeness: 100,
      timeliness: 100,
    });
  });

  it('counts the Q3 report sent on 5 October in Q3: late by the province, on time by a plan’s 10th', () => {
    // Prepare: the Q3 report arrives on 05/10
    const reports: [string, string][] = [['2026-10-05', '2026-Q3']];

    // Act
    const province = rates({}, reports);
    const plan = rates({}, reports, { calendar: TENTH_AFTER });

    // Assess: the province's deadline is 18/09; the plan's 10/10
    expect(province).toEqual({
      expected: 1,
      received: 1,
      onTime: 0,
      completeness: 100,
      timeliness: 0,
    });
    expect(plan).toEqual({
      expected: 1,
      received: 1,
      onTime: 1,
      completeness: 100,
      timeliness: 100,
    });
  });

  it('does not count a later quarter’s report for this one', () => {
    // Prepare: a Q4 report on 05/10. Act
    const row = rates({}, [['2026-10-05', '2026-Q4']]);

    // Assess
    expect(row).toEqual({ expected: 1, received: 0, onTime: 0, completeness: 0, timeliness: 0 });
  });

  it('takes a month’s report as the quarter’s for a task that reports quarterly', () => {
    // Prepare: an August report. Act
    const row = rates({}, [['2026-08-10', '2026-08']]);

    // Assess
    expect(row).toMatchObject({ expected: 1, received: 1, onTime: 1 });
  });

  it('expects a monthly task to report each month, and rates it per month', () => {
    // Prepare: July on time, August's report late (20/08, after the 18th), September missing
    const reports: [string, string][] = [
      ['2026-07-15', '2026-07'],
      ['2026-08-20', '2026-08'],
    ];

    // Act
    const row = rates(monthly, reports);

    // Assess
    expect(row).toEqual({
      expected: 3,
      received: 2,
      onTime: 1,
      completeness: 66.67,
      timeliness: 33.33,
    });
  });

  it('does not let a quarter’s report stand for a monthly task’s months', () => {
    // Prepare: a single report on the quarter, received in August
    const reports: [string, string][] = [['2026-08-10', '2026-Q3']];

    // Act
    const row = rates(monthly, reports);

    // Assess
    expect(row).toEqual({ expected: 3, received: 0, onTime: 0, completeness: 0, timeliness: 0 });
  });

  it('expects only the months a monthly task runs in', () => {
    // Prepare: a monthly task from August. Act
    const row = rates({ ...monthly, start: '2026-08-01' }, []);

    // Assess
    expect(row).toEqual({ expected: 2, received: 0, onTime: 0, completeness: 0, timeliness: 0 });
  });

  it('expects one report per quarter of a half year the task lives in', () => {
    // Prepare: the second half of 2026, with the third quarter's report only
    const row = rates({ start: '2026-07-01', due: '2026-12-31' }, [['2026-09-01', '2026-Q3']], {
      period: '2026-H2',
    });

    // Assess
    expect(row).toEqual({ expected: 2, received: 1, onTime: 1, completeness: 50, timeliness: 50 });
  });

  it.each([
    { what: 'starts after the period', schedule: { start: '2026-10-01', due: '2026-12-31' } },
    {
      what: 'is an ongoing task whose window closed before it',
      schedule: { kind: 'ongoing' as const, start: '2026-01-01', due: '2026-06-30' },
    },
    {
      what: 'is unspecified and never reported on',
      schedule: { kind: 'unspecified' as const, start: null, due: null },
    },
  ])('expects nothing of a task that $what', ({ schedule }) => {
    // Prepare: the schedule. Act
    const row = rates(schedule, []);

    // Assess
    expect(row).toBeUndefined();
  });

  it('expects nothing of a task completed before the period began', () => {
    // Prepare: completed on 20/06, as its latest state says
    const completed = report({
      id: 'old',
      period: '2026-Q2',
      status: 'completed',
      asOf: '2026-06-20',
      receivedAt: provinceInstant('2026-06-20'),
    });

    // Act
    const row = rates({ kind: 'deadline', start: null, due: '2026-06-30' }, [], {
      latest: [completed],
    });

    // Assess
    expect(row).toBeUndefined();
  });
});
