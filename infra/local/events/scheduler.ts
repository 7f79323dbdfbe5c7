/**
 * The local EventBridge Scheduler: runs the same schedule declarations the CDK app deploys,
 * each at the times its cron expression names in its time zone.
 */
import type { ScheduleDeclaration } from '#shared/platform/events.ts';
import { nextRun, parseCron } from './cron-expression.ts';
import { consoleLogger, describeError, type EventsLogger } from './log.ts';
import { fixedOffsetMs } from './zone-offset.ts';

export { nextRun } from './cron-expression.ts';

/** Time and timers, injectable so tests need not wait for real schedules. */
export interface SchedulerClock {
  now(): Date;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LocalSchedulerOptions {
  schedules: readonly ScheduleDeclaration[];
  invoke: (target: string, input: Record<string, unknown>) => Promise<void>;
  clock?: SchedulerClock;
  logger?: EventsLogger;
}

/** Node's timers overflow above this and fire at once; longer waits re-arm on waking. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class LocalScheduler {
  readonly #schedules: ReadonlyMap<string, ScheduleDeclaration>;
  readonly #invoke: LocalSchedulerOptions['invoke'];
  readonly #clock: SchedulerClock;
  readonly #logger: EventsLogger;
  readonly #timers = new Map<string, unknown>();
  readonly #running = new Set<Promise<void>>();
  #started = false;

  constructor(options: LocalSchedulerOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#schedules = indexSchedules(options.schedules, this.#clock.now());
    this.#invoke = options.invoke;
    this.#logger = options.logger ?? consoleLogger;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (const schedule of this.#schedules.values()) this.#armAfter(schedule, this.#clock.now());
  }

  /** Clears the timers and waits for the invocations already running. */
  async stop(): Promise<void> {
    this.#started = false;
    for (const handle of this.#timers.values()) this.#clock.clearTimeout(handle);
    this.#timers.clear();
    while (this.#running.size > 0) await Promise.allSettled(this.#running);
  }

  /** Invokes one schedule's target now (the CLI's manual runs); rejects if the target fails. */
  runNow(name: string): Promise<void> {
    const schedule = this.#schedules.get(name);
    if (!schedule) {
      const known = [...this.#schedules.keys()].join(', ') || 'none';
      return Promise.reject(new Error(`No schedule named "${name}" (known: ${known})`));
    }
    return this.#run(schedule);
  }

  #armAfter(schedule: ScheduleDeclaration, after: Date): void {
    const due = nextRun(schedule.cron, schedule.timeZone, after);
    if (!due) {
      this.#logger.warn('schedule will not fire again', { schedule: schedule.name });
      return;
    }
    this.#wait(schedule, due);
  }

  #wait(schedule: ScheduleDeclaration, due: Date): void {
    const delay = Math.max(
      0,
      Math.min(due.getTime() - this.#clock.now().getTime(), MAX_TIMER_DELAY_MS),
    );
    const handle = this.#clock.setTimeout(() => this.#wake(schedule, due), delay);
    this.#timers.set(schedule.name, handle);
  }

  #wake(schedule: ScheduleDeclaration, due: Date): void {
    this.#timers.delete(schedule.name);
    const now = this.#clock.now();
    // Woken early: a capped long wait, or a timer that fired a little before its time.
    if (now < due) return this.#wait(schedule, due);
    this.#run(schedule).catch((error: unknown) => {
      this.#logger.error('scheduled invocation failed', {
        schedule: schedule.name,
        target: schedule.target,
        error: describeError(error),
      });
    });
    // Runs missed while the machine slept collapse into this one, rather than firing in a burst.
    this.#armAfter(schedule, now > due ? now : due);
  }

  #run(schedule: ScheduleDeclaration): Promise<void> {
    this.#logger.info('invoking scheduled target', {
      schedule: schedule.name,
      target: schedule.target,
    });
    // async, so a target that throws synchronously still yields a rejected run
    const run = (async () => this.#invoke(schedule.target, structuredClone(schedule.input)))();
    this.#running.add(run);
    const untrack = () => this.#running.delete(run);
    run.then(untrack, untrack);
    return run;
  }
}

/** Checks every declaration up front, so a bad schedule stops the runtime at start-up. */
function indexSchedules(
  schedules: readonly ScheduleDeclaration[],
  now: Date,
): Map<string, ScheduleDeclaration> {
  const byName = new Map<string, ScheduleDeclaration>();
  for (const schedule of schedules) {
    if (byName.has(schedule.name)) throw new Error(`Two schedules are named "${schedule.name}"`);
    try {
      parseCron(schedule.cron);
      fixedOffsetMs(schedule.timeZone, now.getUTCFullYear());
    } catch (error) {
      throw new Error(`Schedule "${schedule.name}": ${describeError(error).message}`, {
        cause: error,
      });
    }
    byName.set(schedule.name, schedule);
  }
  return byName;
}
