import { describe, expect, it } from 'vitest';
import { endOfDayInstant } from '#shared/domain/calendar.ts';
import type { Schedule, Task } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import { computeSnapshot } from '#shared/domain/rollup/compute-snapshot.ts';
import { provinceInstant, report, task } from '../risk/fixtures.ts';
import { DEADLINE, rollupTask, snapshotInput } from './input.ts';

/** Two lead agencies: the task is done when both are (task-state.ts). */
const coLed = {
  lead: [
    { id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' },
    { id: 'so-tc', name: 'Sở Tài chính' },
  ],
};

/**
 * The category of one task in the official Q3 2026 snapshot (deadline 10/10/2026, or the
 * one given), given its reports.
 */
function categoryOf(
  schedule: Partial<Schedule>,
  reports: ProgressReport[],
  overrides: Partial<Task> = {},
  deadline = DEADLINE,
) {
  const snapshot = computeSnapshot(
    snapshotInput({
      deadline,
      knownAt: endOfDayInstant(deadline).toISOString(),
      tasks: [rollupTask(task({ schedule, ...overrides }), { latest: reports })],
      reports,
    }),
  );
  return snapshot.tasks[0]?.category;
}

const deadline = { kind: 'deadline' as const, start: null, due: '2026-09-15' };
const completedAt = (receivedAt: string, id = 'c') =>
  report({ id, status: 'completed', percentComplete: 100, receivedAt });

describe('completed on time or late', () => {
  it.each([
    {
      receivedAt: '2026-09-15T16:59:59.000Z',
      category: 'completedOnTime',
      when: '23:59:59 on the due date in the province',
    },
    {
      receivedAt: '2026-09-15T17:00:00.000Z',
      category: 'completedLate',
      when: '00:00 the next day in the province (still the 15th in UTC)',
    },
  ])('a completion received at $when is $category', ({ receivedAt, category }) => {
    // Prepare: the completing report. Act
    const result = categoryOf(deadline, [completedAt(receivedAt)]);

    // Assess
    expect(result).toBe(category);
  });

  it('dates the completion by the first completed report of the run still standing', () => {
    // Prepare: completed on time, reopened, completed again after the due date
    const reports = [
      completedAt(provinceInstant('2026-09-01'), 'a'),
      report({
        id: 'b',
        status: 'on_track',
        percentComplete: 90,
        receivedAt: provinceInstant('2026-09-10'),
      }),
      completedAt(provinceInstant('2026-09-20'), 'c'),
    ];

    // Act
    const result = categoryOf(deadline, reports);

    // Assess
    expect(result).toBe('completedLate');
  });

  it('dates the completion by the last lead to complete it, and ignores a coordinating agency', () => {
    // Prepare: one lead completed on time, the other late; the coordinating communes early
    const reports = [
      { ...completedAt(provinceInstant('2026-09-01'), 'a'), agencyId: 'ubnd-cap-xa' },
      { ...completedAt(provinceInstant('2026-09-10'), 'b'), agencyId: 'so-nn' },
      { ...completedAt(provinceInstant('2026-09-25'), 'c'), agencyId: 'so-tc' },
    ];

    // Act
    const both = categoryOf(deadline, reports, coLed);
    const oneLead = categoryOf(deadline, reports.slice(0, 2), coLed);
    const onlyCoordinating = categoryOf(deadline, reports.slice(0, 1));

    // Assess
    expect(both).toBe('completedLate');
    expect(oneLead).toBe('overdueNotCompleted');
    expect(onlyCoordinating).toBe('noReport');
  });

  it('never calls a recurring task late', () => {
    // Prepare: completed after its window
    const recurring = {
      kind: 'recurring' as const,
      recurrence: 'monthly' as const,
      start: '2026-07-01',
      due: '2026-08-31',
    };

    // Act
    const result = categoryOf(recurring, [completedAt(provinceInstant('2026-09-20'))]);

    // Assess
    expect(result).toBe('completedOnTime');
  });
});

describe('not completed', () => {
  it.each([
    { status: 'not_started' as const, category: 'notStarted' },
    { status: 'on_track' as const, category: 'inProgressWithinDeadline' },
    { status: 'delayed' as const, category: 'inProgressWithinDeadline' },
  ])('within the deadline, reported $status, is $category', ({ status, category }) => {
    // Prepare: due at the end of the year
    const reports = [report({ status, receivedAt: provinceInstant('2026-08-01') })];

    // Act
    const result = categoryOf({ kind: 'deadline', start: null, due: '2026-12-31' }, reports);

    // Assess
    expect(result).toBe(category);
  });

  it('past the deadline is overdue, even if reported not started', () => {
    // Prepare: the report. Act
    const result = categoryOf(deadline, [
      report({ status: 'not_started', receivedAt: provinceInstant('2026-08-01') }),
    ]);

    // Assess
    expect(result).toBe('overdueNotCompleted');
  });

  it('reads the lead’s status before a coordinating agency’s', () => {
    // Prepare: the lead has not started; the communes say on track (more recently)
    const reports = [
      report({
        id: 'a',
        agencyId: 'so-nn',
        status: 'not_started',
        receivedAt: provinceInstant('2026-08-01'),
      }),
      report({
        id: 'b',
        agencyId: 'ubnd-cap-xa',
        status: 'on_track',
        receivedAt: provinceInstant('2026-08-05'),
      }),
    ];

    // Act
    const result = categoryOf({ kind: 'deadline', start: null, due: '2026-12-31' }, reports);

    // Assess
    expect(result).toBe('notStarted');
  });

  it.each([
    { schedule: { start: '2026-09-25', due: '2026-12-31' }, category: 'notStarted' },
    { schedule: { start: '2026-09-18', due: '2026-12-31' }, category: 'noReport' },
    { schedule: { kind: 'unspecified' as const, start: null, due: null }, category: 'noReport' },
  ])('with no report and schedule $schedule is $category', ({ schedule, category }) => {
    // Prepare: the province's deadline, 18/09: the task is judged that day. Act
    const result = categoryOf(schedule, [], {}, '2026-09-18');

    // Assess
    expect(result).toBe(category);
  });

  it('is not counted in a period it does not live in', () => {
    // Prepare: a task that starts in the fourth quarter. Act
    const result = categoryOf({ start: '2026-10-05', due: '2026-12-31' }, []);

    // Assess
    expect(result).toBeUndefined();
  });
});
