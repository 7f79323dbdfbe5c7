import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GLOBAL_INDEXES,
  PARTITION_KEY,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from '#shared/adapters/dynamodb/table-definition.ts';
import { EVENT_SOURCE } from '#shared/platform/events.ts';
import { defined, only as onlyOne, synthesize, type Synthesized } from './support/platform.ts';

let synthesized: Synthesized;
type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize();
  resources = synthesized.stateful.toJSON().Resources as Record<string, Resource>;
});
afterAll(() => synthesized.dispose());

const only = (type: string): [string, Resource] =>
  onlyOne(
    Object.entries(resources).filter(([, r]) => r.Type === type),
    type,
  );

describe('the table', () => {
  it('survives its stack: deletion protection, RETAIN, point-in-time recovery', () => {
    // Prepare
    const [, table] = only('AWS::DynamoDB::GlobalTable');

    // Act
    const [replica] = table.Properties.Replicas as Record<string, unknown>[];

    // Assess
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(replica).toMatchObject({
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('is on demand, encrypted, and expires items on the TTL attribute', () => {
    // Prepare
    const [, table] = only('AWS::DynamoDB::GlobalTable');

    // Act
    const { BillingMode, SSESpecification, TimeToLiveSpecification } = table.Properties;

    // Assess
    expect(BillingMode).toBe('PAY_PER_REQUEST');
    expect(SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    expect(TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    expect(TTL_ATTRIBUTE).toBe('expiresAt');
  });

  it('has the keys and indexes of the shared table definition', () => {
    // Prepare
    const [, table] = only('AWS::DynamoDB::GlobalTable');

    // Act
    const { KeySchema, GlobalSecondaryIndexes } = table.Properties;

    // Assess
    expect(KeySchema).toEqual([
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ]);
    expect(GlobalSecondaryIndexes).toEqual(
      GLOBAL_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });
});

describe('the event bus', () => {
  it('is a custom bus whose platform events are archived for 90 days', () => {
    // Prepare
    const [busId] = only('AWS::Events::EventBus');

    // Act
    const [, archive] = only('AWS::Events::Archive');

    // Assess
    expect(archive.Properties).toMatchObject({
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      RetentionDays: 90,
      EventPattern: { source: [EVENT_SOURCE] },
    });
  });
});

describe('the topics', () => {
  const topics = () => Object.entries(resources).filter(([, r]) => r.Type === 'AWS::SNS::Topic');
  const policyOf = (topicId: string) =>
    Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::SNS::TopicPolicy' &&
        JSON.stringify(r.Properties.Topics) === JSON.stringify([{ Ref: topicId }]),
    )?.Properties.PolicyDocument as { Statement: Record<string, unknown>[] } | undefined;

  it('are two, encrypted with the rotating customer key, TLS only', () => {
    // Prepare
    const [keyId, key] = only('AWS::KMS::Key');

    // Act
    const built = topics();

    // Assess
    expect(built).toHaveLength(2);
    expect(key.Properties.EnableKeyRotation).toBe(true);
    for (const [id, topic] of built) {
      expect(topic.Properties.KmsMasterKeyId, id).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      expect(policyOf(id)?.Statement, id).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('let CloudWatch alarms publish to the operator topic through the key', () => {
    // Prepare
    const [alarmTopicId] = defined(
      topics().find(([id]) => id.includes('OperatorAlarms')),
      'operator alarm topic',
    );
    const [, key] = only('AWS::KMS::Key');

    // Act
    const topicStatements = policyOf(alarmTopicId)?.Statement ?? [];
    const keyStatements = (key.Properties.KeyPolicy as { Statement: Record<string, unknown>[] })
      .Statement;

    // Assess
    expect(topicStatements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
      }),
    );
    expect(keyStatements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });
});

describe('the large-body bucket', () => {
  it('is private, encrypted, and outlives its stack as the table does', () => {
    // Prepare
    const [, bucket] = only('AWS::S3::Bucket');
    const [, table] = only('AWS::DynamoDB::GlobalTable');

    // Act
    const { PublicAccessBlockConfiguration, BucketEncryption } = bucket.Properties;

    // Assess
    expect(PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ],
    });
    expect(bucket.DeletionPolicy).toBe(table.DeletionPolicy);
    expect(bucket.UpdateReplacePolicy).toBe(table.UpdateReplacePolicy);
  });

  it("lets a browser follow the web app's redirect to a presigned download: GET only", () => {
    // Prepare
    const [, bucket] = only('AWS::S3::Bucket');

    // Act
    const { CorsConfiguration } = bucket.Properties;

    // Assess
    expect(CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['GET'],
          AllowedOrigins: ['*'],
          AllowedHeaders: ['Accept'],
          MaxAge: 3600,
        },
      ],
    });
  });

  it('expires every object after a day', () => {
    // Prepare
    const [, bucket] = only('AWS::S3::Bucket');

    // Act
    const { Rules } = bucket.Properties.LifecycleConfiguration as { Rules: unknown[] };

    // Assess
    expect(Rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        ExpirationInDays: 1,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      }),
    ]);
  });

  it('refuses every request without TLS', () => {
    // Prepare
    const [bucketId] = only('AWS::S3::Bucket');
    const [, policy] = only('AWS::S3::BucketPolicy');

    // Act
    const { Bucket, PolicyDocument } = policy.Properties as {
      Bucket: unknown;
      PolicyDocument: { Statement: Record<string, unknown>[] };
    };

    // Assess
    expect(Bucket).toEqual({ Ref: bucketId });
    expect(PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });
});

describe('outputs', () => {
  it('name the table and the bus', () => {
    // Prepare
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const [busId] = only('AWS::Events::EventBus');

    // Act
    const outputs = synthesized.stateful.toJSON().Outputs as Record<string, { Value: unknown }>;

    // Assess
    expect(outputs.TableName?.Value).toEqual({ Ref: tableId });
    expect(outputs.EventBusName?.Value).toEqual({ Ref: busId });
  });
});
