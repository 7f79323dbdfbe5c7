/**
 * Risk state in the single table: the current reasons on the task item (for reads and the
 * `atRisk` filter), a sparse flag item per task at risk (for GET /risks), and the codes
 * last announced on the bus.
 */
import {
  DeleteCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { agencySchema, taskSchema, type Sector, type Task } from '#shared/domain/plan/model.ts';
import { latestReportWithActualsSchema } from '#shared/domain/progress/report.ts';
import { riskReasonSchema, type RiskReason } from '#shared/domain/progress/task-view.ts';
import { riskFlagSchema, type RiskFlag } from '#shared/domain/risk/risk-flag.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { RiskRepository, TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import { keys, progressKeys, riskKeys } from './keys.ts';
import { queryAll, queryPages, type Page, type PartitionQuery } from './pagination.ts';

const riskFieldsSchema = z.object({
  riskReasons: z.array(riskReasonSchema).default([]),
  riskAnnounced: z.array(z.string()).default([]),
});

export interface RiskFilter {
  sector?: Sector | undefined;
  agency?: string | undefined;
  reason?: string | undefined;
}

const MEMBERSHIPS_TTL_MS = 5 * 60 * 1000;

export class DynamoRiskStore implements RiskRepository {
  private cachedMemberships: { at: number; value: Promise<Memberships> } | undefined;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async loadTask(taskId: string): Promise<TaskRiskState | null> {
    const [taskItem] = await queryAll(this.db, this.partition(taskId, 'TASK', true));
    if (!taskItem) return null;
    return this.toState(
      taskItem,
      await queryAll(this.db, this.partition(taskId, progressKeys.statePrefix)),
    );
  }

  async *loadSector(sector: Sector): AsyncIterable<TaskRiskState> {
    const states = new Map<string, Record<string, unknown>[]>();
    for (const item of await queryAll(
      this.db,
      this.index('GSI2', progressKeys.statesOfSector(sector)),
    )) {
      const list = states.get(String(item.taskId)) ?? [];
      list.push(item);
      states.set(String(item.taskId), list);
    }
    let cursor: string | undefined;
    do {
      const page = await queryPages(
        this.db,
        [this.index('GSI2', `SECTOR#${sector}`, 'TASK#')],
        500,
        cursor,
      );
      for (const taskItem of page.items)
        yield this.toState(taskItem, states.get(String(taskItem.id)) ?? []);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * Agencies change rarely and every evaluation needs them: read once per container and
   * kept for a few minutes (the same bound as the authorizer's cache of a token's agency).
   */
  memberships(): Promise<Memberships> {
    const now = Date.now();
    if (!this.cachedMemberships || now - this.cachedMemberships.at > MEMBERSHIPS_TTL_MS) {
      const loading = queryAll(this.db, this.index('GSI1', 'AGENCIES')).then((agencies) =>
        Object.fromEntries(
          agencies.map((item) => agencySchema.parse(item)).map((a) => [a.id, a.memberOf]),
        ),
      );
      this.cachedMemberships = { at: now, value: loading };
      loading.catch(() => (this.cachedMemberships = undefined));
    }
    return this.cachedMemberships.value;
  }

  async saveReasons(task: Task, reasons: RiskReason[], evaluatedAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: keys.taskPk(task.id), SK: 'TASK' },
        UpdateExpression: 'SET riskReasons = :reasons, riskEvaluatedAt = :at',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':reasons': reasons, ':at': evaluatedAt },
      }),
    );
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
      agencyIds: [...new Set([...task.lead, ...task.coordinating].map((ref) => ref.id))],
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

  async markAnnounced(taskId: string, codes: string[]): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: keys.taskPk(taskId), SK: 'TASK' },
        UpdateExpression: 'SET riskAnnounced = :codes',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':codes': codes },
      }),
    );
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

  private toState(
    taskItem: Record<string, unknown>,
    stateItems: Record<string, unknown>[],
  ): TaskRiskState {
    const risk = riskFieldsSchema.parse(taskItem);
    return {
      task: taskSchema.parse(taskItem),
      latest: stateItems.map((item) => latestReportWithActualsSchema.parse(item.state)),
      riskReasons: risk.riskReasons,
      announcedCodes: risk.riskAnnounced,
    };
  }

  private partition(taskId: string, sortPrefix: string, exact = false): PartitionQuery {
    return {
      TableName: this.tableName,
      KeyConditionExpression: exact ? 'PK = :pk AND SK = :sk' : 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.taskPk(taskId), ':sk': sortPrefix },
    };
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
