import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import { hasNewData } from '#shared/domain/rollup/snapshot-changes.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import {
  exampleInput,
  exampleReports,
  exampleTasks,
  lastYearInput,
  on,
  t12,
  t6,
  t8,
} from './example.ts';

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
    const { period, label, sector, cutoff, window, deadline, asOf, status, revision, basis } =
      snapshot;

    // Assess: 8 agriculture tasks alive in Q3 (not the group, not I-6 nor KH300-I-1, which
    // start in October, not I-11, completed in June); 9 reports describing Q3 or its
    // months (not the Q2 one, not the industry one), the last on 01/10
    expect({
      period,
      label,
      sector,
      cutoff,
      window,
      deadline,
      asOf,
      status,
      revision,
      basis,
    }).toEqual({
      period: '2026-Q3',
      label: 'Quý III/2026',
      sector: 'agriculture',
      cutoff: 'calendar',
      window: { start: '2026-07-01', end: '2026-09-30' },
      deadline: '2026-10-10',
      asOf: '2026-09-30',
      status: 'official',
      revision: 1,
      basis: { tasks: 8, reports: 9, lastReportAt: '2026-10-01T03:00:00.000Z' },
    });
    expect(snapshot.changes).toBeNull();
  });

  it('counts every category', () => {
    // Prepare: the snapshot. Act
    const { counts } = snapshot;

    // Assess
    expect(counts).toEqual({
      completedOnTime: 1, // KH266-I-2 (20/09, due 30/09)
      completedLate: 1, // KH266-I-3 (05/09, due 31/08)
      inProgressWithinDeadline: 2, // KH266-I-4, KH267-IV-10 (recurring: never late)
      overdueNotCompleted: 1, // KH266-I-5 (due 15/09)
      notStarted: 1, // KH266-I-7 (reported not_started)
      noReport: 1, // KH266-I-8
      cancelled: 1, // KH266-I-9
    });
  });

  it('places each task alive in the period, in natural id order', () => {
    // Prepare: the snapshot. Act
    const placed = snapshot.tasks.map((t) => [t.taskId, t.category, t.percentComplete]);

    // Assess: KH267-IV-10's 80% describes September and came in on 01/10, before the
    // official snapshot was taken: it counts
    expect(placed).toEqual([
      ['KH266-I-2', 'completedOnTime', 100],
      ['KH266-I-3', 'completedLate', 100],
      ['KH266-I-4', 'inProgressWithinDeadline', 40],
      ['KH266-I-5', 'overdueNotCompleted', 60],
      ['KH266-I-7', 'notStarted', 0],
      ['KH266-I-8', 'noReport', null],
      ['KH266-I-9', 'cancelled', null],
      ['KH267-IV-10', 'inProgressWithinDeadline', 80],
    ]);
  });

  it('averages the percent complete of reported, uncancelled tasks', () => {
    // Prepare: the snapshot. Act
    const average = snapshot.averagePercentComplete;

    // Assess: (100 + 100 + 40 + 60 + 0 + 80) / 6 = 63.333…
    expect(average).toBe(63.33);
  });

  it('counts reporting completeness and timeliness per lead agency', () => {
    // Prepare: the snapshot. Act
    const { reporting } = snapshot;

    // Assess:
    // so-nn owes I-2, I-3, I-5, I-7, I-9 (one each) and IV-10 (one a month: 3) = 8. All 8
    // came in; the September report of IV-10 was late (as stored with it): 7 on time.
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

  it('sets every target against plan and the same period last year', () => {
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
    // pests 99% (September's report, counted) of 100%; last year 100 → 99%
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
        99,
        99,
        'đạt 99,00% kế hoạch',
        false,
        100,
        99,
        'bằng 99,00% cùng kỳ',
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
        tasks: 7,
        counts: {
          completedOnTime: 1,
          completedLate: 1,
          inProgressWithinDeadline: 1,
          overdueNotCompleted: 1,
          notStarted: 1,
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
  it('judges a preliminary snapshot by the day it is computed, not the period’s end', () => {
    // Prepare: the same quarter computed on 10/09/2026 at 08:00 in the province
    const input = {
      ...exampleInput(lastYear),
      knownAt: '2026-09-10T01:00:00.000Z',
      computedAt: '2026-09-10T01:00:00.000Z',
      revision: 0,
    };

    // Act
    const snapshot = computeSnapshot(input);

    // Assess: I-2's completion (20/09) is not known yet; I-5 (due 15/09) is not overdue yet;
    // the reports known are those of 10/07, 10/07, 20/07, 01/08, 12/08, 15/08 and 05/09
    expect(snapshot.status).toBe('preliminary');
    expect(snapshot.revision).toBe(0);
    expect(snapshot.asOf).toBe('2026-09-10');
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-2')?.category).toBe('noReport');
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-5')?.category).toBe(
      'inProgressWithinDeadline',
    );
    expect(snapshot.basis.reports).toBe(7);
  });

  it('judges by the deadline when it comes before the period’s end (Decree 09/2019)', () => {
    // Prepare: the province's deadline, 18/09, and what was known by its end
    const input = {
      ...exampleInput(lastYear),
      deadline: '2026-09-18',
      knownAt: '2026-09-18T16:59:59.999Z',
    };

    // Act
    const snapshot = computeSnapshot(input);

    // Assess: judged on 18/09: I-5 (due 15/09) is overdue; I-2's completion (20/09) is not
    // known at the deadline
    expect(snapshot.asOf).toBe('2026-09-18');
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-5')?.category).toBe(
      'overdueNotCompleted',
    );
    expect(snapshot.tasks.find((t) => t.taskId === 'KH266-I-2')?.category).toBe('noReport');
  });

  it('refuses a previous-year snapshot of another period or sector', () => {
    // Prepare
    const wrong = { ...lastYear, period: '2024-Q3' };

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

describe('the period a report describes', () => {
  it('counts a report on the third quarter sent on 5 October in the third quarter', () => {
    // Prepare: so-ct's Q3 report on I-8, received on 05/10, late by the province's 18/09
    const late = on(t8.id, '2026-10-05', { agencyId: 'so-ct', timeliness: 'late' });
    const input = { ...exampleInput(lastYear), reports: [...exampleReports, late] };

    // Act
    const snapshot = computeSnapshot(input);

    // Assess
    expect(snapshot.basis.reports).toBe(10);
    expect(snapshot.tasks.find((t) => t.taskId === t8.id)?.category).toBe(
      'inProgressWithinDeadline',
    );
    expect(snapshot.reporting.find((r) => r.agencyId === 'so-ct')).toMatchObject({
      expected: 1,
      received: 1,
      receivedOnTime: 0,
    });
  });

  it('leaves out a report on another period, whenever it came in', () => {
    // Prepare: a Q4 report on I-8 received on 25/09
    const q4 = on(t8.id, '2026-09-25', { agencyId: 'so-ct', period: '2026-Q4' });
    const input = { ...exampleInput(lastYear), reports: [...exampleReports, q4] };

    // Act
    const snapshot = computeSnapshot(input);

    // Assess
    expect(snapshot.basis.reports).toBe(9);
    expect(snapshot.tasks.find((t) => t.taskId === t8.id)?.category).toBe('noReport');
  });

  it('counts the tasks of a plan only in the periods the plan covers', () => {
    // Prepare: the fourth quarter of the same tasks, with the plan issued in October
    const input = {
      ...exampleInput(null),
      period: '2026-Q4',
      deadline: '2027-01-10',
      knownAt: '2027-01-10T16:59:59.999Z',
      reports: [],
    };

    // Act
    const q3 = computeSnapshot(exampleInput(lastYear)).tasks.map((t) => t.taskId);
    const q4 = computeSnapshot(input).tasks.map((t) => t.taskId);

    // Assess: KH300-I-1 and I-6 begin in Q4; I-3, completed on 05/09, I-9, cancelled on
    // 01/08, and I-2, completed on 20/09, ended in Q3
    expect(q3).not.toContain(t12.id);
    expect(q3).not.toContain(t6.id);
    expect(q4).toEqual(
      expect.arrayContaining([t12.id, t6.id, 'KH266-I-4', 'KH266-I-5', 'KH266-I-7']),
    );
    expect(q4).not.toContain('KH266-I-2');
    expect(q4).not.toContain('KH266-I-3');
    expect(q4).not.toContain('KH266-I-9');
  });
});

describe('revisions', () => {
  const official = computeSnapshot(exampleInput(lastYear));

  it('say what changed against the revision before', () => {
    // Prepare: so-ct's Q3 report on I-8 comes in on 20/10, after the official snapshot
    const late = on(t8.id, '2026-10-20', {
      agencyId: 'so-ct',
      percentComplete: 30,
      timeliness: 'late',
    });
    const input = {
      ...exampleInput(lastYear),
      reports: [...exampleReports, late],
      knownAt: '2026-10-21T00:00:00.000Z',
      computedAt: '2026-10-21T00:00:00.000Z',
      revision: 2,
      previousRevision: official,
    };

    // Act
    const revision = computeSnapshot(input);

    // Assess
    expect(revision).toMatchObject({ status: 'official', revision: 2, asOf: '2026-09-30' });
    expect(hasNewData(official, revision)).toBe(true);
    expect(revision.changes).toEqual({
      since: 1,
      reports: { before: 9, after: 10 },
      tasks: [{ taskId: t8.id, from: 'noReport', to: 'inProgressWithinDeadline' }],
      reporting: [
        {
          agencyId: 'so-ct',
          agencyName: 'Sở Công Thương',
          before: { received: 0, receivedOnTime: 0 },
          after: { received: 1, receivedOnTime: 0 },
        },
      ],
      targets: [],
      figures: [],
      summary: [
        'Số báo cáo được tính: 9 → 10 (so với lần 1).',
        'Nhiệm vụ KH266-I-8: chưa báo cáo → đang thực hiện trong hạn.',
        'Sở Công Thương: 0 đã nộp, 0 đúng hạn → 1 đã nộp, 0 đúng hạn.',
      ],
    });
  });

  it('find nothing new when nothing came in after the official snapshot', () => {
    // Prepare: the same data, computed a week later
    const input = {
      ...exampleInput(lastYear),
      knownAt: '2026-10-17T00:00:00.000Z',
      computedAt: '2026-10-17T00:00:00.000Z',
      revision: 2,
      previousRevision: official,
    };

    // Act
    const fresh = computeSnapshot(input);

    // Assess
    expect(hasNewData(official, fresh)).toBe(false);
  });
});
