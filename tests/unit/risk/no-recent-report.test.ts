import { describe, expect, it } from 'vitest';
import type { IsoDate } from '#shared/domain/calendar.ts';
import type { Task } from '#shared/domain/plan/model.ts';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '#shared/domain/risk/risk-config.ts';
import { evaluateRisk, evaluateRiskFindings } from '#shared/domain/risk/evaluate-risk.ts';
import { latest, provinceInstant, task } from './fixtures.ts';

/** The NO_RECENT_REPORT message, or undefined, for a task last reported on `last` (or never). */
function noRecent(subject: Task, last: IsoDate | null, today: IsoDate, config?: RiskConfig) {
  const reports = last === null ? [] : [latest({ receivedAt: provinceInstant(last) })];
  const reasons = evaluateRisk({
    task: subject,
    latest: reports,
    lastReportOn: last,
    today,
    config,
  });
  return reasons.find((reason) => reason.code === 'NO_RECENT_REPORT')?.message;
}

const halfYear = task({ schedule: { kind: 'window', start: '2026-07-01', due: '2026-12-31' } });
const noStart = task({ schedule: { kind: 'deadline', start: null, due: '2026-12-31' } });

describe('NO_RECENT_REPORT: deadline, window and ongoing tasks', () => {
  it('flags a report 45 days old, not 44', () => {
    // Prepare: last report on 01/07/2026. Act
    const at44 = noRecent(halfYear, '2026-07-01', '2026-08-14');
    const at45 = noRecent(halfYear, '2026-07-01', '2026-08-15');

    // Assess
    expect(at44).toBeUndefined();
    expect(at45).toBe('Không có báo cáo mới trong 45 ngày (báo cáo gần nhất ngày 01/07/2026)');
  });

  it('flags a task never reported on once it has run 45 days', () => {
    // Prepare: started 01/07/2026. Act
    const at44 = noRecent(halfYear, null, '2026-08-14');
    const at45 = noRecent(halfYear, null, '2026-08-15');

    // Assess
    expect(at44).toBeUndefined();
    expect(at45).toBe('Chưa có báo cáo nào sau 45 ngày thực hiện (từ 01/07/2026)');
  });

  it('flags no report in the quarter once more than half of it is gone (Q3: from 17/08)', () => {
    // Prepare: no start date, so only the quarter rule can speak. Act
    const on16th = noRecent(noStart, null, '2026-08-16');
    const on17th = noRecent(noStart, null, '2026-08-17');

    // Assess: 46 of 92 days gone is half, not more
    expect(on16th).toBeUndefined();
    expect(on17th).toBe('Chưa có báo cáo nào trong Quý III/2026 dù đã qua quá nửa quý');
  });

  it('applies the quarter rule to a report from an earlier quarter', () => {
    // Prepare: a lenient staleness limit, so the quarter rule decides
    const config = { ...DEFAULT_RISK_CONFIG, noReportAfterDays: 120 };

    // Act
    const reportedInQ2 = noRecent(noStart, '2026-06-30', '2026-08-17', config);
    const reportedInQ3 = noRecent(noStart, '2026-07-01', '2026-08-17', config);

    // Assess
    expect(reportedInQ2).toBe('Chưa có báo cáo nào trong Quý III/2026 dù đã qua quá nửa quý');
    expect(reportedInQ3).toBeUndefined();
  });

  it('counts the half quarter from the task’s start when it starts inside the quarter', () => {
    // Prepare: starts 01/08/2026; staleness out of the way
    const config = { ...DEFAULT_RISK_CONFIG, noReportAfterDays: 120 };
    const august = task({ schedule: { kind: 'window', start: '2026-08-01', due: '2026-12-31' } });

    // Act
    const day46 = noRecent(august, null, '2026-09-16', config);
    const day47 = noRecent(august, null, '2026-09-17', config);

    // Assess
    expect(day46).toBeUndefined();
    expect(day47).toBeDefined();
  });

  it('does not flag a task that has not started', () => {
    // Prepare
    const later = task({ schedule: { kind: 'window', start: '2026-10-01', due: '2026-12-31' } });

    // Act
    const message = noRecent(later, null, '2026-09-30');

    // Assess
    expect(message).toBeUndefined();
  });

  it('keeps asking an overdue deadline task for reports', () => {
    // Prepare
    const overdue = task({ schedule: { kind: 'deadline', start: null, due: '2026-07-31' } });

    // Act
    const message = noRecent(overdue, '2026-07-15', '2026-09-01');

    // Assess
    expect(message).toBe('Không có báo cáo mới trong 48 ngày (báo cáo gần nhất ngày 15/07/2026)');
  });

  it('stops asking an ongoing task once its window has closed', () => {
    // Prepare
    const ongoing = task({ schedule: { kind: 'ongoing', start: '2026-01-01', due: '2026-12-31' } });

    // Act
    const inside = noRecent(ongoing, '2026-10-01', '2026-12-31');
    const after = noRecent(ongoing, '2026-10-01', '2027-01-01');

    // Assess
    expect(inside).toBeDefined();
    expect(after).toBeUndefined();
  });

  it('asks nothing of unspecified or conditional tasks until someone reports on them', () => {
    // Prepare
    const unspecified = task({
      schedule: { kind: 'unspecified', start: null, due: null, text: '' },
    });
    const conditional = task({
      schedule: {
        kind: 'conditional',
        start: null,
        due: null,
        condition: 'Sau khi được phê duyệt',
      },
    });

    // Act
    const silent = [
      noRecent(unspecified, null, '2026-09-30'),
      noRecent(conditional, null, '2026-09-30'),
    ];
    const reported = noRecent(conditional, '2026-07-01', '2026-08-15');

    // Assess
    expect(silent).toEqual([undefined, undefined]);
    expect(reported).toBe('Không có báo cáo mới trong 45 ngày (báo cáo gần nhất ngày 01/07/2026)');
  });

  it('takes the day a report arrived in the province when lastReportOn lags the reports', () => {
    // Prepare: received 00:30 on 01/07 in the province (still 30/06 in UTC); lastReportOn unknown
    const reports = [latest({ receivedAt: '2026-06-30T17:30:00.000Z' })];

    // Act
    const findings = evaluateRiskFindings({
      task: noStart,
      latest: reports,
      lastReportOn: null,
      today: '2026-08-15',
    });

    // Assess
    expect(findings.find((f) => f.code === 'NO_RECENT_REPORT')?.details).toEqual({
      rule: 'stale',
      lastReportOn: '2026-07-01',
      daysSinceReport: 45,
    });
  });
});

