/**
 * The API's reads. Lists page through a partition (or several, in order) and filter
 * on the server, so a page costs one query per partition touched.
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  SECTORS,
  agencySchema,
  planSchema,
  type Agency,
  type Plan,
  type Sector,
} from '#shared/domain/plan/model.ts';
import {
  latestReportWithActualsSchema,
  progressReportSchema,
  type ProgressReport,
} from '#shared/domain/progress/report.ts';
import {
  taskViewSchema,
  type TaskDetail,
  type TaskView,
} from '#shared/domain/progress/task-view.ts';
import type { TaskFilter } from '#shared/use-cases/read-ports.ts';
import { keys, progressKeys } from './keys.ts';
import { queryAll, queryPages, type Page, type PartitionQuery } from './pagination.ts';

/** BatchGetItem reads at most 100 keys per call. */
const BATCH_GET_LIMIT = 100;

export class DynamoReadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listTasks(filter: TaskFilter, limit: number, cursor?: string): Promise<Page<TaskView>> {
    const { expression, names, values } = taskFilterExpression(filter);
    const sectors: readonly Sector[] = filter.sector ? [filter.sector] : SECTORS;
    const partitions: PartitionQuery[] = filter.plan
      ? [this.indexQuery('GSI1', 'GSI1PK', `PLAN#${filter.plan}`, 'TASK#')]
      : sectors.map((sector) => this.indexQuery('GSI2', 'GSI2PK', `SECTOR#${sector}`, 'TASK#'));
    for (const partition of partitions) {
      if (expression) {
        partition.FilterExpression = expression;
        partition.ExpressionAttributeNames = { ...partition.ExpressionAttributeNames, ...names };
        partition.ExpressionAttributeValues = { ...partition.ExpressionAttributeValues, ...values };
      }
    }
    const page = await queryPages(this.db, partitions, limit, cursor);
    return {
      items: page.items.map((item) => taskViewSchema.parse(item)),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The task item and its agencies' latest states, read apart: the task's partition also
   * holds every report, which a detail view must not read (nor page past to find the task).
   */
  async getTaskDetail(taskId: string): Promise<TaskDetail | null> {
    const task = await this.getTask(taskId);
    if (!task) return null;
    const states = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :state)',
      ExpressionAttributeValues: { ':pk': keys.taskPk(taskId), ':state': progressKeys.statePrefix },
    });
    return {
      task,
      latestByAgency: states.map((item) => latestReportWithActualsSchema.parse(item.state)),
    };
  }

  async getTask(taskId: string): Promise<TaskView | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.taskPk(taskId), SK: 'TASK' } }),
    );
    return Item ? taskViewSchema.parse(Item) : null;
  }

  async listReports(taskId: string, limit: number, cursor?: string): Promise<Page<ProgressReport>> {
    const query = this.indexQuery('GSI1', 'GSI1PK', progressKeys.reportsOfTask(taskId));
    query.ScanIndexForward = false;
    const page = await queryPages(this.db, [query], limit, cursor);
    return {
      items: page.items.map((item) => progressReportSchema.parse(item)),
      nextCursor: page.nextCursor,
    };
  }

  async listPlans(): Promise<Plan[]> {
    const items = await queryAll(this.db, this.indexQuery('GSI1', 'GSI1PK', 'PLANS'));
    return items.map((item) => planSchema.parse(item));
  }

  async getPlan(code: string): Promise<(Plan & { taskIds: string[] }) | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.plan(code).PK, SK: 'PLAN' } }),
    );
    return Item
      ? planSchema.extend({ taskIds: taskViewSchema.shape.id.array() }).parse(Item)
      : null;
  }

  async listAgencies(limit: number, cursor?: string): Promise<Page<Agency>> {
    const page = await queryPages(
      this.db,
      [this.indexQuery('GSI1', 'GSI1PK', 'AGENCIES')],
      limit,
      cursor,
    );
    return {
      items: page.items.map((item) => agencySchema.parse(item)),
      nextCursor: page.nextCursor,
    };
  }

  async getAgency(agencyId: string): Promise<Agency | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: keys.agency(agencyId).PK, SK: 'AGENCY' },
      }),
    );
    return Item ? agencySchema.parse(Item) : null;
  }

  /** Tasks an agency leads or coordinates, through the link items, with its role in each. */
  async listAgencyTasks(
    agencyId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<TaskView & { role: 'lead' | 'coordinating' }>> {
    const links = await queryPages(
      this.db,
      [this.indexQuery('GSI1', 'GSI1PK', `AGENCY#${agencyId}`, 'TASK#')],
      limit,
      cursor,
    );
    const tasks = await this.getTasks(links.items.map((link) => String(link.taskId)));
    const items = links.items.flatMap((link) => {
      const task = tasks.get(String(link.taskId));
      return task
        ? [{ ...task, role: link.role === 'lead' ? ('lead' as const) : ('coordinating' as const) }]
        : [];
    });
    return { items, nextCursor: links.nextCursor };
  }

  private async getTasks(taskIds: string[]): Promise<Map<string, TaskView>> {
    const found = new Map<string, TaskView>();
    for (let start = 0; start < taskIds.length; start += BATCH_GET_LIMIT) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.tableName]: {
          Keys: taskIds
            .slice(start, start + BATCH_GET_LIMIT)
            .map((id) => ({ PK: keys.taskPk(id), SK: 'TASK' })),
        },
      };
      // BatchGetItem may leave keys unprocessed under load: ask again for those.
      while (request && Object.keys(request).length > 0) {
        const result = await this.db.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const task = taskViewSchema.parse(item);
          found.set(task.id, task);
        }
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  private indexQuery(
    index: 'GSI1' | 'GSI2',
    keyName: string,
    value: string,
    sortPrefix?: string,
  ): PartitionQuery {
    const sortKeyName = keyName.replace(/PK$/, 'SK');
    return {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: sortPrefix
        ? { '#pk': keyName, '#sk': sortKeyName }
        : { '#pk': keyName },
      ExpressionAttributeValues: sortPrefix
        ? { ':pk': value, ':prefix': sortPrefix }
        : { ':pk': value },
    };
  }
}

/** The task filters as one FilterExpression (AND of the given ones). */
function taskFilterExpression(filter: TaskFilter) {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.section) {
    clauses.push('#section.#code = :section');
    Object.assign(names, { '#section': 'section', '#code': 'code' });
    values[':section'] = filter.section;
  }
  if (filter.agency) {
    clauses.push('contains(#agencyIds, :agency)');
    names['#agencyIds'] = 'agencyIds';
    values[':agency'] = filter.agency;
  }
  if (filter.status === 'no_report') {
    clauses.push('attribute_not_exists(#latest)');
    names['#latest'] = 'latestReport';
  } else if (filter.status) {
    clauses.push('#latest.#status = :status');
    Object.assign(names, { '#latest': 'latestReport', '#status': 'status' });
    values[':status'] = filter.status;
  }
  if (filter.dueBefore) {
    clauses.push('#schedule.#due < :dueBefore');
    Object.assign(names, { '#schedule': 'schedule', '#due': 'due' });
    values[':dueBefore'] = filter.dueBefore;
  }
  if (filter.atRisk !== undefined) {
    clauses.push(
      filter.atRisk
        ? 'size(#risk) > :zero'
        : '(attribute_not_exists(#risk) OR size(#risk) = :zero)',
    );
    names['#risk'] = 'riskReasons';
    values[':zero'] = 0;
  }
  return { expression: clauses.join(' AND '), names, values };
}
