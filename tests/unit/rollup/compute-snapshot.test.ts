import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import { exampleInput, exampleTasks, exampleReports, lastYearInput } from './example.ts';

const lastYear = computeSnapshot(lastYearInput);

describe('computeSnapshot on the hand-computed quarter', () => {
  const snapshot = computeSnapshot(exampleInput(lastYear));

  it('validates against its own schema', () => {
    // Prepare: the snapshot. Act
    const result = snapshotSchema.safeParse(snapshot);

    // Assess
    expect(result.success).toBe(true);
  });

  it('states what it covers', () => {
    // Prepare: the snapshot. Act
    const { quarter, sector, cutoff, window, asOf, status, computedAt, basis } = snapshot;

    // Assess: 10 non-group agriculture tasks; 9 reports from 01/07 on (not the June one,
    // not the industry one), the last on 01/10
    expect({ quarter, sector, cutoff, window, asOf, status, computedAt, basis }).toEqual({
      quarter: '2026-Q3',
      sector: 'agriculture',
      cutoff: 'calendar',
      window: { start: '2026-07-01', end: '2026-09-30' },
      asOf: '2026-09-30',
      status: 'closed',
      computedAt: '2026-10-02T02:00:00.000Z',
      basis: { tasks: 10, reports: 9, lastReportAt: '2026-10-01T03:00:00.000Z' },
    });
  });

  it('counts every category', () => {
    // Prepare: the snapshot. Act
    const { counts } = snapshot;

    // Assess
    expect(counts).toEqual({
      completedOnTime: 2, // KH266-I-2 (20/09, due 30/09), KH266-I-11 (20/06, due 30/06)
      completedLate: 1, // KH266-I-3 (05/09, due 31/08)
      inProgressWithinDeadline: 2, // KH266-I-4, KH267-IV-10 (recurring: never late)
      overdueNotCompleted: 1, // KH266-I-5 (due 15/09)
      notStarted: 2, // KH266-I-6 (starts 01/10), KH266-I-7 (reported not_started)
      noReport: 1, // KH266-I-8
      cancelled: 1, // KH266-I-9
    });
  });

  it('places each task, in natural id order', () => {
    // Prepare: the snapshot. Act
    const placed = snapshot.tasks.map((t) => [t.taskId, t.category, t.percentComplete]);

    // Assess: KH267-IV-10's 80% came in on 01/10, after the as-of day: 70% stands
    expect(placed).toEqual([
      ['KH266-I-2', 'completedOnTime', 100],
      ['KH266-I-3', 'completedLate', 100],
      ['KH266-I-4', 'inProgressWithinDeadline', 40],
      ['KH266-I-5', 'overdueNotCompleted', 60],
      ['KH266-I-6', 'notStarted', null],
      ['KH266-I-7', 'notStarted', 0],
      ['KH266-I-8', 'noReport', null],
      ['KH266-I-9', 'cancelled', null],
      ['KH266-I-11', 'completedOnTime', 100],
      ['KH267-IV-10', 'inProgressWithinDeadline', 70],
    ]);
  });

  it('averages the percent complete of reported, uncancelled tasks', () => {
    // Prepare: the snapshot. Act
    const average = snapshot.averagePercentComplete;

    // Assess: (100 + 100 + 40 + 60 + 0 + 100 + 70) / 7 = 67.142857…
    expect(average).toBe(67.14);
  });

  it('counts reporting completeness and timeliness per lead agency', () => {
    // Prepare: the snapshot. Act
    const { reporting } = snapshot;

    // Assess:
    // so-nn owes I-2, I-3, I-5, I-7, I-9 (one each) and IV-10 (one a month: 3) = 8; not
    // I-6 (starts after the window) nor I-11 (completed before it). All 8 came in; the
    // September report of IV-10 came on 01/10, after its window: 7 on time.
    // ubnd-cap-xa owes I-4, covered by its member xa-a. so-ct owes I-8 and sent nothing.
    expect(reporting).toEqual([
      {
        agencyId: 'so-ct',
        agencyName: 'Sở Công Thương',
        expected: 1,
        received: 0,
        receivedOnTime: 0,
        completeness: 0,
        timeliness: 0,
      },
      {
        agencyId: 'so-nn',
        agencyName: 'Sở Nông nghiệp và Môi trường',
        expected: 8,
        received: 8,
        receivedOnTime: 7,
        completeness: 100,
        timeliness: 87.5,
      },
      {
        agencyId: 'ubnd-cap-xa',
        agencyName: 'UBND các xã, phường',
        expected: 1,
        received: 1,
        receivedOnTime: 1,
        completeness: 100,
        timeliness: 100,
      },
    ]);
  });

  it('sets every target against plan and the same quarter last year', () => {
    // Prepare: the snapshot. Act
    const rows = snapshot.targets.map((t) => [
      t.taskId,
      t.key,
      t.actual,
      t.attainment,
      t.attainmentText,
      t.met,
      t.lastYearActual,
      t.sameQuarterLastYear,
      t.sameQuarterLastYearText,
    ]);

    // Assess:
    // rice 13.859,36 of 15.520 ha = 89.30%; of last year's 15.540 ha = 89.185…% → 89.19
    // poor households 5% against a ceiling of 4%: 4 / 5 = 80%, not met
    // breeding stock: nothing reported
    // pests 95% (the 99% came after the as-of day) of 100%; last year 100 → 95%
    expect(rows).toEqual([
      [
        'KH266-I-2',
        'lua',
        13859.36,
        89.3,
        'đạt 89,30% kế hoạch',
        false,
        15540,
        89.19,
        'bằng 89,19% cùng kỳ',
      ],
      ['KH266-I-4', 'ho-ngheo', 5, 80, 'đạt 80,00% kế hoạch', false, null, null, null],
      ['KH266-I-5', 'con-giong', null, null, null, null, null, null, null],
      [
        'KH267-IV-10',
        'o-dich',
        95,
        95,
        'đạt 95,00% kế hoạch',
        false,
        100,
        95,
        'bằng 95,00% cùng kỳ',
      ],
    ]);
  });

  it('lists the tasks at risk with their reasons in the fixed code order', () => {
    // Prepare: the snapshot. Act
    const atRisk = snapshot.atRisk.map((t) => [
      t.taskId,
      t.section,
      t.leadAgencyIds,
      t.reasons.map((r) => r.code),
    ]);

    // Assess
    expect(atRisk).toEqual([
      ['KH266-I-4', 'I', ['ubnd-cap-xa'], ['BEHIND_SCHEDULE', 'SELF_REPORTED']],
      ['KH266-I-5', 'I', ['so-nn'], ['OVERDUE']],
      ['KH266-I-8', 'I', ['so-ct'], ['NO_RECENT_REPORT']],
    ]);
  });

  it('counts per plan and section', () => {
    // Prepare: the snapshot. Act
    const sections = snapshot.bySection;

    // Assess
    expect(sections).toEqual([
      {
        plan: 'KH266',
        section: 'I',
        title: 'Lĩnh vực nông nghiệp',
        tasks: 9,
        counts: {
          completedOnTime: 2,
          completedLate: 1,
          inProgressWithinDeadline: 1,
          overdueNotCompleted: 1,
          notStarted: 2,
          noReport: 1,
          cancelled: 1,
        },
        atRisk: 3,
      },
      {
        plan: 'KH267',
        section: 'IV',
        title: 'Nông nghiệp, lâm nghiệp',
        tasks: 1,
        counts: {
          completedOnTime: 0,
          completedLate: 0,
          inProgressWithinDeadline: 1,
          overdueNotCompleted: 0,
          notStarted: 0,
          noReport: 0,
          cancelled: 0,
        },
        atRisk: 0,
      },
    ]);
  });
});

