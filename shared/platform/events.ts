/**
 * The event bus's vocabulary: rules that route events to handlers, and schedules that
 * invoke handlers on time. Declared once for the CDK app and the local runtime.
 */
import type { HandlerName } from './handlers.ts';

/** The `source` of every event the platform publishes. */
export const EVENT_SOURCE = 'langson.progress';

/** An EventBridge event pattern (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
export type EventPattern = { [field: string]: EventPattern | readonly unknown[] };

export interface EventRuleDeclaration {
  name: string;
  description: string;
  pattern: EventPattern;
  target: HandlerName;
  /** Delivery attempts before the event goes to the dead-letter queue. */
  maxAttempts: number;
}

export interface ScheduleDeclaration {
  name: string;
  description: string;
  /** EventBridge Scheduler cron expression: `cron(minutes hours day-of-month month day-of-week year)`. */
  cron: string;
  timeZone: 'Asia/Ho_Chi_Minh';
  target: HandlerName;
  /** The payload the target receives. */
  input: Record<string, unknown>;
}

export const EVENT_RULES: readonly EventRuleDeclaration[] = [];

export const SCHEDULES: readonly ScheduleDeclaration[] = [];
