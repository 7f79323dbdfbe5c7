import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule } from '#shared/domain/plan/model.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { periodRange, rangesOverlap } from '#shared/domain/period/period-span.ts';
import { isTaskAlive, taskLifespan } from '#shared/domain/period/task-life.ts';
import { schedule } from '../risk/fixtures.ts';
import { arbitraryDay, arbitraryPeriod } from './arbitraries.ts';

/** KH266: issued 07/7/2026 for the last six months of 2026. */
const KH266 = { start: '2026-07-01', end: '2026-12-31' };
/** KH267: from 08/7/2026 to 2030. */
const KH267 = { start: '2026-07-08', end: '2030-12-31' };

const window = schedule({ kind: 'window', start: '2026-07-01', due: '2026-09-30' });
const deadline = schedule({ kind: 'deadline', start: null, due: '2026-09-30' });
const lateWindow = schedule({ kind: 'window', start: '2026-10-01', due: '2026-11-30' });
const earlyWindow = schedule({ kind: 'window', start: '2026-04-01', due: '2026-06-30' });
const monthly = schedule({ kind: 'recurring', recurrence: 'monthly', start: null, due: null });
const monthlyToSeptember = schedule({
  kind: 'recurring',
  recurrence: 'monthly',
  start: null,
  due: '2026-09-30',
});
const ongoing = schedule({ kind: 'ongoing', start: null, due: null });
const conditional = schedule({ kind: 'conditional', start: null, due: null, condition: 'x' });
const conditionalDue = schedule({
  kind: 'conditional',
  start: null,
  due: '2026-08-31',
  condition: 'x',
});
const unspecified = schedule({ kind: 'unspecified', start: null, due: null });

interface Case {
  name: string;
  task: Schedule;
  plan: { start: string; end: string };
  period: string;
  endedOn?: string;
  alive: boolean;
}

const cases: Case[] = [
  // The plan bounds every task.
  {
    name: 'plan of July 2026, 2024-Q2',
    task: window,
    plan: KH266,
    period: '2024-Q2',
    alive: false,
  },
  {
    name: 'plan of July 2026, 2026-H1',
    task: window,
    plan: KH266,
    period: '2026-H1',
    alive: false,
  },
  { name: 'plan of July 2026, 2026-Q3', task: window, plan: KH266, period: '2026-Q3', alive: true },
  { name: 'plan of July 2026, year', task: window, plan: KH266, period: '2026', alive: true },
  { name: 'after its plan', task: window, plan: KH266, period: '2027-Q1', alive: false },
  { name: 'KH267 task in June 2026', task: ongoing, plan: KH267, period: '2026-06', alive: false },
  { name: 'KH267 task in July 2026', task: ongoing, plan: KH267, period: '2026-07', alive: true },
  { name: 'KH267 task in 2030', task: ongoing, plan: KH267, period: '2030', alive: true },
  // Deadline and window tasks: from their start, and on while unfinished (overdue).
  { name: 'window, its quarter', task: window, plan: KH266, period: '2026-Q3', alive: true },
  { name: 'window, overdue after', task: window, plan: KH266, period: '2026-Q4', alive: true },
  { name: 'deadline, before due', task: deadline, plan: KH266, period: '2026-08', alive: true },
  { name: 'deadline, overdue', task: deadline, plan: KH266, period: '2026-12', alive: true },
  { name: 'window not begun', task: lateWindow, plan: KH266, period: '2026-Q3', alive: false },
  { name: 'window begun', task: lateWindow, plan: KH266, period: '2026-Q4', alive: true },
  { name: 'window before plan', task: earlyWindow, plan: KH266, period: '2026-Q2', alive: false },
  {
    name: 'window before plan, after',
    task: earlyWindow,
    plan: KH266,
    period: '2026-Q3',
    alive: true,
  },
  // Recurring, ongoing, conditional, unspecified: their window closes at their due date.
  { name: 'monthly, in plan', task: monthly, plan: KH266, period: '2026-12', alive: true },
  { name: 'monthly, after plan', task: monthly, plan: KH266, period: '2027-01', alive: false },
  {
    name: 'monthly to Sep, Sep',
    task: monthlyToSeptember,
    plan: KH266,
    period: '2026-09',
    alive: true,
  },
  {
    name: 'monthly to Sep, Oct',
    task: monthlyToSeptember,
    plan: KH266,
    period: '2026-10',
    alive: false,
  },
  { name: 'ongoing', task: ongoing, plan: KH266, period: '2026-Q4', alive: true },
  { name: 'conditional', task: conditional, plan: KH266, period: '2026-Q4', alive: true },
  {
    name: 'conditional due Aug, Q3',
    task: conditionalDue,
    plan: KH266,
    period: '2026-Q3',
    alive: true,
  },
  {
    name: 'conditional due Aug, Q4',
    task: conditionalDue,
    plan: KH266,
    period: '2026-Q4',
    alive: false,
  },
  { name: 'unspecified', task: unspecified, plan: KH266, period: '2026-H2', alive: true },
  // Completed or cancelled: alive until the period that began after it ended.
  {
    name: 'ended in the period',
    task: window,
    plan: KH266,
    period: '2026-Q3',
    endedOn: '2026-08-15',
    alive: true,
  },
  {
    name: 'ended that month',
    task: window,
    plan: KH266,
    period: '2026-08',
    endedOn: '2026-08-15',
    alive: true,
  },
  {
    name: 'ended the month before',
    task: window,
    plan: KH266,
    period: '2026-09',
    endedOn: '2026-08-15',
    alive: false,
  },
  {
    name: 'ended before the quarter',
    task: window,
    plan: KH266,
    period: '2026-Q4',
    endedOn: '2026-08-15',
    alive: false,
  },
  {
    name: 'ended on its first day',
    task: window,
    plan: KH266,
    period: '2026-Q4',
    endedOn: '2026-10-01',
    alive: true,
  },
  {
    name: 'ended the day before',
    task: window,
    plan: KH266,
    period: '2026-Q4',
    endedOn: '2026-09-30',
    alive: false,
  },
  {
    name: 'finished before its start',
    task: lateWindow,
    plan: KH266,
    period: '2026-09',
    endedOn: '2026-09-20',
    alive: true,
  },
  {
    name: 'finished before its start, after',
    task: lateWindow,
    plan: KH266,
    period: '2026-Q4',
    endedOn: '2026-09-20',
    alive: false,
  },
];

