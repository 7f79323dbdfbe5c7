/** TaskFlaggedAtRisk → a message on the risk topic (rule `TaskFlaggedToNotifier`). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { createSnsClient } from '#shared/adapters/aws-clients.ts';
import { SnsRiskNotifier } from '#shared/adapters/sns/risk-notifier.ts';
import { readEnv, riskTopicEnvSchema } from '#shared/config/env.ts';
import {
  TASK_FLAGGED_AT_RISK,
  taskFlaggedAtRiskV1Schema,
} from '#shared/domain/risk/risk-events.ts';
import { logger } from '#shared/observability.ts';
import { eventBridgeEvent } from './event-envelope.ts';

const env = readEnv(riskTopicEnvSchema);
const notifier = new SnsRiskNotifier(createSnsClient(env.SNS_ENDPOINT), env.RISK_TOPIC_ARN);
const envelope = eventBridgeEvent(TASK_FLAGGED_AT_RISK, taskFlaggedAtRiskV1Schema);

async function notify(event: unknown) {
  const { detail } = envelope.parse(event);
  await notifier.notify(detail);
  logger.info('risk notified', { task: detail.taskId, reasons: detail.gained });
}

export const handler = middy(notify).use(injectLambdaContext(logger, { resetKeys: true }));
