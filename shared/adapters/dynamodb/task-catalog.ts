/**
 * The one way to read tasks: always the current version of their plan. A single task is
 * the plan item (which version is current) and that version of the task, read together in
 * one BatchGetItem when the plan's current version is the one last seen here (versions
 * change at imports only), else the plan and then the task; a list reads each tracked
 * plan's current version, one index prefix per plan. A task that the current version no
 * longer has is retired: still readable by id, with its reports, but out of every list.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AgencyNames } from '#shared/domain/registry/agency-names.ts';
import { SECTORS, taskSchema, type Sector, type Task } from '#shared/domain/plan/model.ts';
import {
  isPublished,
  isTracked,
  planCodeOfTask,
  planRecordSchema,
  type PlanRecord,
} from '#shared/domain/registry/plan-record.ts';
import type { CurrentTask } from '#shared/domain/registry/current-task.ts';
import type { AgencyDirectory, AgencyView } from './agency-directory.ts';
import { batchGet, byKey, keyName, type ItemKey } from './batch-get.ts';
import { keys, planVersionTag } from './keys.ts';
import { queryAll, queryPages, type PartitionQuery } from './pagination.ts';

/** How many of a task's newest versions a read looks through for a published one. */
const PUBLISHED_LOOKBACK = 10;

/** A task with the items read beside it, by `PK|SK` (batch-get.ts's keyName). */
export interface TaskRead {
  current: CurrentTask | null;
  alongside: Map<string, Record<string, unknown>>;
}

