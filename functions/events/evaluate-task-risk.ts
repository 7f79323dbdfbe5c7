/** ProgressReported → re-evaluate that task's risk flags (rule `ProgressReportedToRiskEvaluator`). */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { PROGRESS_REPORTED, progressReportedSchema } from '#shared/events/progress-reported.ts';
import { logger } from '#shared/observability.ts';
import { evaluateTaskRisk } from '#shared/use-cases/evaluate-risks.ts';
import { tableAndBus } from '../wiring.ts';
import { eventBridgeEvent } from './event-envelope.ts';

const { stores, events, clock } = tableAndBus();
const deps = { risks: stores.risks, events, clock };
const envelope = eventBridgeEvent(PROGRESS_REPORTED, progressReportedSchema);

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
