/**
 * Logger, metrics and tracer as module-level singletons (one per Lambda container).
 * Service name and namespace come from POWERTOOLS_SERVICE_NAME and
 * POWERTOOLS_METRICS_NAMESPACE, set by the function construct and the local runtime.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'langson-progress';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'LangSonProgress',
});
export const tracer = new Tracer({ serviceName });
