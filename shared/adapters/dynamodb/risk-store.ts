/**
 * Risk state in the single table: the current reasons on the task's summary item (for
 * reads and the `atRisk` filter), a sparse flag item per task at risk (for GET /risks),
 * and the codes last announced on the bus. Tasks come from the catalog: always their
 * plan's current version.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { agencySchema, type Sector, type Task } from '#shared/domain/plan/model.ts';
import {
  latestReportWithActualsSchema,
  type LatestReport,
} from '#shared/domain/progress/report.ts';
import {
  EMPTY_SUMMARY,
  taskSummarySchema,
  type RiskReason,
  type TaskSummary,
} from '#shared/domain/progress/task-view.ts';
import { riskFlagSchema, type RiskFlag } from '#shared/domain/risk/risk-flag.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { RiskRepository, TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import { keys, progressKeys, riskKeys } from './keys.ts';
import { queryAll, queryPages, type Page, type PartitionQuery } from './pagination.ts';
import { agencyIdsOf } from './plan-store.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

export interface RiskFilter {
  sector?: Sector | undefined;
  agency?: string | undefined;
  reason?: string | undefined;
}

/** Agency memberships change rarely and every evaluation needs them: kept for a minute. */
const MEMBERSHIPS_TTL_MS = 60 * 1000;

/** What one plan's state partition holds for one task: its agencies' states and its summary. */
interface TaskStates {
  states: Record<string, unknown>[];
  summary: TaskSummary;
}