export class DynamoTaskCatalog {
  /** Each plan's current version as last read here: what a task read guesses. */
  private readonly currentVersions = new Map<string, number>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly directory: AgencyDirectory,
  ) {}

  /** The registry's names, with which every task read here names its agencies. */
  names(): Promise<AgencyNames> {
    return this.directory.names();
  }

  /** The registry's agencies (names, memberships), as of `stamp` when the caller read it. */
  registry(stamp?: number): Promise<AgencyView> {
    return this.directory.view(stamp);
  }

  /** Every plan with a published version, drafts and closed plans included. */
  async publishedPlans(): Promise<PlanRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.plans },
    });
    return items.map((item) => planRecordSchema.parse(item)).filter(isPublished);
  }

  /** The plans whose tasks are listed, flagged and rolled up (not drafts). */
  async trackedPlans(): Promise<PlanRecord[]> {
    return (await this.publishedPlans()).filter(isTracked);
  }

  async getPlan(code: string): Promise<PlanRecord | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: keys.plan(code).PK, SK: keys.plan(code).SK },
      }),
    );
    return this.published(code, Item);
  }

  /** The task as its plan stored it (agencies as the cells printed them). */
  async getTask(taskId: string): Promise<CurrentTask | null> {
    return (await this.readTask(taskId)).current;
  }

  /**
   * The task with its agencies named as the registry names them today. Reads that show a
   * task use this; the report path, which compares ids only, does without the names.
   */
  async getNamedTask(taskId: string): Promise<CurrentTask | null> {
    return (await this.getTaskWithRegistry(taskId))?.current ?? null;
  }

  /** The named task and the registry it was named from, the registry's stamp read beside it. */
  async getTaskWithRegistry(
    taskId: string,
  ): Promise<{ current: CurrentTask; registry: AgencyView } | null> {
    const { current, alongside } = await this.readTask(taskId, [keys.agencyStamp]);
    if (!current) return null;
    const stamp = Number(alongside.get(keyName(keys.agencyStamp))?.stamp ?? 0);
    const registry = await this.directory.view(stamp);
    return { current: { ...current, task: registry.names.task(current.task) }, registry };
  }

  /**
   * The task (as its plan stored it) and the `alongside` items, read in the same
   * BatchGetItem as the plan and the task's version when that version is known.
   */
  async readTask(taskId: string, alongside: readonly ItemKey[] = []): Promise<TaskRead> {
    const code = planCodeOfTask(taskId);
    const planKey = { PK: keys.plan(code).PK, SK: keys.plan(code).SK };
    const guess = this.currentVersions.get(code);
    const taskKey =
      guess === undefined ? [] : [{ PK: keys.taskPk(taskId), SK: keys.taskVersionSk(guess) }];
    const items = byKey(
      await batchGet(this.db, this.tableName, [planKey, ...taskKey, ...alongside]),
    );
    const found = { current: null, alongside: items };
    const plan = this.published(code, items.get(keyName(planKey)));
    if (!plan) return found;
    const guessed = taskKey[0] && items.get(keyName(taskKey[0]));
    if (guessed && plan.currentVersion === guess) {
      return { ...found, current: currentTask(guessed, plan, guess) };
    }
    return { ...found, current: await this.taskOfPlan(taskId, plan) };
  }

  /** A stored plan item, when published; remembers its current version for later reads. */
  private published(code: string, item: Record<string, unknown> | undefined) {
    const plan = item ? planRecordSchema.parse(item) : null;
    if (!plan || !isPublished(plan)) return null;
    this.currentVersions.set(code, plan.currentVersion);
    return plan;
  }

  /**
   * The newest published version of the task up to the current one: the current version
   * itself, or the last one that had it (a retired task). Versions above are still being
   * written; versions never published (a failed import) are skipped.
   */
  private async taskOfPlan(taskId: string, plan: PlanRecord): Promise<CurrentTask | null> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :current',
        ExpressionAttributeValues: {
          ':pk': keys.taskPk(taskId),
          ':first': keys.taskVersionSk(1),
          ':current': keys.taskVersionSk(plan.currentVersion),
        },
        ScanIndexForward: false,
        Limit: PUBLISHED_LOOKBACK,
      }),
    );
    const published = new Set([plan.currentVersion, ...plan.publishedVersions]);
    const item = (Items ?? []).find((candidate) => published.has(Number(candidate.version)));
    return item ? currentTask(item, plan, Number(item.version)) : null;
  }

  /**
   * The current version of every tracked plan's tasks in one sector (only the given plans'
   * when `only` is given), in plan and table order.
   */
  async *tasksOfSector(sector: Sector, only?: readonly string[]): AsyncIterable<Task> {
    const names = await this.names();
    for (const plan of await this.trackedPlans()) {
      if (only && !only.includes(plan.code)) continue;
      const query = this.sectorQuery(sector, plan);
      let cursor: string | undefined;
      do {
        const page = await queryPages(this.db, [query], 500, cursor);
        for (const item of page.items) yield names.task(taskSchema.parse(item));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }

  /**
   * The partitions a task list reads, in order: one plan's current version, or each
   * sector's tasks of every tracked plan.
   */
  async listPartitions(filter: { plan?: string | undefined; sector?: Sector | undefined }) {
    const plans = await this.trackedPlans();
    if (filter.plan) {
      const plan = plans.find((p) => p.code === filter.plan);
      if (!plan) return [];
      const query: PartitionQuery = {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.tasksOfPlanVersion(plan.code, plan.currentVersion),
        },
      };
      if (filter.sector) {
        query.FilterExpression = 'sector = :sector';
        query.ExpressionAttributeValues = {
          ...query.ExpressionAttributeValues,
          ':sector': filter.sector,
        };
      }
      return [query];
    }
    const sectors = filter.sector ? [filter.sector] : SECTORS;
    return sectors.flatMap((sector) => plans.map((plan) => this.sectorQuery(sector, plan)));
  }

  /** `KH266#000003`, … for every tracked plan: what a link's `planVersion` must be to count. */
  async currentVersionTags(): Promise<string[]> {
    return (await this.trackedPlans()).map((plan) =>
      planVersionTag(plan.code, plan.currentVersion),
    );
  }

  private sectorQuery(sector: Sector, plan: PlanRecord): PartitionQuery {
    return {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.tasksOfSector(sector),
        ':prefix': keys.sectorTasksPrefix(plan.code, plan.currentVersion),
      },
    };
  }
}

function currentTask(
  item: Record<string, unknown>,
  plan: PlanRecord,
  version: number,
): CurrentTask {
  return {
    task: taskSchema.parse(item),
    plan,
    version,
    retired: version !== plan.currentVersion,
  };
}
