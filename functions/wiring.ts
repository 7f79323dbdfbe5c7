/**
 * The composition root the handlers share: environment read once and validated, SDK
 * clients built once per container, and the adapters the use cases take. A handler asks
 * for what it uses; nothing is built that it does not.
 */
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { dynamoStores, type DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { EventBridgePublisher } from '#shared/adapters/eventbridge/event-publisher.ts';
import { eventBusEnvSchema, readEnv, tableEnvSchema } from '#shared/config/env.ts';
import { periodFigures } from '#shared/use-cases/indicators/indicator-figures.ts';
import type { Clock, EventPublisher } from '#shared/use-cases/progress-ports.ts';
import type { RunRollupDeps } from '#shared/use-cases/run-rollup.ts';

export const systemClock: Clock = { now: () => new Date() };

/** The table every data handler uses. */
export function tableAccess() {
  const env = readEnv(tableEnvSchema);
  return { tableName: env.TABLE_NAME, db: createDocumentClient(env.DYNAMODB_ENDPOINT) };
}

/** The table's adapters, composed once per container (and its client, to compose more). */
export function tableStores() {
  const { db, tableName } = tableAccess();
  return { tableName, db, stores: dynamoStores(db, tableName) };
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

/** What a rollup takes: the table's snapshots and reads, the bus, the clock, the figures. */
export function rollupDeps(
  stores: DynamoStores,
  events: EventPublisher,
  clock: Clock,
): RunRollupDeps {
  const figureDeps = { indicators: stores.indicators, inputs: stores.indicators };
  return {
    rollups: stores.rollups,
    events,
    clock,
    figures: (period, knownAt) => periodFigures(period, figureDeps, { knownAt }),
    audit: stores.audit,
  };
}