export class DynamoRiskStore implements RiskRepository {
  private cachedAgencies:
    | { at: number; value: Promise<{ memberOf: Memberships; names: Record<string, string> }> }
    | undefined;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
  ) {}

  async loadTask(taskId: string): Promise<TaskRiskState | null> {
    const current = await this.catalog.getNamedTask(taskId);
    if (!current || current.retired) return null;
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
    return toState(current.task, collect(items));
  }

  /**
   * The sector's tasks with their states: one query per plan for the states, then the
   * tasks; only the given plans' when `plans` is given.
   */
  async *loadSector(sector: Sector, plans?: readonly string[]): AsyncIterable<TaskRiskState> {
    const statesByPlan = new Map<string, Map<string, TaskStates>>();
    for await (const task of this.catalog.tasksOfSector(sector, plans)) {
      let states = statesByPlan.get(task.plan);
      if (!states) {
        states = await this.statesOfPlan(task.plan);
        statesByPlan.set(task.plan, states);
      }
      yield toState(task, states.get(task.id) ?? { states: [], summary: EMPTY_SUMMARY });
    }
  }

  /**
   * Agency → the ids it acts for besides itself: its collectives and the agencies merged
   * into it (a commune's report counts for "UBND các xã"; a survivor's for what it absorbed).
   */
  async memberships(): Promise<Memberships> {
    return (await this.agencies()).memberOf;
  }

  /** The registry's name of every agency, for messages naming one the task does not. */
  async agencyNames(): Promise<Record<string, string>> {
    return (await this.agencies()).names;
  }

  private agencies() {
    const now = Date.now();
    if (!this.cachedAgencies || now - this.cachedAgencies.at > MEMBERSHIPS_TTL_MS) {
      const loading = queryAll(this.db, this.index('GSI1', keys.agencies)).then((items) => {
        const agencies = items.map((item) => agencySchema.parse(item));
        return {
          // Deactivated and merged agencies report no more: their members and survivors do.
          memberOf: Object.fromEntries(
            agencies.filter((a) => a.active).map((a) => [a.id, [...a.memberOf, ...a.absorbed]]),
          ),
          names: Object.fromEntries(agencies.map((a) => [a.id, a.name])),
        };
      });
      this.cachedAgencies = { at: now, value: loading };
      loading.catch(() => (this.cachedAgencies = undefined));
    }
    return this.cachedAgencies.value;
  }

  async saveReasons(task: Task, reasons: RiskReason[], evaluatedAt: string): Promise<void> {
    await this.updateSummary(task, 'SET riskReasons = :reasons, riskEvaluatedAt = :at', {
      ':reasons': reasons,
      ':at': evaluatedAt,
    });
    const flagKey = riskKeys.flag(task.id, task.sector);
    if (reasons.length === 0) {
      await this.db.send(
        new DeleteCommand({ TableName: this.tableName, Key: { PK: flagKey.PK, SK: flagKey.SK } }),
      );
      return;
    }
    const flag: RiskFlag = {
      taskId: task.id,
      plan: task.plan,
      sector: task.sector,
      section: task.section.code,
      title: task.title,
      agencyIds: agencyIdsOf(task),
      reasonCodes: reasons.map((r) => r.code),
      reasons,
      evaluatedAt,
    };
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...flagKey, entity: 'riskFlag', ...flag },
      }),
    );
  }

  /**
   * Forward only, by the newest report it was derived from: evaluations of reports that
   * came in together may finish in any order, and a stale one must not win.
   */
  async saveOfficial(task: Task, official: LatestReport | null): Promise<void> {
    if (official === null) return;
    try {
      await this.updateSummary(
        task,
        'SET latestReport = :official',
        {
          ':official': official,
          ':received': official.receivedAt,
          ':id': official.reportId,
          ':null': null,
        },
        'attribute_not_exists(latestReport) OR latestReport = :null OR latestReport.receivedAt < :received OR (latestReport.receivedAt = :received AND latestReport.reportId <= :id)',
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async markAnnounced(task: Task, codes: string[]): Promise<void> {
    await this.updateSummary(task, 'SET riskAnnounced = :codes', { ':codes': codes });
  }

  async listFlags(filter: RiskFilter, limit: number, cursor?: string): Promise<Page<RiskFlag>> {
    const query = this.index(
      'GSI1',
      riskKeys.flags,
      filter.sector ? `${filter.sector}#` : undefined,
    );
    const clauses: string[] = [];
    if (filter.agency) {
      clauses.push('contains(agencyIds, :agency)');
      query.ExpressionAttributeValues = {
        ...query.ExpressionAttributeValues,
        ':agency': filter.agency,
      };
    }
    if (filter.reason) {
      clauses.push('contains(reasonCodes, :reason)');
      query.ExpressionAttributeValues = {
        ...query.ExpressionAttributeValues,
        ':reason': filter.reason,
      };
    }
    if (clauses.length > 0) query.FilterExpression = clauses.join(' AND ');
    const page = await queryPages(this.db, [query], limit, cursor);
    return {
      items: page.items.map((item) => riskFlagSchema.parse(item)),
      nextCursor: page.nextCursor,
    };
  }

  private async statesOfPlan(plan: string): Promise<Map<string, TaskStates>> {
    const byTask = new Map<string, Record<string, unknown>[]>();
    for (const item of await queryAll(
      this.db,
      this.index('GSI2', progressKeys.statesOfPlan(plan)),
    )) {
      const list = byTask.get(String(item.taskId)) ?? [];
      list.push(item);
      byTask.set(String(item.taskId), list);
    }
    return new Map([...byTask].map(([taskId, items]) => [taskId, collect(items)]));
  }

  /** Sets attributes of the task's summary item, creating it with its index keys if absent. */
  private async updateSummary(
    task: Task,
    expression: string,
    values: Record<string, unknown>,
    condition?: string,
  ): Promise<void> {
    const { PK, SK, GSI2PK, GSI2SK } = progressKeys.taskSummary(task.id, task.plan);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK, SK },
        UpdateExpression: `${expression}, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk, taskId = :taskId, entity = :entity`,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeValues: {
          ...values,
          ':gsi2pk': GSI2PK,
          ':gsi2sk': GSI2SK,
          ':taskId': task.id,
          ':entity': 'taskSummary',
        },
      }),
    );
  }

  private index(index: 'GSI1' | 'GSI2', pk: string, sortPrefix?: string): PartitionQuery {
    return {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: sortPrefix
        ? `${index}PK = :pk AND begins_with(${index}SK, :prefix)`
        : `${index}PK = :pk`,
      ExpressionAttributeValues: sortPrefix ? { ':pk': pk, ':prefix': sortPrefix } : { ':pk': pk },
    };
  }
}

/** A task's items (its agencies' STATE# items and its SUMMARY) sorted out. */
function collect(items: Record<string, unknown>[]): TaskStates {
  const summary = items.find((item) => item.SK === progressKeys.summarySk);
  return {
    states: items.filter((item) => String(item.SK).startsWith(progressKeys.statePrefix)),
    summary: summary ? taskSummarySchema.parse(summary) : EMPTY_SUMMARY,
  };
}

function toState(task: Task, { states, summary }: TaskStates): TaskRiskState {
  return {
    task,
    latest: states.map((item) => latestReportWithActualsSchema.parse(item.state)),
    riskReasons: summary.riskReasons,
    announcedCodes: summary.riskAnnounced,
    official: summary.latestReport,
  };
}
