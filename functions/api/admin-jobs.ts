/** Admin jobs on demand: POST /risks/scans (the daily scan, now). */
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { DynamoRiskStore } from '#shared/adapters/dynamodb/risk-store.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { eventBusEnvSchema, readEnv, tableEnvSchema } from '#shared/config/env.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';
import { idempotencyScope, idempotentCommand } from './http/idempotency.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf } from './http/request.ts';

const env = readEnv(tableEnvSchema.extend(eventBusEnvSchema.shape));
const db = createDocumentClient(env.DYNAMODB_ENDPOINT);
const events = new EventBridgePublisher(
  createEventBridgeClient(env.EVENTBRIDGE_ENDPOINT),
  env.EVENT_BUS_NAME,
);
const riskDeps = {
  risks: new DynamoRiskStore(db, env.TABLE_NAME),
  events,
  clock: { now: () => new Date() },
};

const scanOnce = idempotentCommand(
  'riskScan',
  env.TABLE_NAME,
  async (_input: { scope: string; request: { job: 'risk-scan' } }) => scanRisks(SECTORS, riskDeps),
);

export const handler = httpApi(async (event, context) => {
  const scope = idempotencyScope(event, callerOf(event));
  return json(200, await scanOnce({ scope, request: { job: 'risk-scan' } }, context));
});
