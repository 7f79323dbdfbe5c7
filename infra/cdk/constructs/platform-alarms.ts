/**
 * The alarms that page the operators, all publishing to the operator topic (on ALARM and
 * on OK, so a recovery is seen too): the API's 5XX rate, every function's errors and
 * throttles, any dead letter, a work queue whose oldest message waits too long, and a
 * quarter close without a successful rollup.
 */
import { Duration } from 'aws-cdk-lib';
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformQueues } from './platform-queues.ts';
import type { PlatformFunctions } from './platform-functions.ts';
import type { PlatformMetrics } from './platform-metrics.ts';

export interface PlatformAlarmsProps {
  /** The API stage whose 5XX rate is watched. Required. */
  readonly apiStage: Stage;
  /** Every function gets an errors and a throttles alarm. Required. */
  readonly functions: PlatformFunctions;
  /** Every queue gets a "message visible" alarm. Required (may be empty). */
  readonly deadLetterQueues: readonly DeadLetterQueue[];
  /**
   * Every work queue gets an alarm on the age of its oldest message, at its declaration's
   * `oldestMessageAlarmSeconds`. Required.
   */
  readonly queues: PlatformQueues;
  /** The application metrics. Required. */
  readonly metrics: PlatformMetrics;
  /** Where the alarms publish. Required. */
  readonly alarmTopic: ITopic;
  /**
   * Share of requests answered 5XX, in percent, above which the API alarms (in 2 of 3
   * five-minute periods).
   * @default 5
   */
  readonly api5xxPercent?: number;
  /**
   * Errors in five minutes that raise a function's alarm, by handler name.
   * @default { authorizer: 25 } and 1 for every other function - the authorizer fails
   * by design on every refused token (API Gateway turns that into a 401), so a few are
   * normal; elsewhere one error is one failed request or event
   */
  readonly errorThresholds?: Readonly<Record<string, number>>;
  /**
   * Notify on recovery too. The quarter-close alarm never does: it returns to OK by
   * itself the day after it fired, when nothing was fixed.
   * @default true
   */
  readonly notifyOk?: boolean;
}

const FIVE_MINUTES = Duration.minutes(5);

export class PlatformAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    const alarms: Alarm[] = [];
    const notify = new SnsAction(props.alarmTopic);
    const add = (alarm: Alarm): Alarm => {
      alarm.addAlarmAction(notify);
      if (props.notifyOk ?? true) alarm.addOkAction(notify);
      alarms.push(alarm);
      return alarm;
    };

    add(
      new Alarm(this, 'Api5xxRate', {
        alarmDescription: `More than ${props.api5xxPercent ?? 5}% of API requests answered 5XX in 2 of the last 3 five-minute periods.`,
        metric: new MathExpression({
          label: 'API 5XX rate (%)',
          expression: 'IF(requests > 0, 100 * errors / requests, 0)',
          usingMetrics: {
            requests: props.apiStage.metricCount({ period: FIVE_MINUTES, statistic: Stats.SUM }),
            errors: props.apiStage.metricServerError({
              period: FIVE_MINUTES,
              statistic: Stats.SUM,
            }),
          },
          period: FIVE_MINUTES,
        }),
        threshold: props.api5xxPercent ?? 5,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        // No traffic is not an outage of the API.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    const errorThresholds = props.errorThresholds ?? { authorizer: 25 };
    for (const [name, fn] of props.functions.byName) {
      const errors = errorThresholds[name] ?? 1;
      add(
        new Alarm(this, `${name}-errors`, {
          alarmDescription: `${name}: at least ${errors} invocation error(s) in five minutes.`,
          metric: fn.lambda.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
          threshold: errors,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      add(
        new Alarm(this, `${name}-throttles`, {
          alarmDescription: `${name}: invocations throttled (account concurrency exhausted?).`,
          metric: fn.lambda.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    for (const deadLetters of props.deadLetterQueues) {
      add(
        new Alarm(this, `${deadLetters.node.scope?.node.id ?? 'Queue'}-${deadLetters.node.id}`, {
          alarmDescription: `A dead letter is waiting: ${deadLetters.purpose}.`,
          metric: deadLetters.queue.metricApproximateNumberOfMessagesVisible({
            period: FIVE_MINUTES,
            statistic: Stats.MAXIMUM,
          }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // A consumer that stopped reading (throttled, its mapping disabled, SES refusing) sends
    // nothing to the dead-letter queue: its messages only grow old.
    for (const [name, queue] of props.queues.byName) {
      const { oldestMessageAlarmSeconds, consumer } = props.queues.declarationOf(name);
      add(
        new Alarm(this, `${name}-oldest-message`, {
          alarmDescription: `Queue ${name}: a message has waited more than ${oldestMessageAlarmSeconds} s for ${consumer}, which is not reading it.`,
          metric: queue.metricApproximateAgeOfOldestMessage({
            period: FIVE_MINUTES,
            statistic: Stats.MAXIMUM,
          }),
          threshold: oldestMessageAlarmSeconds,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          // The age only grows while nothing reads: one period past the threshold is enough.
          evaluationPeriods: 1,
          // An empty queue reports no age: nothing waits.
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    // The period snapshots run every day at 00:05 in the province (17:05 UTC), so every
    // UTC day holds one run: a day without a successful one is a failure. Silence is
    // failure too: a run that never started emits nothing.
    const snapshots = new Alarm(this, 'PeriodSnapshotsMissing', {
      alarmDescription:
        'No period snapshot run succeeded today: official snapshots or revisions may be missing. See the close-periods logs and dead letters, then run POST /rollups/{period}/runs.',
      metric: props.metrics.rollupSucceeded(Duration.days(1)),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.BREACHING,
    });
    snapshots.addAlarmAction(notify);
    alarms.push(snapshots);

    this.alarms = alarms;
  }
}
