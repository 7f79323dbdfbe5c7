/**
 * Cursor pagination over one or more DynamoDB partitions read in order. The cursor is
 * opaque to clients (base64url JSON of the partition and DynamoDB's LastEvaluatedKey)
 * and validated when it comes back, so a forged one is a 400, not a 500.
 */
import {
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ValidationError } from '#shared/domain/errors.ts';
import type { IndexName } from './table-definition.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page with each item turned into what the reader returns (its schema's parse, say). */
export const mapPage = <T, U>(page: Page<T>, map: (item: T) => U): Page<U> => ({
  items: page.items.map(map),
  nextCursor: page.nextCursor,
});

/** A start key names only the table's and indexes' key attributes, all strings. */
const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'] as const;
const cursorSchema = z.object({
  p: z.number().int().nonnegative().max(10_000),
  k: z.partialRecord(z.enum(KEY_ATTRIBUTES), z.string().min(1).max(1024)),
});
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
}

function invalidCursor(): ValidationError {
  return new ValidationError('cursor không phải do API này cấp', [
    { field: 'query.cursor', reason: 'cursor không hợp lệ' },
  ]);
}

/** One partition's query, without its start key and limit. */
export type PartitionQuery = Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Limit'>;

/** A partition of a global index, or the part of it whose sort keys start with `sortPrefix`. */
export function indexQuery(
  tableName: string,
  index: IndexName,
  partition: string,
  sortPrefix?: string,
): PartitionQuery {
  return {
    TableName: tableName,
    IndexName: index,
    KeyConditionExpression: sortPrefix
      ? `${index}PK = :pk AND begins_with(${index}SK, :prefix)`
      : `${index}PK = :pk`,
    ExpressionAttributeValues: sortPrefix
      ? { ':pk': partition, ':prefix': sortPrefix }
      : { ':pk': partition },
  };
}

/**
 * Reads up to `limit` items from the partitions in order, starting where `cursor` left off.
 * With a filter a page can come back short; it keeps reading until the page is full or the
 * partitions are exhausted, so clients see full pages.
 */
export async function queryPages(
  db: DynamoDBDocumentClient,
  partitions: PartitionQuery[],
  limit: number,
  cursorValue: string | undefined,
): Promise<Page<Record<string, unknown>>> {
  const cursor = decodeCursor(cursorValue);
  const items: Record<string, unknown>[] = [];
  let partition = cursor?.p ?? 0;
  let startKey: Record<string, unknown> | undefined =
    cursor && Object.keys(cursor.k).length > 0 ? cursor.k : undefined;
  if (partition >= partitions.length && cursor) throw invalidCursor();
  while (items.length < limit) {
    const query = partitions[partition];
    if (!query) break;
    const page = await db
      .send(
        new QueryCommand({ ...query, ExclusiveStartKey: startKey, Limit: limit - items.length }),
      )
      .catch((error: unknown) => {
        // A start key that does not fit this query (a cursor from another list) is the
        // client's mistake, not the store's.
        if (startKey && error instanceof Error && error.name === 'ValidationException')
          throw invalidCursor();
        throw error;
      });
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
    if (!startKey) partition += 1;
  }
  if (startKey)
    return { items, nextCursor: encodeCursor({ p: partition, k: startKey as Cursor['k'] }) };
  return {
    items,
    nextCursor: partition < partitions.length ? encodeCursor({ p: partition, k: {} }) : null,
  };
}

/**
 * A query's pages, one at a time, so that a reader can turn each into what it keeps and
 * let the raw items go before the next page comes.
 */
export async function* queryEach(
  db: DynamoDBDocumentClient,
  query: PartitionQuery,
): AsyncIterable<Record<string, unknown>[]> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...query, ExclusiveStartKey }));
    yield page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

/** Every item a query matches, page after page (for reads that need the whole partition). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  query: PartitionQuery,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryEach(db, query)) items.push(...page);
  return items;
}
