/** Daily risk scan (schedule `DailyRiskScan`): every task, since deadlines pass without reports. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { logger, metrics } from '#shared/observability.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';
import { tableAndBus } from '../wiring.ts';

const { stores, events, clock } = tableAndBus();
const deps = { risks: stores.risks, events, clock };

async function scan() {
  const summary = await scanRisks(SECTORS, deps);
  for (const [sector, count] of Object.entries(summary.atRiskBySector)) {
    const single = metrics.singleMetric();
    single.addDimensions({ sector });
    single.addMetric('TasksAtRisk', MetricUnit.Count, count);
  }
  logger.info('risk scan finished', { ...summary });
  return summary;
}

export const handler = middy(scan)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
