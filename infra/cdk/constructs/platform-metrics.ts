/**
 * The application's own metrics, as the handlers emit them through Powertools: namespace
 * POWERTOOLS_METRICS_NAMESPACE and, on every metric, the `service` dimension Powertools
 * adds (POWERTOOLS_SERVICE_NAME). CloudWatch only matches a metric with exactly its
 * dimensions, so a metric emitted with another dimension set would not show here: the
 * dimension sets below are the contract with the handlers.
 */
import { Duration } from 'aws-cdk-lib';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { Sector } from '#shared/domain/plan/model.ts';

export const METRICS_NAMESPACE = 'LangSonProgress';

export class PlatformMetrics {
  constructor(
    /** The `service` dimension: the functions' POWERTOOLS_SERVICE_NAME. */
    readonly serviceName: string,
    readonly namespace: string = METRICS_NAMESPACE,
  ) {}

  private metric(
    metricName: string,
    statistic: string,
    period: Duration,
    extra: Record<string, string> = {},
  ): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName,
      dimensionsMap: { service: this.serviceName, ...extra },
      statistic,
      period,
    });
  }

  /** Reports stored, per sector (submit-report). */
  reportsAccepted(sector: Sector, period = Duration.hours(1)): Metric {
    return this.metric('ReportsAccepted', Stats.SUM, period, { sector });
  }

  /** Tasks currently flagged at risk, per sector (risk scan); a level, so the maximum. */
  tasksAtRisk(sector: Sector, period = Duration.hours(1)): Metric {
    return this.metric('TasksAtRisk', Stats.MAXIMUM, period, { sector });
  }

  /** How long a rollup ran, in milliseconds. */
  rollupDurationMs(statistic: string = Stats.MAXIMUM, period = Duration.hours(1)): Metric {
    return this.metric('RollupDurationMs', statistic, period);
  }

  /** 1 for each rollup that completed. */
  rollupSucceeded(period = Duration.days(1)): Metric {
    return this.metric('RollupSucceeded', Stats.SUM, period);
  }
}
