/**
 * The one DynamoDB table, declared once: the CDK app builds it from this, the local
 * runtime creates it in dynalite from this, and the tests do the same.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const PARTITION_KEY = 'PK';
export const SORT_KEY = 'SK';
/** Epoch seconds; DynamoDB's TTL deletes idempotency records after it. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** What an index keeps of each item besides the keys. */
export type IndexProjection =
  { type: 'ALL' } | { type: 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: readonly string[] };

export interface GlobalIndex {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  projection: IndexProjection;
}

export const GLOBAL_INDEXES = [
  /** Children of a parent: a plan's tasks, all plans, all agencies, an agency's tasks. */
  {
    indexName: 'GSI1',
    partitionKey: 'GSI1PK',
    sortKey: 'GSI1SK',
    projection: { type: 'ALL' },
  },
  /** Tasks of a sector, reports of a sector's quarter, risk flags. */
  {
    indexName: 'GSI2',
    partitionKey: 'GSI2PK',
    sortKey: 'GSI2SK',
    projection: { type: 'ALL' },
  },
] as const satisfies readonly GlobalIndex[];

export type IndexName = (typeof GLOBAL_INDEXES)[number]['indexName'];

/** An index's projection as DynamoDB's API and CloudFormation spell it. */
export function projectionOf(index: GlobalIndex): {
  ProjectionType: IndexProjection['type'];
  NonKeyAttributes?: string[];
} {
  const { projection } = index;
  return projection.type === 'INCLUDE'
    ? { ProjectionType: projection.type, NonKeyAttributes: [...projection.attributes] }
    : { ProjectionType: projection.type };
}

export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    PARTITION_KEY,
    SORT_KEY,
    ...GLOBAL_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: projectionOf(index),
    })),
  };
}
