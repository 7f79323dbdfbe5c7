import { describe, expect, it } from 'vitest';
import type { Schedule } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import type { ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import { latestOnly, provinceInstant, report, task } from '../risk/fixtures.ts';

const monthly: Partial<Schedule> = {
  kind: 'recurring',
  recurrence: 'monthly',
  start: '2026-07-01',
  due: '2026-12-31',
};

/** so-nn's reporting row for one task and its reports, Q3 2026, computed on 20/10/2026. */
function rates(
  schedule: Partial<Schedule>,
  received: [string, string][],
  cutoff: ReportingCutoff,
  latestOn?: string,
) {
  const reports: ProgressReport[] = received.map(([day, period], i) =>
    report({ id: `r-${i}`, period, receivedAt: provinceInstant(day) }),
  );
  const snapshot = computeSnapshot({
    quarter: '2026-Q3',
    sector: 'agriculture',
    cutoff,
    tasks: [
      {
        task: task({ schedule }),
        latestReport: latestOn
          ? latestOnly({
              reportId: 'old',
              status: 'completed',
              receivedAt: provinceInstant(latestOn),
            })
          : null,
        latestActuals: {},
        riskReasons: [],
      },
    ],
    reports,
    previousYear: null,
    computedAt: '2026-10-20T03:00:00.000Z',
    closed: true,
  });
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
  it('expects one report a quarter and counts one received in the window as on time', () => {
    // Prepare: the reports. Act
    const row = rates({}, [['2026-08-01', '2026-Q3']], 'calendar');

    // Assess
    expect(row).toEqual({
      expected: 1,
      received: 1,
      onTime: 1,
      completeness: 100,
      timeliness: 100,
    });
  });

  it('counts a report for the quarter received after the window as received, late', () => {
    // Prepare: the Q3 report arrives on 05/10. Act
    const row = rates({}, [['2026-10-05', '2026-Q3']], 'calendar');

    // Assess
    expect(row).toEqual({ expected: 1, received: 1, onTime: 0, completeness: 100, timeliness: 0 });
  });

  it('does not count a later quarter’s report for this one', () => {
    // Prepare: a Q4 report on 05/10. Act
    const row = rates({}, [['2026-10-05', '2026-Q4']], 'calendar');

    // Assess
    expect(row).toEqual({ expected: 1, received: 0, onTime: 0, completeness: 0, timeliness: 0 });
  });

  it('cuts the quarter at the 14th of its last month under Decree 09/2019', () => {
    // Prepare: a report on 15/09, the day after Q3's decree window closes, named for Q3
    const reports: [string, string][] = [['2026-09-15', '2026-Q3']];

    // Act
    const decree = rates({}, reports, 'decree-09-2019');
    const calendar = rates({}, reports, 'calendar');

    // Assess
    expect(decree).toEqual({
      expected: 1,
      received: 1,
      onTime: 0,
      completeness: 100,
      timeliness: 0,
    });
    expect(calendar).toEqual({
      expected: 1,
      received: 1,
      onTime: 1,
      completeness: 100,
      timeliness: 100,
    });
  });

  it('counts a report from 20/06 in Q3 under the decree (its window opens on 15/06)', () => {
    // Prepare: a June report, received in Q3's decree window
    const reports: [string, string][] = [['2026-06-20', '2026-Q2']];

    // Act
    const decree = rates({ start: '2026-06-01' }, reports, 'decree-09-2019');
    const calendar = rates({ start: '2026-06-01' }, reports, 'calendar');

    // Assess
    expect(decree).toMatchObject({ received: 1, onTime: 1 });
    expect(calendar).toMatchObject({ received: 0, onTime: 0 });
  });

  it('expects a monthly task to report each month, and rates it per month', () => {
    // Prepare: July on time, August's report named and late (02/09), September missing
    const reports: [string, string][] = [
      ['2026-07-25', '2026-07'],
      ['2026-09-02', '2026-08'],
    ];

    // Act
    const row = rates(monthly, reports, 'calendar');

    // Assess
    expect(row).toEqual({
      expected: 3,
      received: 2,
      onTime: 1,
      completeness: 66.67,
      timeliness: 33.33,
    });
  });

  it('lets one report cover one month only', () => {
    // Prepare: a single report named for the quarter, received in August
    const reports: [string, string][] = [['2026-08-10', '2026-Q3']];

    // Act
    const row = rates(monthly, reports, 'calendar');

    // Assess
    expect(row).toEqual({
      expected: 3,
      received: 1,
      onTime: 1,
      completeness: 33.33,
      timeliness: 33.33,
    });
  });

  it('cuts months from the 15th to the 14th under the decree', () => {
    // Prepare: reports on 14/07 (July's window) and 15/07 (August's), named by quarter
    const reports: [string, string][] = [
      ['2026-07-14', '2026-Q3'],
      ['2026-07-15', '2026-Q3'],
    ];

    // Act
    const row = rates(monthly, reports, 'decree-09-2019');

    // Assess
    expect(row).toEqual({
      expected: 3,
      received: 2,
      onTime: 2,
      completeness: 66.67,
      timeliness: 66.67,
    });
  });

  it('expects only the months a monthly task runs in', () => {
    // Prepare: a monthly task from August. Act
    const row = rates({ ...monthly, start: '2026-08-01' }, [], 'calendar');

    // Assess
    expect(row).toEqual({ expected: 2, received: 0, onTime: 0, completeness: 0, timeliness: 0 });
  });

  it.each([
    { what: 'starts after the window', schedule: { start: '2026-10-01', due: '2026-12-31' } },
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
    const row = rates(schedule, [], 'calendar');

    // Assess
    expect(row).toBeUndefined();
  });

  it('expects nothing of a task completed before the window opened', () => {
    // Prepare: completed on 20/06. Act
    const row = rates(
      { kind: 'deadline', start: null, due: '2026-06-30' },
      [],
      'calendar',
      '2026-06-20',
    );

    // Assess
    expect(row).toBeUndefined();
  });
});

describe('the edge of a month’s window', () => {
  it.each([
    { day: '2026-07-31', onTime: 1 },
    { day: '2026-08-01', onTime: 0 },
  ])('July’s report received on $day counts $onTime on time', ({ day, onTime }) => {
    // Prepare: the report, named for July. Act
    const row = rates(monthly, [[day, '2026-07']], 'calendar');

    // Assess
    expect(row).toMatchObject({ received: 1, onTime });
  });
});
