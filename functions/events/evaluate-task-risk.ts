/** ProgressReported → re-evaluate that task's risk flags (rule `ProgressReportedToRiskEvaluator`). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { DynamoRiskStore } from '#shared/adapters/dynamodb/risk-store.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { eventBusEnvSchema, readEnv, tableEnvSchema } from '#shared/config/env.ts';
import { PROGRESS_REPORTED, progressReportedV1Schema } from '#shared/events/progress-reported.ts';
import { logger } from '#shared/observability.ts';
import { evaluateTaskRisk } from '#shared/use-cases/evaluate-risks.ts';
import { eventBridgeEvent } from './event-envelope.ts';

const env = readEnv(tableEnvSchema.extend(eventBusEnvSchema.shape));
const deps = {
  risks: new DynamoRiskStore(createDocumentClient(env.DYNAMODB_ENDPOINT), env.TABLE_NAME),
  events: new EventBridgePublisher(
    createEventBridgeClient(env.EVENTBRIDGE_ENDPOINT),
    env.EVENT_BUS_NAME,
  ),
  clock: { now: () => new Date() },
};
const envelope = eventBridgeEvent(PROGRESS_REPORTED, progressReportedV1Schema);

async function evaluate(event: unknown) {
  const { detail } = envelope.parse(event);
  logger.appendKeys({ task: detail.taskId, report: detail.reportId });
  const outcome = await evaluateTaskRisk(detail.taskId, deps);
  logger.info('risk evaluated', {
    reasons: outcome?.reasons.map((r) => r.code),
    published: outcome?.published,
  });
  return outcome;
}

export const handler = middy(evaluate).use(injectLambdaContext(logger, { resetKeys: true }));
