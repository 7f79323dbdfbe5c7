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
import type { Sector, Task } from '#shared/domain/plan/model.ts';
import { latestReportWithActualsSchema } from '#shared/domain/progress/report.ts';
import type { LatestReportWithActuals } from '#shared/domain/risk/task-state.ts';
import {
  EMPTY_SUMMARY,
  taskSummarySchema,
  type RiskReason,
  type TaskSummary,
} from '#shared/domain/progress/task-view.ts';
import { riskFlagSchema, type RiskFlag } from '#shared/domain/risk/risk-flag.ts';
import type { Evaluation, RiskRepository, TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import { keys, progressKeys, riskKeys } from './keys.ts';
import { indexQuery, queryAll, mapPage, queryEach, queryPages, type Page } from './pagination.ts';
import { agencyIdsOf } from './plan-store.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

export interface RiskFilter {
  sector?: Sector | undefined;
  agency?: string | undefined;
  reason?: string | undefined;
}

/** What one plan's state partition holds for one task: its agencies' states and its summary. */
interface TaskStates {
  states: LatestReportWithActuals[];
  summary: TaskSummary;
}

export class DynamoRiskStore implements RiskRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
  ) {}

  /**
   * Two reads: the plan, the task's version and the registry's stamp in one batch (the
   * registry itself is cached per container), then the agencies' states and the summary.
   */
  async loadTask(taskId: string) {
    const read = await this.catalog.getTaskWithRegistry(taskId);
    if (!read || read.current.retired) return null;
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
    const { memberOf, nameById } = read.registry;
    return {
      state: toState(read.current.task, collect(items)),
      agencies: { memberOf, agencyNames: nameById },
    };
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

  async agencyContext() {
    const { memberOf, nameById } = await this.catalog.registry();
    return { memberOf, agencyNames: nameById };
  }

  /**
   * One update of the summary; forward only, by the newest report the official state was
   * derived from, since evaluations of reports that came in together may finish in any
   * order and a stale one must not win. Then the risk flag, when the reasons changed.
   */
  async saveEvaluation(task: Task, evaluation: Evaluation): Promise<boolean> {
    const { official, reasons, evaluatedAt } = evaluation;
    try {
      await this.updateSummary(
        task,
        `SET riskReasons = :reasons, riskEvaluatedAt = :at${official ? ', latestReport = :official' : ''}`,
        {
          ':reasons': reasons,
          ':at': evaluatedAt,
          ...(official && {
            ':official': official,
            ':received': official.receivedAt,
            ':id': official.reportId,
            ':null': null,
          }),
        },
        official
          ? 'attribute_not_exists(latestReport) OR latestReport = :null OR latestReport.receivedAt < :received OR (latestReport.receivedAt = :received AND latestReport.reportId <= :id)'
          : undefined,
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return false;
    }
    if (evaluation.reasonsChanged) await this.saveFlag(task, reasons, evaluatedAt);
    return true;
  }

  /** The sparse flag GET /risks lists: present while the task is at risk. */
  private async saveFlag(task: Task, reasons: RiskReason[], evaluatedAt: string): Promise<void> {
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

  async markAnnounced(task: Task, codes: string[]): Promise<void> {
    await this.updateSummary(task, 'SET riskAnnounced = :codes', { ':codes': codes });
  }

  async listFlags(filter: RiskFilter, limit: number, cursor?: string): Promise<Page<RiskFlag>> {
    const query = indexQuery(
      this.tableName,
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
    return mapPage(page, (item) => riskFlagSchema.parse(item));
  }

  /** Page by page, each item parsed as it comes: a large plan's partition is never held raw. */
  private async statesOfPlan(plan: string): Promise<Map<string, TaskStates>> {
    const byTask = new Map<string, TaskStates>();
    for await (const page of queryEach(
      this.db,
      indexQuery(this.tableName, 'GSI2', progressKeys.statesOfPlan(plan)),
    )) {
      for (const item of page) {
        const taskId = String(item.taskId);
        const entry = byTask.get(taskId) ?? { states: [], summary: EMPTY_SUMMARY };
        const parsed = collect([item]);
        entry.states.push(...parsed.states);
        if (item.SK === progressKeys.summarySk) entry.summary = parsed.summary;
        byTask.set(taskId, entry);
      }
    }
    return byTask;
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
}

/** A task's items (its agencies' STATE# items and its SUMMARY), parsed: the raw items go. */
function collect(items: Record<string, unknown>[]): TaskStates {
  const summary = items.find((item) => item.SK === progressKeys.summarySk);
  return {
    states: items
      .filter((item) => String(item.SK).startsWith(progressKeys.statePrefix))
      .map((item) => latestReportWithActualsSchema.parse(item.state)),
    summary: summary ? taskSummarySchema.parse(summary) : EMPTY_SUMMARY,
  };
}

function toState(task: Task, { states, summary }: TaskStates): TaskRiskState {
  return {
    task,
    latest: states,
    riskReasons: summary.riskReasons,
    announcedCodes: summary.riskAnnounced,
    official: summary.latestReport,
  };
}
