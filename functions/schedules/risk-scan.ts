/** Daily risk scan (schedule `DailyRiskScan`): every task, since deadlines pass without reports. */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { DynamoRiskStore } from '#shared/adapters/dynamodb/risk-store.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { eventBusEnvSchema, readEnv, tableEnvSchema } from '#shared/config/env.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { logger, metrics } from '#shared/observability.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';

const env = readEnv(tableEnvSchema.extend(eventBusEnvSchema.shape));
const deps = {
  risks: new DynamoRiskStore(createDocumentClient(env.DYNAMODB_ENDPOINT), env.TABLE_NAME),
  events: new EventBridgePublisher(
    createEventBridgeClient(env.EVENTBRIDGE_ENDPOINT),
    env.EVENT_BUS_NAME,
  ),
  clock: { now: () => new Date() },
};

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
