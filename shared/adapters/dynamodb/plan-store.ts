/**
 * Plans in the single table: the plan item (what readers see and which version is
 * current), a record per version, and each version's tasks with their agency links.
 * dynalite has no transactions, so a version is written item by item aside from the
 * current one and published by one conditional update of the plan item.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { taskSchema, type PlanDocument, type Task } from '#shared/domain/plan/model.ts';
import {
  planRecordSchema,
  planVersionSchema,
  type PlanRecord,
  type PlanStatus,
  type PlanVersion,
} from '#shared/domain/registry/plan-record.ts';
import type { PlanRepository } from '#shared/use-cases/registry/registry-ports.ts';
import { keys, planVersionTag, riskKeys } from './keys.ts';
import { queryAll } from './pagination.ts';

/** Raised when a newer version of the plan was published while this one was written. */
export class StaleImportError extends ConflictError {
  constructor(code: string, version: number) {
    super(
      'stale-import',
      `một phiên bản mới hơn của ${code} đã được nhập trong lúc phiên bản ${version} đang ghi; phiên bản hiện hành được giữ nguyên`,
    );
  }
}

export class DynamoPlanStore implements PlanRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getPlan(code: string): Promise<PlanRecord | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: pk(keys.plan(code)), ConsistentRead: true }),
    );
    return Item ? planRecordSchema.parse(Item) : null;
  }

  async getVersion(code: string, version: number): Promise<PlanVersion | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.planVersion(code, version) }),
    );
    return Item ? planVersionSchema.parse(Item) : null;
  }

  async listVersions(code: string): Promise<PlanVersion[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.plan(code).PK,
        ':prefix': keys.planVersionPrefix,
      },
    });
    return items.map((item) => planVersionSchema.parse(item));
  }

  async tasksOf(code: string, version: number): Promise<Task[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.tasksOfPlanVersion(code, version) },
    });
    return items.map((item) => taskSchema.parse(item));
  }

  async claimVersion(document: PlanDocument, status: PlanStatus, at: string): Promise<number> {
    // A new plan's item starts unpublished (version 0): readers skip it until it is.
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.plan(document.code),
            entity: 'plan',
            ...document,
            status,
            currentVersion: 0,
            latestVersion: 1,
            revision: 1,
            createdAt: at,
            updatedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: pk(keys.plan(document.code)),
        UpdateExpression: 'ADD latestVersion :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.latestVersion);
  }

  async writeTask(task: Task, version: number): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.taskVersion({ ...task, version }),
          entity: 'task',
          ...task,
          version,
          agencyIds: agencyIdsOf(task),
        },
      }),
    );
    const roles = new Map<string, 'lead' | 'coordinating'>();
    for (const ref of task.coordinating) roles.set(ref.id, 'coordinating');
    for (const ref of task.lead) roles.set(ref.id, 'lead');
    for (const [agencyId, role] of roles) {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.taskAgencyLink(task.id, task.plan, version, agencyId),
            entity: 'taskLink',
            taskId: task.id,
            agencyId,
            role,
            planVersion: planVersionTag(task.plan, version),
          },
        }),
      );
    }
  }

  async saveVersion(version: PlanVersion): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.planVersion(version.plan, version.version),
          entity: 'planVersion',
          ...version,
        },
      }),
    );
  }

  async publish(document: PlanDocument, version: number, at: string): Promise<PlanRecord> {
    // The status is the plan's own (set when it was first claimed, then by corrections):
    // an import never changes it.
    const fields = { ...document, currentVersion: version, updatedAt: at };
    const entries = Object.entries(fields);
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: pk(keys.plan(document.code)),
          UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}, publishedVersions = list_append(if_not_exists(publishedVersions, :none), :published) ADD revision :one`,
          ConditionExpression: 'currentVersion < :version',
          ExpressionAttributeNames: Object.fromEntries(
            entries.map(([name], i) => [`#f${i}`, name]),
          ),
          ExpressionAttributeValues: {
            ...Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])),
            ':version': version,
            ':none': [],
            ':published': [version],
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return planRecordSchema.parse(Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new StaleImportError(document.code, version);
      throw error;
    }
  }

  async afterPublish(code: string, version: number, retired: readonly string[]): Promise<void> {
    const current = await this.tasksOf(code, version);
    for (const taskId of [...current.map((t) => t.id), ...retired]) {
      const links = await queryAll(this.db, {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.taskPk(taskId), ':prefix': keys.linkPrefix },
      });
      const stale = links.filter((link) => link.planVersion !== planVersionTag(code, version));
      for (const link of stale) await this.delete({ PK: link.PK, SK: link.SK });
    }
    for (const taskId of retired)
      await this.delete({ PK: keys.taskPk(taskId), SK: riskKeys.flagSk });
  }

  async correct(
    code: string,
    revision: number,
    changes: Partial<
      Pick<
        PlanRecord,
        'title' | 'number' | 'issuingBody' | 'issuedOn' | 'period' | 'status' | 'reportingCalendar'
      >
    >,
    at: string,
  ): Promise<PlanRecord> {
    const entries = Object.entries({ ...changes, updatedAt: at });
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: pk(keys.plan(code)),
          UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')} ADD revision :one`,
          ConditionExpression: 'revision = :revision AND currentVersion > :zero',
          ExpressionAttributeNames: Object.fromEntries(
            entries.map(([name], i) => [`#f${i}`, name]),
          ),
          ExpressionAttributeValues: {
            ...Object.fromEntries(entries.map(([, value], i) => [`:f${i}`, value])),
            ':revision': revision,
            ':zero': 0,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return planRecordSchema.parse(Attributes);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!(await this.getPlan(code)))
        throw new NotFoundError('plan-not-found', `không có kế hoạch ${code}`);
      throw new ConflictError(
        'plan-changed',
        `kế hoạch ${code} vừa được thay đổi (phiên bản sửa ${revision} không còn là mới nhất); đọc lại rồi gửi lại`,
      );
    }
  }

  private async delete(key: { PK: unknown; SK: unknown }): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }
}

const pk = ({ PK, SK }: { PK: string; SK: string }) => ({ PK, SK });

export function agencyIdsOf(task: Pick<Task, 'lead' | 'coordinating'>): string[] {
  return [...new Set([...task.lead, ...task.coordinating].map((ref) => ref.id))];
}
