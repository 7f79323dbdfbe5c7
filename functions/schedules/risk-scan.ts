/**
 * Daily risk scan (schedule `DailyRiskScan`): every task, since deadlines pass without
 * reports. The same work as an admin's scan job (job-work.ts).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { logger, metrics } from '#shared/observability.ts';
import { riskScanWork } from '../jobs/job-work.ts';
import { tableAndBus } from '../wiring.ts';

const deps = tableAndBus();

async function scan() {
  const summary = await riskScanWork(deps);
  logger.info('risk scan finished', { ...summary });
  return summary;
}

export const handler = middy(scan)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
