/**
 * Who owes what: each part of a task's lead owes a report for each quarter (or month) the
 * task is alive in, until a report that counts arrives from that part.
 */
import { describe, expect, it } from 'vitest';
import { requirePeriod } from '#shared/domain/period/period.ts';
import {
  obligationsIn,
  type ObligationTask,
  type SettlingReport,
} from '#shared/domain/reminder/obligations.ts';
import { latestOnly, task } from '../risk/fixtures.ts';
import { KH266, plans } from './fixtures.ts';

const Q4 = requirePeriod('2026-Q4');
const alive = task({ schedule: { kind: 'deadline', start: null, due: '2026-12-31' } });

function filed(overrides: Partial<SettlingReport> = {}): SettlingReport {
  return { taskId: alive.id, agencyId: 'so-nn', period: '2026-Q4', ...overrides };
}

const owing = (
  reports: SettlingReport[],
  tasks: ObligationTask[] = [{ task: alive, latest: [] }],
  memberOf = {},
  period = Q4,
) =>
  obligationsIn(period, plans(KH266), tasks, reports, memberOf).map(
    ({ agencyId, taskId, period: code }) => `${agencyId}|${taskId}|${code}`,
  );

describe('obligationsIn', () => {
  it('asks the lead for the quarter, by the deadline of its plan’s calendar', () => {
    // Prepare: no report. Act
    const owed = obligationsIn(Q4, plans(KH266), [{ task: alive, latest: [] }], [], {});

    // Assess
    expect(owed).toEqual([
      {
        agencyId: 'so-nn',
        via: null,
        taskId: 'KH266-I-2',
        plan: 'KH266',
        period: '2026-Q4',
        deadline: '2026-12-18',
      },
    ]);
  });

  it('is settled by a report on the quarter or a month in it, not by one on another period', () => {
    // Prepare
    const earlier = [filed({ period: '2026-Q3' }), filed({ period: '2026' })];

    // Act and Assess
    expect(owing(earlier)).toEqual(['so-nn|KH266-I-2|2026-Q4']);
    expect(owing([filed()])).toEqual([]);
    expect(owing([filed({ period: '2026-11' })])).toEqual([]);
  });

  it('counts, on a plan that requires approval, only an accepted report', () => {
    // Prepare
    const pending = filed({ review: 'pending' });
    const returned = filed({ review: 'returned' });
    const accepted = filed({ review: 'accepted' });

    // Act and Assess
    expect(owing([pending, returned])).toEqual(['so-nn|KH266-I-2|2026-Q4']);
    expect(owing([pending, accepted])).toEqual([]);
  });

  it('asks each member of a lead collective for its own share', () => {
    // Prepare
    const communes = task({
      id: 'KH266-I-9',
      lead: [{ id: 'ubnd-cap-xa', name: 'UBND các xã, phường' }],
      schedule: { kind: 'deadline', start: null, due: '2026-12-31' },
    });
    const memberOf = { 'xa-a': ['ubnd-cap-xa'], 'xa-b': ['ubnd-cap-xa'] };
    const fromA = filed({ taskId: communes.id, agencyId: 'xa-a' });

    // Act
    const owed = owing([fromA], [{ task: communes, latest: [] }], memberOf);

    // Assess
    expect(owed).toEqual(['xa-b|KH266-I-9|2026-Q4']);
  });

  it('takes a report from the agency a lead was merged into for the lead’s part', () => {
    // Prepare: so-nn merged into so-nnmt, which acts for it
    const memberOf = { 'so-nnmt': ['so-nn'] };
    const bySurvivor = filed({ agencyId: 'so-nnmt' });

    // Act and Assess
    expect(owing([], undefined, memberOf)).toEqual(['so-nn|KH266-I-2|2026-Q4']);
    expect(owing([bySurvivor], undefined, memberOf)).toEqual([]);
  });

  it('asks nothing of a task not alive in the period, nor of a part done before it began', () => {
    // Prepare
    const later = task({ schedule: { kind: 'window', start: '2027-01-01', due: '2027-06-30' } });
    const completedInAugust = latestOnly({ status: 'completed', asOf: '2026-08-20' });
    const coLed = task({
      lead: [
        { id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' },
        { id: 'so-ct', name: 'Sở Công Thương' },
      ],
      schedule: { kind: 'deadline', start: null, due: '2026-12-31' },
    });

    // Act and Assess
    expect(owing([], [{ task: later, latest: [] }])).toEqual([]);
    expect(owing([], [{ task: alive, latest: [completedInAugust] }])).toEqual([]);
    // One co-lead finished its part in August: only the other still owes.
    expect(owing([], [{ task: coLed, latest: [completedInAugust] }])).toEqual([
      'so-ct|KH266-I-2|2026-Q4',
    ]);
  });

  it('asks a monthly task for each month and a silent unspecified task for nothing', () => {
    // Prepare
    const monthly = task({
      schedule: { kind: 'recurring', recurrence: 'monthly', start: null, due: '2026-12-31' },
    });
    const unspecified = task({ schedule: { kind: 'unspecified', start: null, due: null } });
    const november = requirePeriod('2026-11');

    // Act and Assess
    expect(owing([], [{ task: monthly, latest: [] }])).toEqual([]);
    expect(owing([], [{ task: monthly, latest: [] }], {}, november)).toEqual([
      'so-nn|KH266-I-2|2026-11',
    ]);
    expect(owing([], [{ task: unspecified, latest: [] }])).toEqual([]);
    expect(owing([filed({ period: '2026-Q3' })], [{ task: unspecified, latest: [] }])).toEqual([]);
  });

  it('asks nothing of a group row or of a plan that is not given', () => {
    // Prepare
    const group = task({ isGroup: true, schedule: { kind: 'deadline', due: '2026-12-31' } });
    const other = task({ id: 'KH300-I-1', plan: 'KH300' });

    // Act and Assess
    expect(owing([], [{ task: group, latest: [] }])).toEqual([]);
    expect(owing([], [{ task: other, latest: [] }])).toEqual([]);
  });
});
