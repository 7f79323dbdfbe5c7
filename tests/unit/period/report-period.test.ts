import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '#shared/domain/errors.ts';
import { reportPeriod, type ReportPeriodInput } from '#shared/domain/progress/report-period.ts';
import {
  PROVINCE_REPORTING_CALENDAR,
  resolveCalendar,
} from '#shared/domain/period/reporting-calendar.ts';
import { schedule } from '../risk/fixtures.ts';
import { thrown } from './thrown.ts';

/** KH266-I-2 as the plan states it: July to November 2026, in a plan for the second half. */
function input(overrides: Partial<ReportPeriodInput> = {}): ReportPeriodInput {
  return {
    task: {
      id: 'KH266-I-2',
      schedule: schedule({ kind: 'window', start: '2026-07-01', due: '2026-11-30' }),
    },
    planPeriod: { start: '2026-07-01', end: '2026-12-31' },
    calendar: PROVINCE_REPORTING_CALENDAR,
    requested: undefined,
    actualsStatus: undefined,
    receivedAt: new Date('2026-08-15T10:00:00+07:00'),
    ...overrides,
  };
}

describe('the period a report describes', () => {
  it('defaults to the quarter in progress in the province', () => {
    // Prepare: 23:30 UTC on 30/09 is already 1 October in the province
    const at = new Date('2026-09-30T23:30:00Z');

    // Act
    const period = reportPeriod(input({ receivedAt: at }));

    // Assess
    expect(period).toMatchObject({ period: '2026-Q4', deadline: '2026-12-18' });
  });

  it('is on time by its deadline, the end of the day in the province, and late after it', () => {
    // Prepare: the Q3 deadline is 18/09
    const requested = '2026-Q3';

    // Act
    const onTime = reportPeriod(
      input({ requested, receivedAt: new Date('2026-09-18T23:59:59+07:00') }),
    );
    const late = reportPeriod(
      input({ requested, receivedAt: new Date('2026-09-19T00:00:00+07:00') }),
    );

    // Assess
    expect(onTime.timeliness).toBe('on_time');
    expect(late.timeliness).toBe('late');
  });

  it('holds a report to its plan’s calendar: the Q3 report of 5 October is on time by the 10th', () => {
    // Prepare: a plan that gives its agencies until the 10th of the month after
    const calendar = resolveCalendar({
      deadlines: { quarter: { kind: 'dayOfMonth', day: 10, monthOffset: 1 } },
    });

    // Act
    const period = reportPeriod(
      input({ requested: '2026-Q3', calendar, receivedAt: new Date('2026-10-05T09:00:00+07:00') }),
    );

    // Assess
    expect(period).toEqual({
      period: '2026-Q3',
      deadline: '2026-10-10',
      timeliness: 'on_time',
      actualsStatus: 'final',
    });
  });

  it('takes actuals as an estimate while the period runs, as final once it has ended', () => {
    // Prepare: 15/08. Act
    const running = reportPeriod(input({ requested: '2026-Q3' }));
    const ended = reportPeriod(input({ requested: '2026-07' }));
    const said = reportPeriod(input({ requested: '2026-Q3', actualsStatus: 'final' }));

    // Assess
    expect([running.actualsStatus, ended.actualsStatus, said.actualsStatus]).toEqual([
      'estimate',
      'final',
      'final',
    ]);
  });

  it('refuses a period that has not begun, naming the task’s window (422)', () => {
    // Prepare: Q4 on 15/08. Act
    const error = thrown(() => reportPeriod(input({ requested: '2026-Q4' })));

    // Assess
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toMatchObject({
      code: 'future-period',
      message:
        'Quý IV/2026 chưa bắt đầu: nhiệm vụ KH266-I-2 được theo dõi từ ngày 01/07/2026 đến ngày 31/12/2026',
      fields: [expect.objectContaining({ field: 'body.period' })],
    });
  });

  it('refuses a period outside the task’s life, naming it (422)', () => {
    // Prepare: the second quarter of 2024, long before the plan. Act
    const error = thrown(() => reportPeriod(input({ requested: '2024-Q2' })));

    // Assess
    expect(error).toMatchObject({
      code: 'period-outside-task',
      message:
        'Quý II/2024 nằm ngoài thời gian thực hiện nhiệm vụ: nhiệm vụ KH266-I-2 được theo dõi từ ngày 01/07/2026 đến ngày 31/12/2026',
      extensions: { taskWindow: { start: '2026-07-01', end: '2026-12-31' } },
    });
  });

  it('takes a past period whose deadline has passed as a late report with final figures', () => {
    // Prepare: July's report on 20/08, after July's deadline (18/07)
    const late = { requested: '2026-07', receivedAt: new Date('2026-08-20T10:00:00+07:00') };

    // Act
    const result = reportPeriod(input(late));

    // Assess
    expect(result).toMatchObject({ period: '2026-07', timeliness: 'late', actualsStatus: 'final' });
  });
});
