import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/calendar.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';
import { evaluateRisk } from '#shared/domain/risk/evaluate-risk.ts';
import { RISK_CODES } from '#shared/domain/risk/risk-config.ts';
import { latest, provinceInstant, target, task } from './fixtures.ts';

const windowTask = task({
  schedule: { kind: 'window', start: '2026-07-01', due: '2026-09-30' },
  targets: [
    target({ key: 'lua', value: 1000 }),
    target({ key: 'tram', label: 'Trạm', value: 5, comparator: 'lte' }),
  ],
});

describe('evaluateRisk', () => {
  it('never evaluates a group task', () => {
    // Prepare: a group row long past its due date, never reported on
    const group = task({ isGroup: true, schedule: { due: '2026-01-31', start: '2026-01-01' } });

    // Act
    const reasons = evaluateRisk({
      task: group,
      latest: [],
      lastReportOn: null,
      today: '2026-12-31',
    });

    // Assess
    expect(reasons).toEqual([]);
  });

  it('finds no risk at all in a task its lead cancelled, whatever a coordinating agency says', () => {
    // Prepare: overdue, and the coordinating communes say delayed with obstacles
    const reports = [
      latest({ agencyId: 'so-nn', reportId: 'a', status: 'cancelled', percentComplete: 10 }),
      latest({ agencyId: 'ubnd-cap-xa', reportId: 'b', status: 'delayed', hasObstacles: true }),
    ];

    // Act
    const reasons = evaluateRisk({
      task: windowTask,
      latest: reports,
      lastReportOn: '2026-08-01',
      today: '2026-12-31',
    });

    // Assess
    expect(reasons).toEqual([]);
  });

  it('hears only the lead: a coordinating agency neither completes the task nor raises trouble', () => {
    // Prepare: the coordinating communes say completed with obstacles; the lead, delayed
    const reports = [
      latest({
        agencyId: 'ubnd-cap-xa',
        reportId: 'a',
        status: 'completed',
        percentComplete: 100,
        hasObstacles: true,
      }),
      latest({ agencyId: 'so-nn', reportId: 'b', status: 'delayed', percentComplete: 40 }),
    ];
    const completedByLead = [
      latest({
        agencyId: 'so-nn',
        reportId: 'c',
        status: 'completed',
        percentComplete: 100,
        hasObstacles: true,
      }),
    ];

    // Act
    const delayed = evaluateRisk({
      task: windowTask,
      latest: reports,
      lastReportOn: '2026-08-01',
      today: '2026-08-02',
    });
    const settled = evaluateRisk({
      task: windowTask,
      latest: completedByLead,
      lastReportOn: '2026-08-01',
      today: '2026-12-31',
    });

    // Assess
    expect(delayed).toContainEqual({
      code: 'SELF_REPORTED',
      message: 'Đơn vị báo cáo khó khăn: Sở Nông nghiệp và Môi trường chậm tiến độ',
    });
    expect(settled).toEqual([]);
  });

  it.each([
    { status: 'at_risk' as const, obstacles: false, words: 'có nguy cơ chậm' },
    { status: 'delayed' as const, obstacles: false, words: 'chậm tiến độ' },
    { status: 'on_track' as const, obstacles: true, words: 'có vướng mắc' },
    { status: 'delayed' as const, obstacles: true, words: 'chậm tiến độ, có vướng mắc' },
  ])('SELF_REPORTED for $status with obstacles $obstacles', ({ status, obstacles, words }) => {
    // Prepare: early in the window, nothing else wrong
    const report = latest({
      status,
      hasObstacles: obstacles,
      percentComplete: 10,
      receivedAt: provinceInstant('2026-07-05'),
    });

    // Act
    const reasons = evaluateRisk({
      task: windowTask,
      latest: [report],
      lastReportOn: '2026-07-05',
      today: '2026-07-06',
    });

    // Assess
    expect(reasons).toEqual([
      {
        code: 'SELF_REPORTED',
        message: `Đơn vị báo cáo khó khăn: Sở Nông nghiệp và Môi trường ${words}`,
      },
    ]);
  });

  it("names a lead collective's member by the registry's name, and lists agencies in id order", () => {
    // Prepare: a commune reporting its share of the lead collective, and the lead
    const reports = [
      latest({
        agencyId: 'xa-b',
        reportId: 'a',
        status: 'at_risk',
        receivedAt: provinceInstant('2026-07-05'),
      }),
      latest({
        agencyId: 'so-nn',
        reportId: 'b',
        hasObstacles: true,
        receivedAt: provinceInstant('2026-07-05'),
      }),
    ];

    const ledWithCommunes = task({
      ...windowTask,
      lead: [...windowTask.lead, { id: 'ubnd-cap-xa', name: 'UBND các xã, phường' }],
    });

    // Act
    const reasons = evaluateRisk({
      task: ledWithCommunes,
      latest: reports,
      lastReportOn: '2026-07-05',
      today: '2026-07-06',
      memberOf: { 'xa-b': ['ubnd-cap-xa'], 'xa-c': ['ubnd-cap-xa'] },
      agencyNames: { 'xa-b': 'UBND xã Bắc Sơn' },
    });

    // Assess
    expect(reasons).toEqual([
      {
        code: 'SELF_REPORTED',
        message:
          'Đơn vị báo cáo khó khăn: Sở Nông nghiệp và Môi trường có vướng mắc; UBND xã Bắc Sơn có nguy cơ chậm',
      },
    ]);
  });

  it('gives the reasons in the fixed code order', () => {
    // Prepare: overdue, behind, stale and self-reported at once
    const report = latest({
      status: 'delayed',
      percentComplete: 10,
      receivedAt: provinceInstant('2026-08-01'),
    });

    // Act
    const reasons = evaluateRisk({
      task: windowTask,
      latest: [report],
      lastReportOn: '2026-08-01',
      today: '2026-10-20',
    });

    // Assess
    expect(reasons.map((reason) => reason.code)).toEqual([
      'OVERDUE',
      'BEHIND_SCHEDULE',
      'NO_RECENT_REPORT',
      'SELF_REPORTED',
    ]);
  });

  it('is deterministic and independent of the order of the latest reports', () => {
    const report = fc.record({
      agencyId: fc.constantFrom('so-nn', 'ubnd-cap-xa', 'xa-a', 'so-ct'),
      reportId: fc.uuid(),
      status: fc.constantFrom(...REPORT_STATUSES),
      percentComplete: fc.integer({ min: 0, max: 100 }),
      hasObstacles: fc.boolean(),
      receivedDay: fc.integer({ min: 0, max: 120 }),
      lua: fc.option(fc.integer({ min: 0, max: 2000 })),
      tram: fc.option(fc.integer({ min: 0, max: 10 })),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(report, { selector: (r) => r.agencyId, maxLength: 4 }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 120 })),
        fc.boolean(),
        (specs, todayOffset, lastOffset, swap) => {
          // Prepare: each agency's latest report, and the same set in another order
          const reports = specs.map((spec) =>
            latest({
              agencyId: spec.agencyId,
              reportId: spec.reportId,
              status: spec.status,
              percentComplete: spec.percentComplete,
              hasObstacles: spec.hasObstacles,
              receivedAt: provinceInstant(addDays('2026-06-01', spec.receivedDay)),
              actuals: {
                ...(spec.lua === null ? {} : { lua: spec.lua }),
                ...(spec.tram === null ? {} : { tram: spec.tram }),
              },
            }),
          );
          const shuffled = swap
            ? [...reports].reverse()
            : [...reports.slice(1), ...reports.slice(0, 1)];
          const input = {
            task: windowTask,
            today: addDays('2026-06-01', todayOffset),
            lastReportOn: lastOffset === null ? null : addDays('2026-06-01', lastOffset),
            memberOf: { 'xa-a': ['ubnd-cap-xa'] },
          };

          // Act
          const first = evaluateRisk({ ...input, latest: reports });
          const again = evaluateRisk({ ...input, latest: reports });
          const reordered = evaluateRisk({ ...input, latest: shuffled });

          // Assess: same output, one reason per code, in the fixed order
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
          const ranks = first.map((reason) =>
            RISK_CODES.indexOf(reason.code as (typeof RISK_CODES)[number]),
          );
          expect(
            ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > (ranks[i - 1] ?? -1))),
          ).toBe(true);
        },
      ),
    );
  });
});
