/**
 * The alarms that page the operators, all publishing to the operator topic (on ALARM and
 * on OK, so a recovery is seen too): the API's 5XX rate, every function's errors and
 * throttles, any dead letter, and a quarter close without a successful rollup.
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
import type { PlatformFunctions } from './platform-functions.ts';
import type { PlatformMetrics } from './platform-metrics.ts';

export interface PlatformAlarmsProps {
  /** The API stage whose 5XX rate is watched. Required. */
  readonly apiStage: Stage;
  /** Every function gets an errors and a throttles alarm. Required. */
  readonly functions: PlatformFunctions;
  /** Every queue gets a "message visible" alarm. Required (may be empty). */
  readonly deadLetterQueues: readonly DeadLetterQueue[];
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

/**
 * The UTC days a quarter-close run lands on. A quarter starts at midnight in the province
 * (Asia/Ho_Chi_Minh, UTC+7 all year), which is 17:00 UTC on the last day of the previous
 * month; a close run in the first 31 hours of the quarter lands on that UTC day or the
 * next, the first of the quarter's month. As [month, day of month] pairs.
 */
export const QUARTER_CLOSE_UTC_DAYS: readonly (readonly [number, number])[] = [
  [12, 31],
  [1, 1],
  [3, 31],
  [4, 1],
  [6, 30],
  [7, 1],
  [9, 30],
  [10, 1],
];

/**
 * 1 on days when no close is due (the alarm stays quiet between quarters), and on the two
 * close days the number of successful rollups, 0 if none was reported. The day grid comes
 * from TIME_SERIES, which has a point for every day whether or not the rollup emitted
 * anything, so the time test works on the silent days that matter most.
 */
export function quarterCloseExpression(): string {
  const closeDay = QUARTER_CLOSE_UTC_DAYS.map(
    ([month, day]) => `(MONTH(days) == ${month} AND DATE(days) == ${day})`,
  ).join(' OR ');
  return `IF(${closeDay}, FILL(succeeded, 0), 1)`;
}

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

    // The quarter close runs once a quarter, so a plain "no RollupSucceeded in the last
    // day" alarm would be red 89 days out of 90. Missing data still means failure, but only
    // on the two UTC days a close lands on; both must be without success (2 of 2), so a
    // run landing on either side of UTC midnight counts. It fires on the morning of the
    // quarter's second day in the province, after every Scheduler and Lambda retry.
    const quarterClose = new Alarm(this, 'QuarterCloseRollupMissing', {
      alarmDescription:
        'No rollup succeeded around the start of the quarter: the previous quarter is not closed. See the close-quarter logs and dead letters, then run POST /rollups/{quarter}/runs.',
      metric: new MathExpression({
        label: 'Quarter-close rollups (1 when none is due)',
        expression: quarterCloseExpression(),
        usingMetrics: {
          succeeded: props.metrics.rollupSucceeded(Duration.days(1)),
          days: new MathExpression({ expression: 'TIME_SERIES(0)', period: Duration.days(1) }),
        },
        period: Duration.days(1),
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      // Silence is failure: a close that never ran emits nothing.
      treatMissingData: TreatMissingData.BREACHING,
    });
    quarterClose.addAlarmAction(notify);
    alarms.push(quarterClose);

    this.alarms = alarms;
  }
}
