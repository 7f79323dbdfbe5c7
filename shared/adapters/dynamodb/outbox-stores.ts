/**
 * The reminders' DynamoDB adapters, composed once: the outbox (claims, messages, the
 * digest's basis) and the province's reminder settings. Apart from stores.ts because every
 * module a bundle imports stays in it with its schemas: the functions that send no
 * reminder (every API route but a few) would carry them for nothing.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutboxStore } from './outbox-store.ts';
import { DynamoReminderSettingsStore } from './reminder-settings-store.ts';

export function outboxStores(db: DynamoDBDocumentClient, tableName: string) {
  return {
    outbox: new DynamoOutboxStore(db, tableName),
    reminderSettings: new DynamoReminderSettingsStore(db, tableName),
  };
}
export type OutboxStores = ReturnType<typeof outboxStores>;
