/**
 * Indicators in the single table: the registry (one item per indicator, with its place in
 * the registry's order and a revision for conditional writes), the values reported
 * against each one (in its partition, sorted by period), and the links of plan targets
 * to indicators (one item per target, under its task). Also the reads the figures need
 * besides: the tracked plans and the actuals in the reports of linked tasks.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import * as z from 'zod';
import { ConflictError } from '#shared/domain/errors.ts';
import { indicatorSchema } from '#shared/domain/indicator/indicator.ts';
import {
  indicatorValueSchema,
  type IndicatorValue,
} from '#shared/domain/indicator/indicator-value.ts';
import { linkRecordSchema, type LinkRecord } from '#shared/domain/indicator/link-record.ts';
import type { ReportedActuals } from '#shared/domain/indicator/task-actuals.ts';
import { progressReportSchema } from '#shared/domain/progress/report.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import { compareText } from '#shared/domain/risk/order.ts';
import type {
  FigureInputs,
  IndicatorRepository,
  StoredIndicator,
  StoredValue,
} from '#shared/use-cases/indicators/indicator-ports.ts';
import { indicatorKeys, progressKeys } from './keys.ts';
import { queryAll } from './pagination.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

/** Independent reads of small partitions: a few at a time. */
const READ_CONCURRENCY = 8;

const storedIndicatorSchema = z.object({
  indicator: indicatorSchema,
  position: z.number(),
  revision: z.number().int().positive(),
});

const reportedActualsSchema = progressReportSchema.pick({
  taskId: true,
  agencyId: true,
  period: true,
  actuals: true,
  actualsStatus: true,
  receivedAt: true,
});

export class DynamoIndicatorStore implements IndicatorRepository, FigureInputs {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
  ) {}

  async listIndicators(): Promise<StoredIndicator[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': indicatorKeys.indicators },
    });
    return items
      .map((item) => storedIndicatorSchema.parse(item))
      .sort((a, b) => a.position - b.position || compareText(a.indicator.code, b.indicator.code));
  }

  async saveIndicator(stored: StoredIndicator, expected: number | null): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...indicatorKeys.indicator(stored.indicator.code),
            entity: 'indicator',
            indicator: indicatorSchema.parse(stored.indicator),
            position: stored.position,
            revision: stored.revision,
          },
          ConditionExpression:
            expected === null ? 'attribute_not_exists(PK)' : 'revision = :revision',
          ...(expected === null ? {} : { ExpressionAttributeValues: { ':revision': expected } }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError(
        'indicator-changed',
        `chỉ tiêu ${stored.indicator.code} vừa được thay đổi bởi một yêu cầu khác; đọc lại rồi gửi lại`,
      );
    }
  }

  linksOfPlan(plan: string): Promise<LinkRecord[]> {
    return this.links(indicatorKeys.linksOfPlan(plan));
  }

  allLinks(): Promise<LinkRecord[]> {
    return this.links();
  }

  async saveLink(link: LinkRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...indicatorKeys.link(link),
          entity: 'indicatorLink',
          ...linkRecordSchema.parse(link),
        },
      }),
    );
  }

  async deleteLink(link: Pick<LinkRecord, 'plan' | 'taskId' | 'targetKey'>): Promise<void> {
    const { PK, SK } = indicatorKeys.link(link);
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK, SK } }));
  }

  async saveValue(value: StoredValue): Promise<StoredValue> {
    const key = indicatorKeys.value(value);
    const { id, ...fields } = value;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, entity: 'indicatorValue', id, value: indicatorValueSchema.parse(fields) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return value;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      return { id, ...indicatorValueSchema.parse(Item?.value) };
    }
  }

  async valuesOf(
    codes: readonly string[],
    fromYear: number,
    toYear: number,
  ): Promise<IndicatorValue[]> {
    const range = indicatorKeys.valueRange(fromYear, toYear);
    const limit = pLimit(READ_CONCURRENCY);
    const perIndicator = await Promise.all(
      codes.map((code) =>
        limit(() =>
          queryAll(this.db, {
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': indicatorKeys.indicatorPk(code),
              ':from': range.from,
              ':to': range.to,
            },
          }),
        ),
      ),
    );
    return perIndicator.flat().map((item) => indicatorValueSchema.parse(item.value));
  }

  trackedPlans(): Promise<PlanRecord[]> {
    return this.catalog.trackedPlans();
  }

  async reportsOfTasks(taskIds: readonly string[]): Promise<ReportedActuals[]> {
    const limit = pLimit(READ_CONCURRENCY);
    const perTask = await Promise.all(
      taskIds.map((taskId) =>
        limit(() =>
          queryAll(this.db, {
            TableName: this.tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ProjectionExpression: 'taskId, agencyId, #period, actuals, actualsStatus, receivedAt',
            ExpressionAttributeNames: { '#period': 'period' },
            ExpressionAttributeValues: { ':pk': progressKeys.reportsOfTask(taskId) },
          }),
        ),
      ),
    );
    return perTask.flat().map((item) => reportedActualsSchema.parse(item));
  }

  private async links(planPrefix?: string): Promise<LinkRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: planPrefix
        ? 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)'
        : 'GSI1PK = :pk',
      ExpressionAttributeValues: planPrefix
        ? { ':pk': indicatorKeys.links, ':prefix': planPrefix }
        : { ':pk': indicatorKeys.links },
    });
    return items.map((item) => linkRecordSchema.parse(item));
  }
}
