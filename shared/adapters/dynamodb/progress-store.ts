/**
 * Reports and the latest state they leave. Single-item conditional writes only: a report
 * is put under a deterministic id, so a retried write finds the first one; the latest
 * states (per agency, and the task's summary) move forward only, so replays and
 * reordered retries converge.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  latestReportOf,
  progressReportSchema,
  type ProgressReport,
} from '#shared/domain/progress/report.ts';
import type { CurrentTask } from '#shared/domain/registry/current-task.ts';
import type { ReportRepository, TaskReader } from '#shared/use-cases/progress-ports.ts';
import { progressKeys } from './keys.ts';
import type { DynamoCollaborationStore } from './collaboration-store.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

export class DynamoProgressStore implements TaskReader, ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
    private readonly collaboration: DynamoCollaborationStore,
  ) {}

  awaitReview(report: ProgressReport, reviewerId: string): Promise<void> {
    return this.collaboration.awaitReview(report, reviewerId);
  }

  getTask(taskId: string): Promise<CurrentTask | null> {
    return this.catalog.getTask(taskId);
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
    // The agency's own state, moving forward only. The task's official state, derived from
    // its lead's parts, is set by the evaluation ProgressReported triggers.
    await this.setIfNewer(
      progressKeys.latestState(report.taskId, report.plan, report.agencyId),
      'state',
      { ...latest, actuals: report.actuals },
      { taskId: report.taskId, entity: 'taskState' },
    );
  }

  /**
   * Sets `attribute` (and `alongside`, index keys included) on the item unless it already
   * holds a report at least as new (ordered by receivedAt, then id).
   */
  private async setIfNewer(
    key: Record<string, string> & { PK: string; SK: string },
    attribute: string,
    value: Record<string, unknown> & { receivedAt: string; reportId: string },
    alongside: Record<string, unknown>,
  ): Promise<void> {
    const { PK, SK, ...indexKeys } = key;
    const extra = Object.entries({ ...indexKeys, ...alongside });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK, SK },
          UpdateExpression: `SET ${['#attr = :value', ...extra.map((_, i) => `#x${i} = :x${i}`)].join(', ')}`,
          ConditionExpression:
            'attribute_not_exists(#attr) OR #attr = :null OR #attr.receivedAt < :received OR (#attr.receivedAt = :received AND #attr.reportId < :id)',
          ExpressionAttributeNames: {
            '#attr': attribute,
            ...Object.fromEntries(extra.map(([name], i) => [`#x${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':value': value,
            ':received': value.receivedAt,
            ':id': value.reportId,
            ':null': null,
            ...Object.fromEntries(extra.map(([, v], i) => [`:x${i}`, v])),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
