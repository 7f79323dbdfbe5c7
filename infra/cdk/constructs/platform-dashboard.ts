/**
 * The operators' dashboard: the API's traffic, errors and latency; what the province
 * sees (reports accepted and tasks at risk per sector); the rollups; the dead-letter
 * queues; every function's errors and throttles; and the state of every alarm.
 */
import { Aws, Duration } from 'aws-cdk-lib';
import type { Stage } from 'aws-cdk-lib/aws-apigateway';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  Stats,
  type Alarm,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformFunctions } from './platform-functions.ts';
import type { PlatformMetrics } from './platform-metrics.ts';

export interface PlatformDashboardProps {
  /** Part of the dashboard's name. Required. */
  readonly stage: string;
  /** The API stage graphed. Required. */
  readonly apiStage: Stage;
  /** Graphed for errors and throttles. Required. */
  readonly functions: PlatformFunctions;
  /** Graphed for depth. Required (may be empty). */
  readonly deadLetterQueues: readonly DeadLetterQueue[];
  /** The application metrics. Required. */
  readonly metrics: PlatformMetrics;
  /** Shown in an alarm-status widget. Required. */
  readonly alarms: readonly Alarm[];
  /**
   * Default time range of the dashboard.
   * @default Duration.days(7)
   */
  readonly range?: Duration;
}

const FIVE_MINUTES = Duration.minutes(5);
const FULL = 24;
const HALF = 12;
const THIRD = 8;

export class PlatformDashboard extends Construct {
  readonly dashboard: Dashboard;
  /** The dashboard in the CloudWatch console of the stack's region. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PlatformDashboardProps) {
    super(scope, id);
    const { apiStage, metrics } = props;
    const graph = (title: string, left: IMetric[], width = THIRD, right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width, height: 6 });
    const functions = [...props.functions.byName];

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `LangSonProgress-${props.stage}`,
      defaultInterval: props.range ?? Duration.days(7),
    });
    this.dashboard.addWidgets(
      graph('API requests', [
        apiStage.metricCount({ period: FIVE_MINUTES, statistic: Stats.SUM, label: 'requests' }),
      ]),
      graph('API errors', [
        apiStage.metricClientError({ period: FIVE_MINUTES, statistic: Stats.SUM, label: '4XX' }),
        apiStage.metricServerError({ period: FIVE_MINUTES, statistic: Stats.SUM, label: '5XX' }),
      ]),
      graph('API latency (ms)', [
        apiStage.metricLatency({ period: FIVE_MINUTES, statistic: Stats.p(50), label: 'p50' }),
        apiStage.metricLatency({ period: FIVE_MINUTES, statistic: Stats.p(99), label: 'p99' }),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Reports accepted per sector',
        SECTORS.map((sector) => metrics.reportsAccepted(sector).with({ label: sector })),
        HALF,
      ),
      graph(
        'Tasks at risk per sector',
        SECTORS.map((sector) => metrics.tasksAtRisk(sector).with({ label: sector })),
        HALF,
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Rollup duration (ms)',
        [
          metrics.rollupDurationMs(Stats.p(50)).with({ label: 'p50' }),
          metrics.rollupDurationMs(Stats.MAXIMUM).with({ label: 'max' }),
        ],
        HALF,
      ),
      graph('Rollups succeeded per day', [metrics.rollupSucceeded()], HALF),
    );
    this.dashboard.addWidgets(
      graph(
        'Dead letters waiting',
        props.deadLetterQueues.map((deadLetters) =>
          deadLetters.queue.metricApproximateNumberOfMessagesVisible({
            period: FIVE_MINUTES,
            statistic: Stats.MAXIMUM,
            label: `${deadLetters.node.scope?.node.id ?? ''} ${deadLetters.node.id}`.trim(),
          }),
        ),
        FULL,
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Function errors',
        functions.map(([name, fn]) =>
          fn.lambda.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM, label: name }),
        ),
        HALF,
      ),
      graph(
        'Function throttles',
        functions.map(([name, fn]) =>
          fn.lambda.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM, label: name }),
        ),
        HALF,
      ),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: FULL }),
    );

    this.url = `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards:name=${this.dashboard.dashboardName}`;
  }
}
