/**
 * A reference bundle: only the AWS SDK clients the handlers build, and one read on the first
 * call. What the SDK alone costs a cold start, the floor under every handler that uses it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createEventBridgeClient } from '#shared/adapters/aws-clients.ts';
import { PARTITION_KEY, SORT_KEY } from '#shared/adapters/dynamodb/table-definition.ts';

const db = createDocumentClient();
export const events = createEventBridgeClient();

export const handler = async () =>
  db.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: { [PARTITION_KEY]: 'BENCH', [SORT_KEY]: 'BENCH' },
    }),
  );
