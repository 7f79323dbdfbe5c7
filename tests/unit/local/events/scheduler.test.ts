import { describe, expect, it, vi } from 'vitest';
import type { HandlerName } from '#shared/platform/handlers.ts';
import type { ScheduleDeclaration } from '#shared/platform/events.ts';
import {
  LocalScheduler,
  MAX_TIMER_DELAY_MS,
  type LocalSchedulerOptions,
  type SchedulerClock,
} from '#infra/local/events/scheduler.ts';

/** A clock whose time moves only when the test says so. */
class FakeClock implements SchedulerClock {
  #now: number;
  #nextId = 1;
  readonly timers = new Map<number, { at: number; callback: () => void; delay: number }>();

  constructor(start: string) {
    this.#now = Date.parse(start);
  }

  now = () => new Date(this.#now);

  setTimeout = (callback: () => void, delay: number) => {
    const id = this.#nextId++;
    this.timers.set(id, { at: this.#now + delay, callback, delay });
    return id;
  };

  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };

  /** Moves time forward, firing due timers in order, then lets the fired work settle. */
  async advanceTo(instant: string): Promise<void> {
    const target = Date.parse(instant);
    for (;;) {
      const [id, timer] = [...this.timers].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !timer || timer.at > target) break;
      this.timers.delete(id);
      this.#now = Math.max(this.#now, timer.at); // a late timer fires late, never back in time
      timer.callback();
      await settle();
    }
    this.#now = target;
  }

  /** Jumps without firing anything, as when the machine sleeps. */
  jumpTo(instant: string): void {
    this.#now = Date.parse(instant);
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Targets are opaque strings to the scheduler; the cast keeps these tests off the handler list. */
const target = (name: string) => name as HandlerName;

const dailyScan: ScheduleDeclaration = {
  name: 'daily-risk-scan',
  description: 'test schedule',
  cron: 'cron(0 6 * * ? *)',
  timeZone: 'Asia/Ho_Chi_Minh',
  target: target('riskScan'),
  input: { kind: 'daily' },
};

function makeScheduler(overrides: Partial<LocalSchedulerOptions> = {}) {
  const clock = new FakeClock('2026-07-01T00:00:00Z'); // 07:00 local
  const runs: { target: string; input: Record<string, unknown>; at: string }[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const scheduler = new LocalScheduler({
    schedules: [dailyScan],
    invoke: (name, input) => {
      runs.push({ target: name, input, at: clock.now().toISOString() });
      return Promise.resolve();
    },
    clock,
    logger,
    ...overrides,
  });
  return { scheduler, clock, runs, logger };
}

describe('LocalScheduler', () => {
  it('invokes the target with the input when the schedule is due, and not before', async () => {
    // Prepare
    const { scheduler, clock, runs } = makeScheduler();
    scheduler.start();

    // Act
    await clock.advanceTo('2026-07-01T22:59:59Z');
    const early = runs.length;
    await clock.advanceTo('2026-07-01T23:00:00Z');

    // Assess
    expect(early).toBe(0);
    expect(runs).toEqual([
      { target: 'riskScan', input: { kind: 'daily' }, at: '2026-07-01T23:00:00.000Z' },
    ]);
  });

  it('keeps firing on every occurrence', async () => {
    // Prepare
    const { scheduler, clock, runs } = makeScheduler();
    scheduler.start();

    // Act
    await clock.advanceTo('2026-07-04T00:00:00Z');

    // Assess
    expect(runs.map((run) => run.at)).toEqual([
      '2026-07-01T23:00:00.000Z',
      '2026-07-02T23:00:00.000Z',
      '2026-07-03T23:00:00.000Z',
    ]);
  });

  it('gives each run a fresh copy of the input', async () => {
    // Prepare
    const seen: unknown[] = [];
    const { scheduler, clock } = makeScheduler({
      invoke: (_name, input) => {
        seen.push({ ...input });
        input.kind = 'mutated';
        return Promise.resolve();
      },
    });
    scheduler.start();

    // Act
    await clock.advanceTo('2026-07-03T00:00:00Z');

    // Assess
    expect(seen).toEqual([{ kind: 'daily' }, { kind: 'daily' }]);
  });

  it('caps long waits at the largest timer delay and re-arms until due', async () => {
    // Prepare
    const yearly = { ...dailyScan, name: 'new-year', cron: 'cron(0 0 1 1 ? *)' };
    const { scheduler, clock, runs } = makeScheduler({ schedules: [yearly] });
    scheduler.start();
    const firstDelay = [...clock.timers.values()][0]?.delay;

    // Act
    await clock.advanceTo('2026-12-31T16:59:00Z');
    const beforeDue = runs.length;
    await clock.advanceTo('2026-12-31T17:00:00Z');

    // Assess
    expect(firstDelay).toBe(MAX_TIMER_DELAY_MS);
    expect(beforeDue).toBe(0);
    expect(runs.map((run) => run.at)).toEqual(['2026-12-31T17:00:00.000Z']);
  });

  it('logs a failed run and keeps the schedule running', async () => {
    // Prepare
    const attempts: string[] = [];
    const { scheduler, clock, logger } = makeScheduler({
      invoke: () => {
        attempts.push(clock.now().toISOString());
        return Promise.reject(new Error('table unavailable'));
      },
    });
    scheduler.start();

    // Act
    await clock.advanceTo('2026-07-03T00:00:00Z');

    // Assess
    expect(attempts).toHaveLength(2);
    expect(logger.error).toHaveBeenCalledWith('scheduled invocation failed', {
      schedule: 'daily-risk-scan',
      target: 'riskScan',
      error: { name: 'Error', message: 'table unavailable' },
    });
  });

  it('also survives a target that throws instead of rejecting', async () => {
    // Prepare
    const { scheduler, clock, logger } = makeScheduler({
      invoke: () => {
        throw new Error('sync failure');
      },
    });
    scheduler.start();

    // Act
    await clock.advanceTo('2026-07-03T00:00:00Z');

    // Assess
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('collapses runs missed while the machine slept into one', async () => {
    // Prepare
    const { scheduler, clock, runs } = makeScheduler();
    scheduler.start();
    clock.jumpTo('2026-07-05T00:00:00Z'); // three occurrences passed unseen

    // Act
    await clock.advanceTo('2026-07-05T00:00:01Z');
    await clock.advanceTo('2026-07-05T23:00:00Z');

    // Assess
    expect(runs.map((run) => run.at)).toEqual([
      '2026-07-05T00:00:00.000Z',
      '2026-07-05T23:00:00.000Z',
    ]);
  });

  it('does not arm a schedule that will never fire again', () => {
    // Prepare
    const past = { ...dailyScan, name: 'past', cron: 'cron(0 0 1 1 ? 2025)' };
    const { scheduler, clock, logger } = makeScheduler({ schedules: [past] });

    // Act
    scheduler.start();

    // Assess
    expect(clock.timers.size).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith('schedule will not fire again', { schedule: 'past' });
  });

  it('stop clears the timers and waits for the running invocation', async () => {
    // Prepare
    let finish = () => {};
    const { scheduler, clock } = makeScheduler({
      invoke: () => new Promise<void>((resolve) => (finish = resolve)),
    });
    scheduler.start();
    await clock.advanceTo('2026-07-01T23:00:00Z');
    let stoppedEarly = false;

    // Act
    const stopped = scheduler.stop().then(() => (stoppedEarly = true));
    await settle();
    const stoppedBeforeFinish = stoppedEarly;
    finish();
    await stopped;

    // Assess
    expect(stoppedBeforeFinish).toBe(false);
    expect(clock.timers.size).toBe(0);
  });

  it('fires nothing after stop', async () => {
    // Prepare
    const { scheduler, clock, runs } = makeScheduler();
    scheduler.start();

    // Act
    await scheduler.stop();
    await clock.advanceTo('2026-07-03T00:00:00Z');

    // Assess
    expect(runs).toEqual([]);
  });

  it('runNow invokes a schedule at once, without waiting for its time', async () => {
    // Prepare
    const { scheduler, runs } = makeScheduler();

    // Act
    await scheduler.runNow('daily-risk-scan');

    // Assess
    expect(runs).toEqual([
      { target: 'riskScan', input: { kind: 'daily' }, at: '2026-07-01T00:00:00.000Z' },
    ]);
  });

  it('runNow rejects when the target fails, so a CLI can report it', async () => {
    // Prepare
    const { scheduler } = makeScheduler({ invoke: () => Promise.reject(new Error('nope')) });

    // Act
    const run = scheduler.runNow('daily-risk-scan');

    // Assess
    await expect(run).rejects.toThrow('nope');
  });

  it('runNow names the known schedules when asked for an unknown one', async () => {
    // Prepare
    const { scheduler } = makeScheduler();

    // Act
    const run = scheduler.runNow('weekly');

    // Assess
    await expect(run).rejects.toThrow('No schedule named "weekly" (known: daily-risk-scan)');
  });

  it.each([
    {
      schedules: [{ ...dailyScan, cron: 'cron(0 6 * * * *)' }],
      error: /Schedule "daily-risk-scan": Invalid cron expression/,
    },
    { schedules: [dailyScan, dailyScan], error: /Two schedules are named "daily-risk-scan"/ },
    {
      schedules: [{ ...dailyScan, timeZone: 'Europe/Paris' as 'Asia/Ho_Chi_Minh' }],
      error: /Schedule "daily-risk-scan": Europe\/Paris changes its UTC offset/,
    },
  ])('refuses bad declarations: $error', ({ schedules, error }) => {
    // Act
    const build = () => makeScheduler({ schedules });

    // Assess
    expect(build).toThrow(error);
  });
});
