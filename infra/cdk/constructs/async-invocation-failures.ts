/**
 * What happens when a handler invoked by a rule or a schedule throws. EventBridge and
 * Scheduler hand the event to Lambda asynchronously and count that as delivered; from
 * then on Lambda retries (at most twice) and, without this construct, drops the event.
 * Here every asynchronously invoked function gets a failure destination: a dead-letter
 * queue whose records carry the event, the error and the attempt count.
 */
import { Duration } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import type { EventRuleSpec, ScheduleSpec } from '../declarations.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformFunctions } from './platform-functions.ts';

/** Lambda retries an asynchronous invocation at most twice. */
export const MAX_LAMBDA_ASYNC_RETRIES = 2;

export interface AsyncInvocationFailuresProps {
  /** Rules whose targets are covered. Required (may be empty). */
  readonly rules: readonly EventRuleSpec[];
  /** Schedules whose targets are covered. Required (may be empty). */
  readonly schedules: readonly ScheduleSpec[];
  /** Where the targets are found, by handler name. Required. */
  readonly functions: PlatformFunctions;
  /**
   * How long Lambda keeps retrying one event.
   * @default Duration.hours(6) - Lambda's maximum
   */
  readonly maxEventAge?: Duration;
}

/**
 * Lambda retries per function: the declared attempts of its rules (less the first),
 * capped at Lambda's two, the most any of its rules asks for; schedules get the two.
 */
export function asyncRetriesByTarget(
  rules: readonly EventRuleSpec[],
  schedules: readonly ScheduleSpec[],
): Map<string, number> {
  const retries = new Map<string, number>();
  const want = (target: string, count: number): void => {
    const capped = Math.min(count, MAX_LAMBDA_ASYNC_RETRIES);
    retries.set(target, Math.max(retries.get(target) ?? 0, capped));
  };
  for (const rule of rules) want(rule.target, rule.maxAttempts - 1);
  for (const schedule of schedules) want(schedule.target, MAX_LAMBDA_ASYNC_RETRIES);
  return retries;
}

export class AsyncInvocationFailures extends Construct {
  readonly deadLetterQueues: readonly DeadLetterQueue[];

  constructor(scope: Construct, id: string, props: AsyncInvocationFailuresProps) {
    super(scope, id);
    const queues: DeadLetterQueue[] = [];
    for (const [name, retryAttempts] of asyncRetriesByTarget(props.rules, props.schedules)) {
      const fn = props.functions.get(name);
      const failures = new DeadLetterQueue(this, `${name}-failures`, {
        purpose: `asynchronous invocations of ${name} that failed on every attempt`,
      });
      fn.lambda.configureAsyncInvoke({
        onFailure: new SqsDestination(failures.queue),
        retryAttempts,
        maxEventAge: props.maxEventAge ?? Duration.hours(6),
      });
      queues.push(failures);
    }
    this.deadLetterQueues = queues;
  }
}
