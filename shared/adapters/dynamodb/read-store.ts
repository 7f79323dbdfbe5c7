/**
 * The API's reads. Tasks come from the catalog (their plan's current version) joined with
 * their summaries (latest report, risk reasons); lists page through partitions in order
 * and filter on the server, so a page costs a few queries, never a scan.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agencySchema, taskSchema, type Agency, type Task } from '#shared/domain/plan/model.ts';
import {
  latestReportWithActualsSchema,
  progressReportSchema,
  type LatestReport,
} from '#shared/domain/progress/report.ts';
import {
  EMPTY_SUMMARY,
  taskSummarySchema,
  type ReportView,
  type TaskDetail,
  type TaskSummary,
  type TaskView,
} from '#shared/domain/progress/task-view.ts';
import {
  isPublished,
  planRecordSchema,
  type PlanRecord,
} from '#shared/domain/registry/plan-record.ts';
import type { TaskFilter } from '#shared/use-cases/read-ports.ts';
import { batchGet } from './batch-get.ts';
import { keys, parsePlanVersionTag, progressKeys } from './keys.ts';
import { indexQuery, mapPage, queryAll, queryPages, type Page } from './pagination.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

export type AgencyTask = TaskView & { role: 'lead' | 'coordinating' };

export class DynamoReadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
  ) {}

  async listTasks(filter: TaskFilter, limit: number, cursor?: string): Promise<Page<TaskView>> {
    const partitions = await this.catalog.listPartitions(filter);
    const { expression, names, values } = taskFilterExpression(filter);
    for (const partition of partitions) {
      if (!expression) continue;
      partition.FilterExpression = partition.FilterExpression
        ? `(${partition.FilterExpression}) AND ${expression}`
        : expression;
      partition.ExpressionAttributeNames = { ...partition.ExpressionAttributeNames, ...names };
      partition.ExpressionAttributeValues = { ...partition.ExpressionAttributeValues, ...values };
    }
    // The reported state lives in the summaries: pages are read, joined and filtered until
    // the page is full. Each read asks for no more than what is missing, so the cursor
    // always stands right after the last task examined.
    const items: TaskView[] = [];
    let next: string | undefined = cursor;
    let nextCursor: string | null = null;
    do {
      const page = await queryPages(this.db, partitions, limit - items.length, next);
      const names = await this.catalog.names();
      const tasks = page.items.map((item) => names.task(taskSchema.parse(item)));
      const summaries = await this.summaries(tasks.map((task) => task.id));
      for (const task of tasks) {
        const view = viewOf(task, summaries.get(task.id) ?? EMPTY_SUMMARY, false);
        if (matchesState(view, filter)) items.push(view);
      }
      nextCursor = page.nextCursor;
      next = nextCursor ?? undefined;
    } while (nextCursor && items.length < limit);
    return { items, nextCursor };
  }

  /** The task (current or retired) and its agencies' latest states. */
  async getTaskDetail(taskId: string): Promise<TaskDetail | null> {
    const current = await this.catalog.getNamedTask(taskId);
    if (!current) return null;
    // STATE#<agency> items sort just before SUMMARY, and nothing else sorts between them.
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :state AND :summary',
      ExpressionAttributeValues: {
        ':pk': keys.taskPk(taskId),
        ':state': progressKeys.statePrefix,
        ':summary': progressKeys.summarySk,
      },
    });
    const summary = items.find((item) => item.SK === progressKeys.summarySk);
    const names = await this.catalog.names();
    return {
      task: viewOf(
        current.task,
        summary ? taskSummarySchema.parse(summary) : EMPTY_SUMMARY,
        current.retired,
      ),
      latestByAgency: items
        .filter((item) => item.SK !== progressKeys.summarySk)
        .map((item) => latestReportWithActualsSchema.parse(item.state))
        .map((state) => ({ ...state, agencyName: names.nameOf(state.agencyId) })),
    };
  }

  async taskExists(taskId: string): Promise<boolean> {
    return (await this.catalog.getTask(taskId)) !== null;
  }

  async listReports(taskId: string, limit: number, cursor?: string): Promise<Page<ReportView>> {
    const query = indexQuery(this.tableName, 'GSI1', progressKeys.reportsOfTask(taskId));
    query.ScanIndexForward = false;
    const page = await queryPages(this.db, [query], limit, cursor);
    const names = await this.catalog.names();
    return mapPage(page, (item) => {
      const report = progressReportSchema.parse(item);
      return { ...report, agencyName: names.nameOf(report.agencyId) };
    });
  }

  /** Published plans (a plan whose first import is still being written is not one yet). */
  async listPlans(limit: number, cursor?: string): Promise<Page<PlanRecord>> {
    const query = indexQuery(this.tableName, 'GSI1', keys.plans);
    query.FilterExpression = 'currentVersion > :zero';
    query.ExpressionAttributeValues = { ...query.ExpressionAttributeValues, ':zero': 0 };
    const page = await queryPages(this.db, [query], limit, cursor);
    return mapPage(page, (item) => planRecordSchema.parse(item));
  }

  async getPlan(code: string): Promise<PlanRecord | null> {
    const { PK, SK } = keys.plan(code);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK, SK } }),
    );
    const plan = Item ? planRecordSchema.parse(Item) : null;
    return plan && isPublished(plan) ? plan : null;
  }

  async listAgencies(limit: number, cursor?: string): Promise<Page<Agency>> {
    const page = await queryPages(
      this.db,
      [indexQuery(this.tableName, 'GSI1', keys.agencies)],
      limit,
      cursor,
    );
    return mapPage(page, (item) => agencySchema.parse(item));
  }

  async getAgency(agencyId: string): Promise<Agency | null> {
    const { PK, SK } = keys.agency(agencyId);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK, SK } }),
    );
    return Item ? agencySchema.parse(Item) : null;
  }

  /**
   * Tasks an agency leads or coordinates in the current versions of the tracked plans,
   * through the link items (its own and those of the agencies merged into it).
   */
  async listAgencyTasks(agency: Agency, limit: number, cursor?: string): Promise<Page<AgencyTask>> {
    const current = await this.catalog.currentVersionTags();
    if (current.length === 0) return { items: [], nextCursor: null };
    const partitions = [agency.id, ...agency.absorbed].map((id) => {
      const query = indexQuery(
        this.tableName,
        'GSI1',
        keys.tasksOfAgency(id),
        keys.agencyTaskPrefix,
      );
      query.FilterExpression = `planVersion IN (${current.map((_, i) => `:v${i}`).join(', ')})`;
      query.ExpressionAttributeValues = {
        ...query.ExpressionAttributeValues,
        ...Object.fromEntries(current.map((tag, i) => [`:v${i}`, tag])),
      };
      return query;
    });
    const links = await queryPages(this.db, partitions, limit, cursor);
    const keysOf = links.items.map((link) => ({
      PK: String(link.PK),
      SK: keys.taskVersionSk(parsePlanVersionTag(String(link.planVersion)).version),
    }));
    const names = await this.catalog.names();
    const tasks = new Map(
      (await batchGet(this.db, this.tableName, keysOf)).map((item) => [
        String(item.PK),
        names.task(taskSchema.parse(item)),
      ]),
    );
    const summaries = await this.summaries([...tasks.values()].map((task) => task.id));
    const items = links.items.flatMap((link): AgencyTask[] => {
      const task = tasks.get(String(link.PK));
      if (!task) return [];
      const role = link.role === 'lead' ? 'lead' : 'coordinating';
      return [{ ...viewOf(task, summaries.get(task.id) ?? EMPTY_SUMMARY, false), role }];
    });
    return { items, nextCursor: links.nextCursor };
  }

  /**
   * Each task's newest state filed under one of `agencyIds` (an agency and those it
   * absorbed): one BatchGetItem per 100 keys, where reading each task's detail would
   * take a query per task.
   */
  async newestStatesOf(
    tasks: readonly Pick<Task, 'id' | 'plan'>[],
    agencyIds: readonly string[],
  ): Promise<Map<string, LatestReport>> {
    const items = await batchGet(
      this.db,
      this.tableName,
      tasks.flatMap((task) =>
        agencyIds.map((agencyId) => {
          const { PK, SK } = progressKeys.latestState(task.id, task.plan, agencyId);
          return { PK, SK };
        }),
      ),
    );
    const newest = new Map<string, LatestReport>();
    for (const item of items) {
      const state = latestReportWithActualsSchema.parse(item.state);
      const taskId = String(item.taskId);
      const known = newest.get(taskId);
      if (!known || known.receivedAt < state.receivedAt) newest.set(taskId, state);
    }
    return newest;
  }

  private async summaries(taskIds: string[]): Promise<Map<string, TaskSummary>> {
    const items = await batchGet(
      this.db,
      this.tableName,
      taskIds.map((id) => ({ PK: keys.taskPk(id), SK: progressKeys.summarySk })),
      { attributes: ['taskId', 'latestReport', 'riskReasons'] },
    );
    return new Map(items.map((item) => [String(item.taskId), taskSummarySchema.parse(item)]));
  }
}

function viewOf(task: Task, summary: TaskSummary, retired: boolean): TaskView {
  return {
    ...task,
    latestReport: summary.latestReport,
    riskReasons: summary.riskReasons,
    retired,
  };
}

/** The filters on the reported state, which the task versions do not carry. */
function matchesState(view: TaskView, filter: TaskFilter): boolean {
  if (filter.status === 'no_report' && view.latestReport !== null) return false;
  if (filter.status && filter.status !== 'no_report' && view.latestReport?.status !== filter.status)
    return false;
  if (filter.atRisk !== undefined && view.riskReasons.length > 0 !== filter.atRisk) return false;
  return true;
}

/** The filters on the task itself as one FilterExpression (AND of the given ones). */
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
  if (filter.dueBefore) {
    clauses.push('#schedule.#due < :dueBefore');
    Object.assign(names, { '#schedule': 'schedule', '#due': 'due' });
    values[':dueBefore'] = filter.dueBefore;
  }
  return { expression: clauses.join(' AND '), names, values };
}
