/**
 * Tasks as the progress side reads them, and reports. Single-item conditional writes only:
 * a report is put under a deterministic id, so a retried write finds the first one; the
 * latest state moves forward only, so replays and reordered retries converge.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { taskSchema, type Task } from '#shared/domain/plan/model.ts';
import {
  latestReportOf,
  progressReportSchema,
  type ProgressReport,
} from '#shared/domain/progress/report.ts';
import type { ReportRepository, TaskReader } from '#shared/use-cases/progress-ports.ts';
import { keys, progressKeys } from './keys.ts';

export class DynamoProgressStore implements TaskReader, ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTask(taskId: string): Promise<Task | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.taskPk(taskId), SK: 'TASK' } }),
    );
    return Item ? taskSchema.parse(Item) : null;
  }

  async saveReport(report: ProgressReport): Promise<ProgressReport> {
    const item = { ...progressKeys.report(report), entity: 'report', ...report };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return report;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { PK: item.PK, SK: item.SK },
          ConsistentRead: true,
        }),
      );
      return progressReportSchema.parse(Item);
    }
  }

  async recordLatest(report: ProgressReport): Promise<void> {
    const latest = latestReportOf(report);
    // Per agency, then for the task as a whole: both move forward only.
    await this.setIfNewer(
      progressKeys.latestState(report.taskId, report.agencyId),
      'state',
      { ...latest, actuals: report.actuals },
      {
        ...progressKeys.latestStateIndex(report.sector, report.taskId, report.agencyId),
        taskId: report.taskId,
        entity: 'taskState',
      },
    );
    await this.setIfNewer(
      { PK: keys.taskPk(report.taskId), SK: 'TASK' },
      'latestReport',
      latest,
      {},
      true,
    );
  }

  /**
   * Sets `attribute` (and `alongside`) on the item unless it already holds a report at
   * least as new (ordered by receivedAt, then id). `mustExist` keeps a stray write from
   * creating a task.
   */
  private async setIfNewer(
    key: { PK: string; SK: string },
    attribute: string,
    value: Record<string, unknown> & { receivedAt: string; reportId: string },
    alongside: Record<string, unknown> = {},
    mustExist = false,
  ): Promise<void> {
    const extra = Object.entries(alongside);
    const newer =
      '(attribute_not_exists(#attr) OR #attr.receivedAt < :received OR (#attr.receivedAt = :received AND #attr.reportId < :id))';
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${['#attr = :value', ...extra.map((_, i) => `#x${i} = :x${i}`)].join(', ')}`,
          ConditionExpression: mustExist ? `attribute_exists(PK) AND ${newer}` : newer,
          ExpressionAttributeNames: {
            '#attr': attribute,
            ...Object.fromEntries(extra.map(([name], i) => [`#x${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':value': value,
            ':received': value.receivedAt,
            ':id': value.reportId,
            ...Object.fromEntries(extra.map(([, v], i) => [`:x${i}`, v])),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
