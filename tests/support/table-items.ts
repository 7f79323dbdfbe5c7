/**
 * Reading the platform's single table directly, to check what a test's requests wrote:
 * a task's partition, its reports, its audit entries, and the number of items outside
 * idempotency records. Keys come from keys.ts, as the stores write them.
 */
import {
  QueryCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { auditKeys, keys, progressKeys } from '#shared/adapters/dynamodb/keys.ts';
import { entityOf } from '#shared/domain/audit/audit-entry.ts';

export type Item = Record<string, unknown>;

async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Every item under `TASK#<taskId>`: the task, its links, states, summary and risk flag. */
export function taskPartition(
  db: DynamoDBDocumentClient,
  tableName: string,
  taskId: string,
): Promise<Item[]> {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.taskPk(taskId) },
    ConsistentRead: true,
  });
}

/** The task's reports, newest first (the list the API reads). */
export function reportItems(
  db: DynamoDBDocumentClient,
  tableName: string,
  taskId: string,
): Promise<Item[]> {
  return queryAll(db, {
    TableName: tableName,
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': progressKeys.reportsOfTask(taskId) },
    ScanIndexForward: false,
  });
}

/** The task's entries in the audit trail, oldest first. */
export function auditItems(
  db: DynamoDBDocumentClient,
  tableName: string,
  taskId: string,
): Promise<Item[]> {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': auditKeys.ofEntity(entityOf.task(taskId)) },
    ConsistentRead: true,
  });
}

export interface TableCounts {
  /** Items whose PK does not start with `IDEMPOTENCY#`. */
  items: number;
  /** Report items. */
  reports: number;
}

async function scanCount(
  db: DynamoDBDocumentClient,
  tableName: string,
  filter: string,
  values: Record<string, string>,
): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        FilterExpression: filter,
        ExpressionAttributeValues: values,
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** What the table holds, idempotency records aside (a refused request may leave none, or one). */
export async function tableCounts(
  db: DynamoDBDocumentClient,
  tableName: string,
): Promise<TableCounts> {
  return {
    items: await scanCount(db, tableName, 'NOT begins_with(PK, :idempotency)', {
      ':idempotency': 'IDEMPOTENCY#',
    }),
    reports: await scanCount(db, tableName, 'entity = :report', { ':report': 'report' }),
  };
}
