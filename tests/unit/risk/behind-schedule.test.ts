import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/calendar.ts';
import { evaluateRisk, evaluateRiskFindings } from '#shared/domain/risk/evaluate-risk.ts';
import { latest, target, task } from './fixtures.ts';

// A 100-day window: every day is exactly one point of elapsed share.
const start = '2026-07-01';
const due = addDays(start, 100); // 2026-10-09
const halfway = addDays(start, 50); // 50% of the time gone
const windowTask = (extra: Parameters<typeof task>[0] = {}) =>
  task({ schedule: { kind: 'window', start, due }, ...extra });
const recent = (extra: Parameters<typeof latest>[0] = {}) =>
  latest({ receivedAt: '2026-08-19T03:00:00.000Z', ...extra });

const behind = (reasons: { code: string }[]) =>
  reasons.some((reason) => reason.code === 'BEHIND_SCHEDULE');

describe('BEHIND_SCHEDULE', () => {
  it.each([
    { percent: 25, gap: 25, flagged: false },
    { percent: 24, gap: 26, flagged: true },
    { percent: 24.99, gap: 25.01, flagged: true },
  ])(
    'with 50% of the time gone and $percent% done (a gap of $gap points): $flagged',
    ({ percent, flagged }) => {
      // Prepare
      const reports = [recent({ percentComplete: percent })];

      // Act
      const reasons = evaluateRisk({
        task: windowTask(),
        latest: reports,
        lastReportOn: halfway,
        today: halfway,
      });

      // Assess
      expect(behind(reasons)).toBe(flagged);
    },
  );

  it('says how much time is gone and how much is done', () => {
    // Prepare
    const reports = [recent({ percentComplete: 20 })];

    // Act
    const [finding] = evaluateRiskFindings({
      task: windowTask(),
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });

    // Assess
    expect(finding).toEqual({
      code: 'BEHIND_SCHEDULE',
      message: 'Chậm tiến độ: đã qua 50% thời gian thực hiện, mới hoàn thành 20%',
      details: {
        start,
        dueOn: due,
        elapsedPercent: 50,
        marginPoints: 25,
        lagging: [{ targetKey: null, label: null, percent: 20 }],
      },
    });
  });

  it('takes the lead agency’s percentage over a coordinating agency’s higher one', () => {
    // Prepare: the lead says 20%, the communes 90%
    const reports = [
      recent({ agencyId: 'so-nn', reportId: 'a', percentComplete: 20 }),
      recent({ agencyId: 'ubnd-cap-xa', reportId: 'b', percentComplete: 90 }),
    ];

    // Act
    const reasons = evaluateRisk({
      task: windowTask(),
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });

    // Assess
    expect(behind(reasons)).toBe(true);
  });

  it('counts a commune reporting for its collective lead as the lead', () => {
    // Prepare: the task is led by the communes collectively; xa-a belongs to it
    const subject = windowTask({
      lead: [{ id: 'ubnd-cap-xa', name: 'UBND các xã, phường' }],
      coordinating: [{ id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' }],
    });
    const reports = [
      recent({ agencyId: 'xa-a', reportId: 'a', percentComplete: 10 }),
      recent({ agencyId: 'so-nn', reportId: 'b', percentComplete: 90 }),
    ];

    // Act
    const withMembership = evaluateRisk({
      task: subject,
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
      memberOf: { 'xa-a': ['ubnd-cap-xa'] },
    });
    const without = evaluateRisk({
      task: subject,
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });

    // Assess: with membership the lead's 10% counts; without, the highest (90%)
    expect(behind(withMembership)).toBe(true);
    expect(behind(without)).toBe(false);
  });

  it('flags a floor target whose attainment lags the time gone', () => {
    // Prepare: 50% of the time gone, 60% done, but only 200 of 1.000 ha sown
    const subject = windowTask({ targets: [target({ key: 'lua', label: 'Lúa', value: 1000 })] });
    const reports = [recent({ percentComplete: 60, actuals: { lua: 200 } })];

    // Act
    const reasons = evaluateRisk({
      task: subject,
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });

    // Assess
    expect(reasons).toEqual([
      {
        code: 'BEHIND_SCHEDULE',
        message:
          'Chậm tiến độ: đã qua 50% thời gian thực hiện, chỉ tiêu “Lúa” mới đạt 20% kế hoạch',
      },
    ]);
  });

  it('reads a ceiling target inverted: going over the ceiling lags, staying under does not', () => {
    // Prepare: at most 4 (e.g. % of poor households); late in the window
    const subject = windowTask({
      targets: [
        target({
          key: 'ho-ngheo',
          label: 'Tỷ lệ hộ nghèo',
          value: 4,
          unit: '%',
          comparator: 'lte',
        }),
      ],
    });
    const today = addDays(start, 90);
    const over = [
      recent({
        percentComplete: 90,
        actuals: { 'ho-ngheo': 8 },
        receivedAt: '2026-09-20T03:00:00.000Z',
      }),
    ];
    const under = [
      recent({
        percentComplete: 90,
        actuals: { 'ho-ngheo': 3 },
        receivedAt: '2026-09-20T03:00:00.000Z',
      }),
    ];

    // Act
    const overReasons = evaluateRiskFindings({
      task: subject,
      latest: over,
      lastReportOn: '2026-09-20',
      today,
    });
    const underReasons = evaluateRisk({
      task: subject,
      latest: under,
      lastReportOn: '2026-09-20',
      today,
    });

    // Assess: 4 / 8 = 50% of plan, 40 points behind 90% of the time
    expect(overReasons.map((f) => f.code)).toContain('BEHIND_SCHEDULE');
    expect(overReasons.find((f) => f.code === 'BEHIND_SCHEDULE')?.message).toContain(
      '“Tỷ lệ hộ nghèo” mới đạt 50% kế hoạch',
    );
    expect(behind(underReasons)).toBe(false);
  });

  it('takes the newest lead actual for a target', () => {
    // Prepare: two lead agencies; the newer one carries the better figure
    const subject = windowTask({
      lead: [
        { id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' },
        { id: 'so-ct', name: 'Sở Công Thương' },
      ],
      targets: [target({ value: 1000 })],
    });
    const reports = [
      recent({
        agencyId: 'so-nn',
        reportId: 'a',
        percentComplete: 60,
        actuals: { lua: 100 },
        receivedAt: '2026-08-10T03:00:00.000Z',
      }),
      recent({
        agencyId: 'so-ct',
        reportId: 'b',
        percentComplete: 60,
        actuals: { lua: 900 },
        receivedAt: '2026-08-18T03:00:00.000Z',
      }),
    ];

    // Act
    const reasons = evaluateRisk({
      task: subject,
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });

    // Assess
    expect(behind(reasons)).toBe(false);
  });

  it('is not judged for a deadline without a start, before the start, or with no report', () => {
    // Prepare
    const noStart = task({ schedule: { kind: 'deadline', start: null, due } });
    const reports = [recent({ percentComplete: 0 })];

    // Act
    const deadline = evaluateRisk({
      task: noStart,
      latest: reports,
      lastReportOn: halfway,
      today: halfway,
    });
    const beforeStart = evaluateRisk({
      task: windowTask(),
      latest: reports,
      lastReportOn: halfway,
      today: addDays(start, -1),
    });
    const unreported = evaluateRiskFindings({
      task: windowTask(),
      latest: [],
      lastReportOn: null,
      today: halfway,
    });

    // Assess
    expect(behind(deadline)).toBe(false);
    expect(behind(beforeStart)).toBe(false);
    expect(unreported.map((f) => f.code)).toEqual(['NO_RECENT_REPORT']);
  });

  it('clamps the elapsed share at 100% after the due date', () => {
    // Prepare
    const reports = [recent({ percentComplete: 50, receivedAt: '2026-10-19T03:00:00.000Z' })];

    // Act
    const findings = evaluateRiskFindings({
      task: windowTask(),
      latest: reports,
      lastReportOn: '2026-10-19',
      today: addDays(due, 10),
    });

    // Assess
    const finding = findings.find((f) => f.code === 'BEHIND_SCHEDULE');
    expect(finding?.details).toMatchObject({ elapsedPercent: 100 });
  });
});
