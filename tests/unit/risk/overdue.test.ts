import { describe, expect, it } from 'vitest';
import { todayInProvince } from '#shared/domain/calendar.ts';
import { evaluateRisk, evaluateRiskFindings } from '#shared/domain/risk/evaluate-risk.ts';
import { latest, task } from './fixtures.ts';

const codes = (reasons: { code: string }[]) => reasons.map((reason) => reason.code);

describe('OVERDUE', () => {
  it('is not flagged on the due date itself, at 23:59 in the province (16:59 UTC)', () => {
    // Prepare: due 30/09/2026; the last minute of that day in UTC+7
    const today = todayInProvince(new Date('2026-09-30T16:59:59.999Z'));
    const subject = task({ schedule: { due: '2026-09-30' } });

    // Act
    const reasons = evaluateRisk({
      task: subject,
      latest: [latest()],
      lastReportOn: '2026-09-20',
      today,
    });

    // Assess
    expect(today).toBe('2026-09-30');
    expect(codes(reasons)).not.toContain('OVERDUE');
  });

  it('is flagged from 00:00 the next day in the province (17:00 UTC), while UTC still says the 30th', () => {
    // Prepare
    const now = new Date('2026-09-30T17:00:00.000Z');
    const today = todayInProvince(now);
    const subject = task({ schedule: { due: '2026-09-30' } });

    // Act
    const reasons = evaluateRisk({
      task: subject,
      latest: [latest()],
      lastReportOn: '2026-09-20',
      today,
    });

    // Assess
    expect(now.toISOString().slice(0, 10)).toBe('2026-09-30');
    expect(reasons).toContainEqual({ code: 'OVERDUE', message: 'Quá hạn 1 ngày (hạn 30/09/2026)' });
  });

  it('counts the days past due in the message and the details', () => {
    // Prepare
    const subject = task({ schedule: { kind: 'deadline', start: null, due: '2026-09-30' } });

    // Act
    const [finding] = evaluateRiskFindings({
      task: subject,
      latest: [latest({ receivedAt: '2026-10-05T03:00:00.000Z' })],
      lastReportOn: '2026-10-05',
      today: '2026-10-12',
    });

    // Assess
    expect(finding).toEqual({
      code: 'OVERDUE',
      message: 'Quá hạn 12 ngày (hạn 30/09/2026)',
      details: { items: [{ dueOn: '2026-09-30', daysOverdue: 12, milestone: null }] },
    });
  });

  it('is flagged until the lead completes it: a coordinating agency cannot', () => {
    // Prepare: the coordinating communes say completed, the lead still says on track
    const subject = task({ schedule: { due: '2026-09-30' } });
    const reports = [
      latest({ agencyId: 'so-nn', reportId: 'a', percentComplete: 90 }),
      latest({ agencyId: 'ubnd-cap-xa', reportId: 'b', status: 'completed', percentComplete: 100 }),
    ];
    const byLead = [
      latest({ agencyId: 'so-nn', reportId: 'c', status: 'completed', percentComplete: 100 }),
    ];

    // Act
    const open = evaluateRisk({
      task: subject,
      latest: reports,
      lastReportOn: '2026-08-01',
      today: '2026-10-12',
    });
    const done = evaluateRisk({
      task: subject,
      latest: byLead,
      lastReportOn: '2026-08-01',
      today: '2026-10-12',
    });

    // Assess
    expect(codes(open)).toContain('OVERDUE');
    expect(codes(done)).not.toContain('OVERDUE');
  });

  it.each(['recurring', 'ongoing'] as const)(
    'does not treat the end of a %s window as a deadline',
    (kind) => {
      // Prepare
      const subject = task({
        schedule: {
          kind,
          due: '2026-09-30',
          recurrence: kind === 'recurring' ? 'quarterly' : null,
        },
      });

      // Act
      const reasons = evaluateRisk({
        task: subject,
        latest: [latest()],
        lastReportOn: '2026-10-01',
        today: '2026-10-12',
      });

      // Assess
      expect(codes(reasons)).not.toContain('OVERDUE');
    },
  );

  it('names a passed milestone while the task is below 100%', () => {
    // Prepare: an ongoing task (no deadline of its own) with a milestone on 10/06/2026
    const subject = task({
      schedule: { kind: 'ongoing', start: null, due: null },
      milestones: [
        {
          due: '2026-06-10',
          text: 'Hoàn thành giải phóng mặt bằng',
          schedule: {
            text: 'trước ngày 10/6/2026',
            kind: 'deadline',
            start: null,
            due: '2026-06-10',
            recurrence: null,
            condition: null,
          },
        },
      ],
    });

    // Act
    const below = evaluateRisk({
      task: subject,
      latest: [latest({ percentComplete: 99.5, receivedAt: '2026-06-14T03:00:00.000Z' })],
      lastReportOn: '2026-06-14',
      today: '2026-06-15',
    });
    const done = evaluateRisk({
      task: subject,
      latest: [latest({ percentComplete: 100, receivedAt: '2026-06-14T03:00:00.000Z' })],
      lastReportOn: '2026-06-14',
      today: '2026-06-15',
    });

    // Assess
    expect(below).toEqual([
      {
        code: 'OVERDUE',
        message: 'Quá hạn 5 ngày mốc “Hoàn thành giải phóng mặt bằng” (hạn 10/06/2026)',
      },
    ]);
    expect(done).toEqual([]);
  });

  it('lists the task due date and milestones in date order in one reason', () => {
    // Prepare
    const milestone = (due: string, text: string) => ({
      due,
      text,
      schedule: {
        text,
        kind: 'deadline' as const,
        start: null,
        due,
        recurrence: null,
        condition: null,
      },
    });
    const subject = task({
      schedule: { kind: 'deadline', start: null, due: '2026-09-30' },
      milestones: [milestone('2026-09-15', 'Mốc B'), milestone('2026-08-31', 'Mốc A')],
    });

    // Act
    const reasons = evaluateRisk({
      task: subject,
      latest: [latest({ receivedAt: '2026-10-01T03:00:00.000Z' })],
      lastReportOn: '2026-10-01',
      today: '2026-10-02',
    });

    // Assess
    expect(reasons).toEqual([
      {
        code: 'OVERDUE',
        message:
          'Quá hạn 32 ngày mốc “Mốc A” (hạn 31/08/2026); Quá hạn 17 ngày mốc “Mốc B” (hạn 15/09/2026); Quá hạn 2 ngày (hạn 30/09/2026)',
      },
    ]);
  });
});
