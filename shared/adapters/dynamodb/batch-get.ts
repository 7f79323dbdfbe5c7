/**
 * Items read by key, many at once: BatchGetItem, 100 keys a request, asking again for the
 * keys DynamoDB leaves unprocessed under load. Items come back in no particular order.
 */
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

/** BatchGetItem reads at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;

export interface ItemKey {
  PK: string;
  SK: string;
}

export interface BatchGetOptions {
  /** Strongly consistent reads (twice the read units). */
  consistent?: boolean;
  /** Only these attributes (keys are always returned): reading less of large items. */
  attributes?: readonly string[];
}

export async function batchGet(
  db: DynamoDBDocumentClient,
  tableName: string,
  keysToRead: readonly ItemKey[],
  options: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const projection = options.attributes && {
    ProjectionExpression: ['PK', 'SK', ...options.attributes].map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(
      ['PK', 'SK', ...options.attributes].map((name, i) => [`#a${i}`, name]),
    ),
  };
  for (let start = 0; start < keysToRead.length; start += BATCH_GET_LIMIT) {
    const keys = keysToRead.slice(start, start + BATCH_GET_LIMIT).map(({ PK, SK }) => ({ PK, SK }));
    let request: BatchGetCommandInput['RequestItems'] = {
      [tableName]: { Keys: keys, ConsistentRead: options.consistent, ...projection },
    };
    while (request && Object.keys(request).length > 0) {
      const result: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({ RequestItems: request }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      request = result.UnprocessedKeys;
    }
  }
  return found;
}

/** The items of a batch by `PK|SK`, for picking each out. */
export function byKey(
  items: readonly Record<string, unknown>[],
): Map<string, Record<string, unknown>> {
  return new Map(items.map((item) => [keyName(item as unknown as ItemKey), item]));
}

export const keyName = (key: ItemKey): string => `${key.PK}|${key.SK}`;
