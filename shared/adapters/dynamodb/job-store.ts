/**
 * Jobs in the single table: one item per job, its state moved by conditional updates (a
 * runner claims a job only if no other did since it read it; only a running job records
 * progress or finishes), and the job's input in parts beside it, written first. Jobs
 * expire with the table's TTL a month after they were asked for.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { jobSchema, type Job, type JobError, type JobProgress } from '#shared/domain/jobs/job.ts';
import type { JobRepository, StoredJob } from '#shared/use-cases/jobs/job-ports.ts';
import { jobKeys } from './keys.ts';
import { queryAll } from './pagination.ts';
import { TTL_ATTRIBUTE } from './table-definition.ts';

/** A month: long enough to read what a job did, short enough not to pile up. */
const JOB_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
/** Well under DynamoDB's 400 KB item limit. */
const PART_BYTES = 300 * 1024;
const FINGERPRINT = 'requestFingerprint';

export class DynamoJobStore implements JobRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(
    job: Job,
    fingerprint: string,
    input?: Uint8Array,
  ): Promise<StoredJob & { created: boolean }> {
    const expiresAt = Math.floor(Date.parse(job.createdAt) / 1000) + JOB_LIFETIME_SECONDS;
    // The input first: a runner never finds a job without it. Rewriting it is harmless.
    for (let index = 0; input && index * PART_BYTES < input.byteLength; index++) {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...jobKeys.inputPart(job.id, index),
            entity: 'jobInput',
            data: input.subarray(index * PART_BYTES, (index + 1) * PART_BYTES),
            [TTL_ATTRIBUTE]: expiresAt,
          },
        }),
      );
    }
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...jobKeys.job(job.id),
            entity: 'job',
            ...job,
            [FINGERPRINT]: fingerprint,
            [TTL_ATTRIBUTE]: expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { job, fingerprint, created: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const item = await this.item(job.id);
      if (!item) throw error;
      return { job: jobSchema.parse(item), fingerprint: String(item[FINGERPRINT]), created: false };
    }
  }

  async get(id: string): Promise<Job | null> {
    const item = await this.item(id);
    return item ? jobSchema.parse(item) : null;
  }

  async input(id: string): Promise<Uint8Array | null> {
    const { PK } = jobKeys.job(id);
    const parts = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': jobKeys.inputPrefix },
      ConsistentRead: true,
    });
    return parts.length === 0 ? null : Buffer.concat(parts.map((part) => part.data as Uint8Array));
  }

  async claim(job: Job, at: Date): Promise<boolean> {
    return this.update(
      job.id,
      'SET #status = :running, attempts = :next, updatedAt = :at',
      '#status IN (:queued, :running) AND attempts = :seen',
      {
        ':running': 'running',
        ':queued': 'queued',
        ':seen': job.attempts,
        ':next': job.attempts + 1,
        ':at': at.toISOString(),
      },
    );
  }

  async progress(id: string, progress: JobProgress, at: Date): Promise<void> {
    await this.update(id, 'SET progress = :progress, updatedAt = :at', '#status = :running', {
      ':progress': progress,
      ':running': 'running',
      ':at': at.toISOString(),
    });
  }

  async finish(
    id: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; errors: JobError[] },
    at: Date,
  ): Promise<void> {
    const [field, value] =
      outcome.status === 'succeeded' ? ['result', outcome.result] : ['errors', outcome.errors];
    await this.update(
      id,
      'SET #status = :status, #outcome = :value, finishedAt = :at, updatedAt = :at',
      '#status = :running',
      {
        ':status': outcome.status,
        ':value': value,
        ':running': 'running',
        ':at': at.toISOString(),
      },
      // RESULT is one of DynamoDB's reserved words.
      { '#outcome': field },
    );
  }

  private async item(id: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: jobKeys.job(id), ConsistentRead: true }),
    );
    return Item;
  }

  /** An update of the job's state under a condition; false when the condition failed. */
  private async update(
    id: string,
    expression: string,
    condition: string,
    values: Record<string, unknown>,
    names: Record<string, string> = {},
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: jobKeys.job(id),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#status': 'status', ...names },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return false;
    }
  }
}
