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
  /**
   * Attempts before the event goes to the dead-letter queue. On AWS a Lambda target's own
   * errors get at most 3 attempts (asynchronous invocation), so 3 means the same on both hosts.
   */
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

export const EVENT_RULES: readonly EventRuleDeclaration[] = [
  {
    name: 'ProgressReportedToRiskEvaluator',
    description: "Re-evaluate a task's risk when a report about it is accepted",
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['ProgressReported'] },
    target: 'evaluateTaskRisk',
    maxAttempts: 3,
  },
  {
    name: 'TaskFlaggedToNotifier',
    description: 'Notify people when a task gains a risk reason',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['TaskFlaggedAtRisk'] },
    target: 'notifyRisk',
    maxAttempts: 3,
  },
  {
    name: 'JobQueuedToRunner',
    description: 'Run the long work an admin asked for (a rollup, the risk scan, a large import)',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['JobQueued'] },
    target: 'runJobs',
    maxAttempts: 3,
  },
];

export const SCHEDULES: readonly ScheduleDeclaration[] = [
  {
    name: 'DailyRiskScan',
    description: 'Every morning in the province: flag tasks whose deadlines passed without reports',
    cron: 'cron(0 6 * * ? *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    target: 'riskScan',
    input: {},
  },
  {
    name: 'PeriodSnapshots',
    description:
      'Five past midnight every day in the province: the official snapshot of each period whose deadline ended the day before, and revisions of periods with late data',
    cron: 'cron(5 0 * * ? *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    target: 'closePeriods',
    input: {},
  },
  {
    name: 'DailyReminders',
    description:
      'Every morning at 07:00 in the province: reminders before report deadlines, escalations after them',
    cron: 'cron(0 7 * * ? *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    target: 'reminderJob',
    input: { job: 'daily' },
  },
  {
    name: 'WeeklyDigest',
    description: "Mondays at 07:30 in the province: the week's digest for leaders",
    cron: 'cron(30 7 ? * MON *)',
    timeZone: 'Asia/Ho_Chi_Minh',
    target: 'reminderJob',
    input: { job: 'digest' },
  },
];
