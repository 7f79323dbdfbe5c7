/**
 * Logger and metrics as module-level singletons (one per Lambda container).
 * Service name and namespace come from POWERTOOLS_SERVICE_NAME and
 * POWERTOOLS_METRICS_NAMESPACE, set by the function construct and the local runtime.
 *
 * No tracer: Lambda's active tracing (set on every function by the house function) records
 * each invocation's segments without any SDK in the bundle. Powertools Tracer would add the
 * X-Ray SDK (about 120 KiB minified with its dependencies, end of support February 2027)
 * for a handler subsegment and per-call subsegments; see BENCHMARKS.md, figure 3.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'langson-progress';

export const logger = new Logger({ serviceName });

/** Read requests publish no metric of their own, which is normal: not worth a warning each. */
const NO_METRICS_WARNING = 'No application metrics to publish';

export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'LangSonProgress',
  logger: {
    debug: (message: string, ...rest: unknown[]) => logger.debug(message, { details: rest }),
    info: (message: string, ...rest: unknown[]) => logger.info(message, { details: rest }),
    warn: (message: string, ...rest: unknown[]) =>
      message.startsWith(NO_METRICS_WARNING)
        ? logger.debug(message)
        : logger.warn(message, { details: rest }),
    error: (message: string, ...rest: unknown[]) => logger.error(message, { details: rest }),
  },
});

/** A finished rollup run, counted the same way by the quarter close and the admin run. */
export function recordRollupRun(durationMs: number): void {
  const single = metrics.singleMetric();
  single.addMetric('RollupDurationMs', MetricUnit.Milliseconds, durationMs);
  single.addMetric('RollupSucceeded', MetricUnit.Count, 1);
}

/** A finished reminder run: messages queued by kind, counted the same way by schedule and admin. */
export function recordReminderRun(run: {
  messages: readonly { kind: string; queued: boolean }[];
  withoutAddress: readonly string[];
}): void {
  for (const kind of ['reminder', 'escalation', 'digest']) {
    const queued = run.messages.filter((message) => message.kind === kind && message.queued);
    const single = metrics.singleMetric();
    single.addDimensions({ kind });
    single.addMetric('MessagesQueued', MetricUnit.Count, queued.length);
  }
  const single = metrics.singleMetric();
  single.addMetric('RecipientsWithoutAddress', MetricUnit.Count, run.withoutAddress.length);
  single.addMetric('ReminderRunSucceeded', MetricUnit.Count, 1);
}

/** A finished risk scan, counted the same way by the daily schedule and the admin run. */
export function recordRiskScan(atRiskBySector: Record<string, number>): void {
  for (const [sector, count] of Object.entries(atRiskBySector)) {
    const single = metrics.singleMetric();
    single.addDimensions({ sector });
    single.addMetric('TasksAtRisk', MetricUnit.Count, count);
  }
}