describe('NO_RECENT_REPORT: recurring tasks owe one report per period', () => {
  const monthly = task({
    schedule: {
      kind: 'recurring',
      recurrence: 'monthly',
      start: '2026-07-01',
      due: '2026-12-31',
      text: 'Hàng tháng (6 tháng cuối năm)',
    },
  });

  it('asks for July’s report once July has ended', () => {
    // Prepare: never reported. Act
    const on31July = noRecent(monthly, null, '2026-07-31');
    const on1August = noRecent(monthly, null, '2026-08-01');

    // Assess
    expect(on31July).toBeUndefined();
    expect(on1August).toBe('Chưa có báo cáo tháng 7/2026 (nhiệm vụ thực hiện hàng tháng)');
  });

  it('is satisfied by a report received during the month or since', () => {
    // Prepare: reported 20/07. Act
    const inAugust = noRecent(monthly, '2026-07-20', '2026-08-31');
    const inSeptember = noRecent(monthly, '2026-07-20', '2026-09-01');
    const lateAugustReport = noRecent(monthly, '2026-09-02', '2026-09-03');

    // Assess: July is covered; August is not until a report comes in on 02/09
    expect(inAugust).toBeUndefined();
    expect(inSeptember).toBe('Chưa có báo cáo tháng 8/2026 (nhiệm vụ thực hiện hàng tháng)');
    expect(lateAugustReport).toBeUndefined();
  });

  it('asks for December’s report in January, and nothing after the window', () => {
    // Prepare: last reported 15/11. Act
    const january = noRecent(monthly, '2026-11-15', '2027-01-05');
    const february = noRecent(monthly, '2026-11-15', '2027-02-05');

    // Assess
    expect(january).toBe('Chưa có báo cáo tháng 12/2026 (nhiệm vụ thực hiện hàng tháng)');
    expect(february).toBeUndefined();
  });

  it('does not nag a monthly task every 45 days between its periods', () => {
    // Prepare: reported 31/07 (covers July); on 30/08 August has not ended. Act
    const message = noRecent(monthly, '2026-07-31', '2026-08-30');

    // Assess
    expect(message).toBeUndefined();
  });

  it('asks a quarterly task for the previous quarter', () => {
    // Prepare
    const quarterly = task({
      schedule: {
        kind: 'recurring',
        recurrence: 'quarterly',
        start: '2026-07-01',
        due: '2027-12-31',
      },
    });

    // Act
    const message = noRecent(quarterly, null, '2026-10-01');

    // Assess
    expect(message).toBe('Chưa có báo cáo Quý III/2026 (nhiệm vụ thực hiện hàng quý)');
  });

  it('asks a yearly task once a year, not every 45 days', () => {
    // Prepare
    const yearly = task({
      schedule: { kind: 'recurring', recurrence: 'yearly', start: '2026-01-01', due: '2030-12-31' },
    });

    // Act
    const midYear = noRecent(yearly, '2026-03-01', '2026-12-31');
    const nextYear = noRecent(yearly, '2026-03-01', '2027-06-30');
    const yearAfter = noRecent(yearly, '2026-03-01', '2028-01-02');

    // Assess
    expect(midYear).toBeUndefined();
    expect(nextYear).toBeUndefined();
    expect(yearAfter).toBe('Chưa có báo cáo năm 2027 (nhiệm vụ thực hiện hàng năm)');
  });
});