describe('computeSnapshot determinism', () => {
  it('gives byte-identical JSON when run twice', () => {
    // Prepare
    const input = exampleInput(lastYear);

    // Act
    const first = JSON.stringify(computeSnapshot(input));
    const second = JSON.stringify(computeSnapshot(input));

    // Assess
    expect(second).toBe(first);
  });

  it('gives byte-identical JSON whatever the order of tasks, reports and reasons', () => {
    const expected = JSON.stringify(computeSnapshot(exampleInput(lastYear)));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(exampleTasks, { minLength: exampleTasks.length }),
        fc.shuffledSubarray(exampleReports, { minLength: exampleReports.length }),
        fc.shuffledSubarray(lastYear.targets, { minLength: lastYear.targets.length }),
        (tasks, reports, lastYearTargets) => {
          // Prepare: the same facts in another order
          const input = {
            ...exampleInput({ ...lastYear, targets: lastYearTargets }),
            tasks: tasks.map((t) => ({ ...t, riskReasons: [...t.riskReasons].reverse() })),
            reports,
          };

          // Act
          const json = JSON.stringify(computeSnapshot(input));

          // Assess
          expect(json).toBe(expected);
        },
      ),
    );
  });
});

describe('computeSnapshot as-of day', () => {
  it('judges a preliminary snapshot by the day it is computed, not the quarter’s end', () => {
    // Prepare: the same quarter computed on 10/09/2026 at 08:00 in the province
    const input = {
      ...exampleInput(lastYear),
      computedAt: '2026-09-10T01:00:00.000Z',
      closed: false,
    };

    // Act
    const snapshot = computeSnapshot(input);

    // Assess: I-2's completion (20/09) is not known yet; I-5 (due 15/09) is not overdue yet;
    // the reports known are those of 10/07, 10/07, 20/07, 01/08, 12/08, 15/08 and 05/09
    expect(snapshot.status).toBe('preliminary');
    expect(snapshot.asOf).toBe('2026-09-10');
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-2')?.category).toBe('noReport');
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-5')?.category).toBe(
      'inProgressWithinDeadline',
    );
    expect(snapshot.basis.reports).toBe(7);
  });

  it('refuses a previous-year snapshot of another quarter or sector', () => {
    // Prepare
    const wrong = { ...lastYear, quarter: '2024-Q3' };

    // Act
    const act = () => computeSnapshot(exampleInput(wrong));

    // Assess
    expect(act).toThrow(RangeError);
  });

  it('refuses a task listed twice', () => {
    // Prepare
    const input = { ...exampleInput(null), tasks: [...exampleTasks, ...exampleTasks.slice(1, 2)] };

    // Act
    const act = () => computeSnapshot(input);

    // Assess
    expect(act).toThrow(/listed twice/);
  });
});
