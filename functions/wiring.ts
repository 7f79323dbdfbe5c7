/**
 * The composition root the handlers share: environment read once and validated, SDK
 * clients built once per container, and the adapters the use cases take. A handler asks
 * for what it uses; nothing is built that it does not.
 */
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { eventBusEnvSchema, readEnv, tableEnvSchema } from '#shared/config/env.ts';
import type { Clock } from '#shared/use-cases/progress-ports.ts';

export const systemClock: Clock = { now: () => new Date() };

/** The table every data handler uses. */
export function tableAccess() {
  const env = readEnv(tableEnvSchema);
  return { tableName: env.TABLE_NAME, db: createDocumentClient(env.DYNAMODB_ENDPOINT) };
}

/** The table's adapters, composed once per container. */
export function tableStores() {
  const { db, tableName } = tableAccess();
  return { tableName, stores: dynamoStores(db, tableName) };
}

/** The table plus the event bus, for handlers that publish. */
export function tableAndBus() {
  const env = readEnv(eventBusEnvSchema);
  const events = new EventBridgePublisher(
    createEventBridgeClient(env.EVENTBRIDGE_ENDPOINT),
    env.EVENT_BUS_NAME,
  );
  return { ...tableStores(), events, clock: systemClock };
}