describe('isTaskAlive', () => {
  it.each(cases)('$name ($period): $alive', ({ task, plan, period, endedOn, alive }) => {
    // Prepare
    const living = { schedule: task };

    // Act
    const result = isTaskAlive(living, plan, requirePeriod(period), endedOn ?? null);

    // Assess
    expect(result).toBe(alive);
  });
});

describe('taskLifespan', () => {
  it.each([
    {
      name: 'window',
      task: window,
      endedOn: null,
      life: { start: '2026-07-01', end: '2026-12-31' },
    },
    {
      name: 'late window',
      task: lateWindow,
      endedOn: null,
      life: { start: '2026-10-01', end: '2026-12-31' },
    },
    {
      name: 'monthly to Sep',
      task: monthlyToSeptember,
      endedOn: null,
      life: { start: '2026-07-01', end: '2026-09-30' },
    },
    {
      name: 'completed',
      task: window,
      endedOn: '2026-08-15',
      life: { start: '2026-07-01', end: '2026-08-15' },
    },
    {
      name: 'finished early',
      task: lateWindow,
      endedOn: '2026-09-20',
      life: { start: '2026-09-20', end: '2026-09-20' },
    },
  ])('$name lives $life.start .. $life.end', ({ task, endedOn, life }) => {
    // Act
    const span = taskLifespan({ schedule: task }, KH266, endedOn);

    // Assess
    expect(span).toEqual(life);
  });

  it('is empty for a recurring duty that closed before its plan began', () => {
    // Prepare
    const closed = schedule({
      kind: 'recurring',
      recurrence: 'yearly',
      start: null,
      due: '2026-06-30',
    });

    // Act
    const span = taskLifespan({ schedule: closed }, KH266);

    // Assess
    expect(span).toBeNull();
  });

  it('is alive in a period exactly when its life overlaps it, and only within its plan', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          window,
          deadline,
          lateWindow,
          monthly,
          monthlyToSeptember,
          ongoing,
          unspecified,
        ),
        arbitraryPeriod,
        fc.option(arbitraryDay, { nil: null }),
        (task, period, endedOn) => {
          // Act
          const alive = isTaskAlive({ schedule: task }, KH266, period, endedOn);
          const life = taskLifespan({ schedule: task }, KH266, endedOn);

          // Assess
          expect(alive).toBe(life !== null && rangesOverlap(life, periodRange(period)));
          if (alive) expect(rangesOverlap(KH266, periodRange(period))).toBe(true);
        },
      ),
    );
  });
});
