/**
 * A fresh dynalite store with the project's table, for integration tests.
 */
import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import {
  ensureTable,
  startLocalStore,
  type LocalStore,
} from '#shared/adapters/dynamodb/local-store.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface LocalTable {
  store: LocalStore;
  tableName: string;
  db: DynamoDBDocumentClient;
  close(): Promise<void>;
}

export async function startLocalTable(): Promise<LocalTable> {
  const store = await startLocalStore();
  const tableName = `progress-${randomUUID().slice(0, 8)}`;
  await ensureTable(store.endpoint, tableName);
  const db = createDocumentClient(store.endpoint);
  return {
    store,
    tableName,
    db,
    close: async () => {
      db.destroy();
      await store.close();
    },
  };
}
