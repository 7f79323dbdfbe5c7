/**
 * EventBridge Scheduler schedules, one per declaration: the declared cron in the declared
 * time zone (the province's midnight, not UTC's), no flexible window (a quarter closes at
 * a precise instant), a retry policy and a dead-letter queue per schedule.
 *
 * Scheduler invokes Lambda asynchronously, so as with rules its retries cover delivery
 * only; handler errors are retried by Lambda (`AsyncInvocationFailures`).
 */
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { ScheduleSpec } from '../declarations.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformFunctions } from './platform-functions.ts';

export interface PlatformSchedulesProps {
  /** The schedules to build. Required (may be empty). */
  readonly schedules: readonly ScheduleSpec[];
  /** Where the targets are found, by handler name. Required. */
  readonly functions: PlatformFunctions;
  /**
   * Delivery retries before the invocation goes to the dead-letter queue.
   * @default 5
   */
  readonly retryAttempts?: number;
  /**
   * How long Scheduler keeps trying one invocation. A rollup that starts hours late is
   * better dead-lettered and alarmed, then run by hand, than run silently late.
   * @default Duration.hours(2)
   */
  readonly maxEventAge?: Duration;
}

export class PlatformSchedules extends Construct {
  readonly schedules: ReadonlyMap<string, Schedule>;
  readonly deadLetterQueues: readonly DeadLetterQueue[];

  constructor(scope: Construct, id: string, props: PlatformSchedulesProps) {
    super(scope, id);
    const schedules = new Map<string, Schedule>();
    const queues: DeadLetterQueue[] = [];
    for (const declaration of props.schedules) {
      const target = props.functions.get(declaration.target);
      const deadLetters = new DeadLetterQueue(this, `${declaration.name}-dead-letters`, {
        purpose: `invocations that schedule ${declaration.name} could not deliver to ${declaration.target}`,
      });
      // Our own role: the target's default grants `function:*` (every version and alias)
      // as well as the function; Scheduler invokes the unqualified function only.
      const role = new Role(this, `${declaration.name}-role`, {
        description: `EventBridge Scheduler: ${declaration.name} invokes ${declaration.target}`,
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      });
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'InvokeTarget',
          actions: ['lambda:InvokeFunction'],
          resources: [target.lambda.functionArn],
        }),
      );
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'DeadLetter',
          actions: ['sqs:SendMessage'],
          resources: [deadLetters.queue.queueArn],
        }),
      );
      const schedule = new Schedule(this, declaration.name, {
        description: declaration.description,
        schedule: ScheduleExpression.expression(
          declaration.cron,
          TimeZone.of(declaration.timeZone),
        ),
        timeWindow: TimeWindow.off(),
        target: new LambdaInvoke(target.lambda, {
          // Immutable: the target must not add its broader grants to the role above.
          role: role.withoutPolicyUpdates(),
          input: ScheduleTargetInput.fromObject(declaration.input),
          deadLetterQueue: deadLetters.queue,
          retryAttempts: props.retryAttempts ?? 5,
          maxEventAge: props.maxEventAge ?? Duration.hours(2),
        }),
      });
      schedules.set(declaration.name, schedule);
      queues.push(deadLetters);
    }
    this.schedules = schedules;
    this.deadLetterQueues = queues;
  }
}
