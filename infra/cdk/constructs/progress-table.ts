/**
 * The platform's one DynamoDB table, built from the same key and index declarations the
 * local runtime gives dynalite. Reports are facts kept for years, so the table outlives
 * its stack: deletion protection, RETAIN, and point-in-time recovery.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  TableEncryptionV2,
  TableV2,
  type ITableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  GLOBAL_INDEXES,
  projectionOf,
  PARTITION_KEY,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from '#shared/adapters/dynamodb/table-definition.ts';

/** What a function needs to be bound to the table: names and ARNs, nothing mutable. */
export interface PlatformTable {
  readonly table: ITableV2;
  /** One ARN per global secondary index, so grants never need `index/*`. */
  readonly indexArns: readonly string[];
}

export interface ProgressTableProps {
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

export class ProgressTable extends Construct implements PlatformTable {
  readonly table: TableV2;
  readonly indexArns: readonly string[];

  constructor(scope: Construct, id: string, props: ProgressTableProps = {}) {
    super(scope, id);
    const key = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new TableV2(this, 'Table', {
      partitionKey: key(PARTITION_KEY),
      sortKey: key(SORT_KEY),
      billing: Billing.onDemand(),
      // AWS-managed key: encrypted at rest, auditable in CloudTrail, and no key policy to
      // keep in step with every function role.
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      globalSecondaryIndexes: GLOBAL_INDEXES.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType[projectionOf(index).ProjectionType],
        nonKeyAttributes: projectionOf(index).NonKeyAttributes,
      })),
    });
    this.indexArns = GLOBAL_INDEXES.map(
      (index) => `${this.table.tableArn}/index/${index.indexName}`,
    );
  }
}
