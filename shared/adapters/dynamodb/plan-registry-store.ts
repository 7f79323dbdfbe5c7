/**
 * The plan registry in the single table. Every write is a conditional single-item
 * operation that converges when retried (dynalite has no transactions):
 * an item is replaced only when its content hash differs.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Agency, Plan, Task } from '#shared/domain/plan/model.ts';
import type {
  PlanRegistryRepository,
  WriteOutcome,
} from '#shared/use-cases/plan-registry-ports.ts';
import { contentHash } from './content-hash.ts';
import { keys } from './keys.ts';

export class DynamoPlanRegistryStore implements PlanRegistryRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  saveAgency(agency: Agency): Promise<WriteOutcome> {
    return this.putIfChanged({ ...keys.agency(agency.id), entity: 'agency', ...agency });
  }

  async saveTask(task: Task): Promise<WriteOutcome> {
    // Links first: if the task write below is lost, a retry finds the task changed and
    // redoes both; links are reconciled from what is stored, so stale ones always go.
    await this.reconcileLinks(task);
    const agencyIds = [...new Set([...task.lead, ...task.coordinating].map((ref) => ref.id))];
    return this.putIfChanged({ ...keys.task(task), entity: 'task', ...task, agencyIds });
  }

  savePlan(plan: Plan, taskIds: string[]): Promise<WriteOutcome> {
    return this.putIfChanged({ ...keys.plan(plan.code), entity: 'plan', ...plan, taskIds });
  }

  private async reconcileLinks(task: Task): Promise<void> {
    const roles = new Map<string, 'lead' | 'coordinating'>();
    for (const ref of task.coordinating) roles.set(ref.id, 'coordinating');
    for (const ref of task.lead) roles.set(ref.id, 'lead');

    const existing = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :link)',
        ExpressionAttributeValues: { ':pk': keys.taskPk(task.id), ':link': keys.linkPrefix },
      }),
    );
    const stale = (existing.Items ?? []).filter(
      (item) => !roles.has(String(item.agencyId)) || item.role !== roles.get(String(item.agencyId)),
    );
    for (const item of stale) {
      await this.db.send(
        new DeleteCommand({ TableName: this.tableName, Key: { PK: item.PK, SK: item.SK } }),
      );
    }
    const present = new Set((existing.Items ?? []).map((item) => `${item.agencyId}:${item.role}`));
    for (const [agencyId, role] of roles) {
      if (present.has(`${agencyId}:${role}`)) continue;
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.taskAgencyLink(task.id, agencyId),
            entity: 'taskLink',
            taskId: task.id,
            agencyId,
            role,
            sector: task.sector,
          },
        }),
      );
    }
  }

  /**
   * Sets the item's attributes unless the stored content hash is the same; tells which it
   * was. An update rather than a put, so attributes other writers keep on the same item
   * (a task's reported state) survive a re-import.
   */
  private async putIfChanged(item: Record<string, unknown>): Promise<WriteOutcome> {
    const { PK, SK, ...attributes } = item;
    const hash = contentHash(item);
    const entries = Object.entries({ ...attributes, contentHash: hash });
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK, SK },
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_not_exists(PK) OR contentHash <> :hash',
          ExpressionAttributeNames: Object.fromEntries(
            entries.map(([name], i) => [`#a${i}`, name]),
          ),
          ExpressionAttributeValues: {
            ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
            ':hash': hash,
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return result.Attributes ? 'updated' : 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'unchanged';
      throw error;
    }
  }
}
