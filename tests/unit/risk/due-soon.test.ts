import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/calendar.ts';
import type { ReportStatus } from '#shared/domain/progress/report.ts';
import { evaluateRisk } from '#shared/domain/risk/evaluate-risk.ts';
import { latest, task } from './fixtures.ts';

const due = '2026-09-30';
const subject = task({ schedule: { kind: 'deadline', start: null, due } });
const dueSoon = (reasons: { code: string; message: string }[]) =>
  reasons.find((reason) => reason.code === 'DUE_SOON');

function evaluate(
  daysLeft: number,
  percentComplete: number | null,
  status: ReportStatus = 'on_track',
) {
  const today = addDays(due, -daysLeft);
  const reports =
    percentComplete === null
      ? []
      : [latest({ percentComplete, status, receivedAt: `${addDays(today, -1)}T03:00:00.000Z` })];
  return evaluateRisk({
    task: subject,
    latest: reports,
    lastReportOn: reports.length ? addDays(today, -1) : null,
    today,
  });
}

describe('DUE_SOON', () => {
  it.each([
    { daysLeft: 31, flagged: false },
    { daysLeft: 30, flagged: true },
    { daysLeft: 1, flagged: true },
    { daysLeft: 0, flagged: true },
    { daysLeft: -1, flagged: false }, // overdue instead
  ])('$daysLeft days before the due date at 50%: $flagged', ({ daysLeft, flagged }) => {
    // Prepare: the day. Act
    const reasons = evaluate(daysLeft, 50);

    // Assess
    expect(dueSoon(reasons) !== undefined).toBe(flagged);
  });

  it.each([
    { percent: 74.9, flagged: true },
    { percent: 75, flagged: false },
    { percent: 100, flagged: false },
  ])('at $percent% with 10 days left: $flagged', ({ percent, flagged }) => {
    // Prepare: the percentage. Act
    const reasons = evaluate(10, percent);

    // Assess
    expect(dueSoon(reasons) !== undefined).toBe(flagged);
  });

  it('says how many days are left and how far the task is', () => {
    // Prepare: the day. Act
    const reasons = evaluate(30, 40);

    // Assess
    expect(dueSoon(reasons)?.message).toBe(
      'Sắp đến hạn: còn 30 ngày (hạn 30/09/2026), mới hoàn thành 40%',
    );
  });

  it('on the due date itself says it is due today', () => {
    // Prepare: the day. Act
    const reasons = evaluate(0, 12.5);

    // Assess
    expect(dueSoon(reasons)?.message).toBe('Đến hạn hôm nay (30/09/2026), mới hoàn thành 12,5%');
  });

  it('flags a task nobody has reported on', () => {
    // Prepare: no reports. Act
    const reasons = evaluate(20, null);

    // Assess
    expect(dueSoon(reasons)?.message).toBe(
      'Sắp đến hạn: còn 20 ngày (hạn 30/09/2026), chưa có báo cáo tiến độ',
    );
  });

  it('does not flag a completed task', () => {
    // Prepare: the state. Act
    const reasons = evaluate(10, 60, 'completed');

    // Assess
    expect(reasons).toEqual([]);
  });
});
