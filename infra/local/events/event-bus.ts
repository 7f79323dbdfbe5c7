/**
 * The local EventBridge bus: PutEvents in, the same rule declarations the CDK app deploys,
 * and asynchronous delivery to each matching rule's target with retries and a dead-letter
 * store, as on AWS. `putEvents` answers in the PutEvents response shape, so the project's
 * EventBridge adapter can talk to it through the same interface as to the SDK client.
 */
import { randomUUID } from 'node:crypto';
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { EventRuleDeclaration } from '#shared/platform/events.ts';
import { eventFromEntry, type BusEvent } from './bus-event.ts';
import type { DeadLetterStore } from './dead-letters.ts';
import { matchesPattern, validatePattern } from './event-pattern.ts';
import { consoleLogger, describeError, type EventsLogger } from './log.ts';

export interface LocalEventBusOptions {
  rules: readonly EventRuleDeclaration[];
  invoke: (target: string, event: BusEvent) => Promise<void>;
  deadLetters: DeadLetterStore;
  /** Wait before retry number `attempt` (1 = after the first failure). */
  retryDelayMs?: (attempt: number) => number;
  logger?: EventsLogger;
  now?: () => Date;
}

export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** PutEvents takes 1 to 10 entries per call; more fail the whole call on AWS. */
const MAX_ENTRIES = 10;

/** Doubling from 200 ms up to 10 s: quick locally, still spacing out a failing target. */
const defaultRetryDelayMs = (attempt: number): number => Math.min(200 * 2 ** (attempt - 1), 10_000);

/** The global timer, so tests can drive retries with fake timers. */
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalEventBus {
  readonly #rules: ReadonlyMap<string, EventRuleDeclaration>;
  readonly #invoke: LocalEventBusOptions['invoke'];
  readonly #deadLetters: DeadLetterStore;
  readonly #retryDelayMs: (attempt: number) => number;
  readonly #logger: EventsLogger;
  readonly #now: () => Date;
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(options: LocalEventBusOptions) {
    this.#rules = indexRules(options.rules);
    this.#invoke = options.invoke;
    this.#deadLetters = options.deadLetters;
    this.#retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.#logger = options.logger ?? consoleLogger;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Accepts the entries and returns before any target runs, as EventBridge does. EventBusName
   * is ignored: locally there is one bus.
   */
  putEvents(entries: readonly PutEventsRequestEntry[]): Promise<PutEventsResult> {
    if (this.#closed) return Promise.reject(new Error('The local event bus is closed'));
    if (entries.length === 0 || entries.length > MAX_ENTRIES) {
      const error = new Error(`PutEvents takes 1 to ${MAX_ENTRIES} entries, got ${entries.length}`);
      error.name = 'ValidationException';
      return Promise.reject(error);
    }
    const results = entries.map((entry): PutEventsResultEntry => {
      const outcome = eventFromEntry(entry, this.#now());
      if ('error' in outcome) return outcome.error;
      this.#route(outcome.event);
      return { EventId: outcome.event.id };
    });
    const FailedEntryCount = results.filter((result) => result.ErrorCode).length;
    return Promise.resolve({ FailedEntryCount, Entries: results });
  }

  /** One attempt to deliver `event` to the rule's target; throws what the target threw. */
  async redeliver(ruleName: string, event: BusEvent): Promise<void> {
    const rule = this.#rules.get(ruleName);
    if (!rule) throw new Error(`No event rule named "${ruleName}"`);
    await this.#invoke(rule.target, structuredClone(event));
  }

  /** Resolves once no delivery is running or waiting to retry, including ones started meanwhile. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  /** Refuses further events and waits for the deliveries already accepted. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.drain();
  }

  #route(event: BusEvent): void {
    for (const rule of this.#rules.values()) {
      if (!matchesPattern(rule.pattern, event)) continue;
      const delivery = this.#deliver(rule, event);
      this.#inFlight.add(delivery);
      void delivery.finally(() => this.#inFlight.delete(delivery));
    }
  }

  /** Never rejects: a delivery ends delivered or dead-lettered (or logged, if even that fails). */
  async #deliver(rule: EventRuleDeclaration, event: BusEvent): Promise<void> {
    await sleep(0); // let putEvents answer first: on AWS, delivery never runs inside the call
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#invoke(rule.target, structuredClone(event));
        return;
      } catch (error) {
        const context = { rule: rule.name, target: rule.target, eventId: event.id, attempt };
        if (attempt >= rule.maxAttempts) {
          await this.#deadLetter(rule, event, attempt, error);
          return;
        }
        this.#logger.warn('event delivery failed; will retry', {
          ...context,
          error: describeError(error),
        });
        await sleep(this.#retryDelayMs(attempt));
      }
    }
  }

  async #deadLetter(rule: EventRuleDeclaration, event: BusEvent, attempts: number, error: unknown) {
    const lastError = describeError(error);
    const context = {
      rule: rule.name,
      target: rule.target,
      eventId: event.id,
      attempts,
      lastError,
    };
    try {
      await this.#deadLetters.add({
        id: randomUUID(),
        rule: rule.name,
        target: rule.target,
        event,
        attempts,
        lastError,
        failedAt: this.#now().toISOString(),
      });
      this.#logger.error('event delivery failed on every attempt; dead-lettered', context);
    } catch (storeError) {
      this.#logger.error('event delivery failed and the dead-letter store refused it; event lost', {
        ...context,
        storeError: describeError(storeError),
      });
    }
  }
}

/** Checks the declarations up front, so a bad rule stops the runtime at start-up. */
function indexRules(rules: readonly EventRuleDeclaration[]): Map<string, EventRuleDeclaration> {
  const byName = new Map<string, EventRuleDeclaration>();
  for (const rule of rules) {
    if (byName.has(rule.name)) throw new Error(`Two event rules are named "${rule.name}"`);
    if (!Number.isInteger(rule.maxAttempts) || rule.maxAttempts < 1) {
      throw new Error(`Event rule "${rule.name}": maxAttempts must be an integer of at least 1`);
    }
    try {
      validatePattern(rule.pattern);
    } catch (error) {
      throw new Error(`Event rule "${rule.name}": ${describeError(error).message}`, {
        cause: error,
      });
    }
    byName.set(rule.name, rule);
  }
  return byName;
}
