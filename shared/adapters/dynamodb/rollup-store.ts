/**
 * Snapshots and the reads a rollup needs. Reading is O(tasks of the sector's plans +
 * reports describing the period): the tasks and their latest states come from the
 * sector's partitions, the reports from one partition per plan and period described
 * (progressKeys.reportsDescribing), never from every report written.
 *
 * A snapshot of a large province exceeds DynamoDB's 400 KB item limit, so it is stored
 * gzipped in immutable parts named by its content digest, then a head item points at
 * them. The head is one conditional write: readers see a whole snapshot or none. A
 * revision's head is written once (`attribute_not_exists`) and never replaced; the
 * preliminary head is replaced by each run before the deadline.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import { progressReportSchema } from '#shared/domain/progress/report.ts';
import { REPORT_SOURCE_FIELDS, type ReportSource } from '#shared/domain/rollup/report-timeline.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import { snapshotSchema, type SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import type { RollupRepository } from '#shared/use-cases/rollup-ports.ts';
import { progressKeys, rollupKeys } from './keys.ts';
import { queryAll, queryEach } from './pagination.ts';
import type { DynamoRiskStore } from './risk-store.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

/** What the rollup reads of a report, checked as it leaves the store. */
const reportSourceSchema = progressReportSchema.pick({
  id: true,
  taskId: true,
  agencyId: true,
  status: true,
  percentComplete: true,
  period: true,
  receivedAt: true,
  timeliness: true,
  actuals: true,
  review: true,
} satisfies Record<(typeof REPORT_SOURCE_FIELDS)[number], true>);

/** The projection of the rollup's report reads (the benchmark's raw read asks the same). */
export const REPORT_SOURCE_PROJECTION = {
  ProjectionExpression: REPORT_SOURCE_FIELDS.map((_, i) => `#f${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(
    REPORT_SOURCE_FIELDS.map((name, i) => [`#f${i}`, name]),
  ),
};

const NO_ACTUALS: Readonly<Record<string, number>> = Object.freeze({});

/**
 * Reports repeat a few values (a task's id, an agency's, a period, a status) hundreds of
 * thousands of times in a large province: each kept once, and one empty object for the
 * reports that carry no actuals, the rollup holds a sector's reports in a third of the
 * memory.
 */
function compactor(): (report: ReportSource) => ReportSource {
  const seen = new Map<string, string>();
  const once = (value: string) => {
    const kept = seen.get(value);
    if (kept !== undefined) return kept;
    seen.set(value, value);
    return value;
  };
  return (report) => ({
    ...report,
    taskId: once(report.taskId),
    agencyId: once(report.agencyId),
    status: once(report.status) as ReportSource['status'],
    period: once(report.period),
    timeliness: once(report.timeliness) as ReportSource['timeliness'],
    actuals: Object.keys(report.actuals).length === 0 ? NO_ACTUALS : report.actuals,
  });
}

/** Well under DynamoDB's 400 KB item limit, leaving room for the keys. */
const PART_BYTES = 300 * 1024;
/** The report partitions of a rollup are independent: a few at a time. */
const READ_CONCURRENCY = 4;

type HeadKey = { PK: string; SK: string };

export class DynamoRollupStore implements RollupRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly risks: DynamoRiskStore,
    private readonly catalog: DynamoTaskCatalog,
  ) {}

  trackedPlans(): Promise<PlanRecord[]> {
    return this.catalog.trackedPlans();
  }

  loadSector(sector: Sector, plans: readonly string[]): AsyncIterable<TaskRiskState> {
    return this.risks.loadSector(sector, plans);
  }

  async memberships(): Promise<Memberships> {
    return (await this.catalog.registry()).memberOf;
  }

  /**
   * Only the attributes the rollup reads, each page turned into them as it comes: the
   * partitions of a large province hold hundreds of thousands of reports, whose narratives
   * and obstacles the rollup never reads.
   */
  async reportsDescribing(
    plans: readonly string[],
    periods: readonly PeriodCode[],
  ): Promise<ReportSource[]> {
    const limit = pLimit(READ_CONCURRENCY);
    const partitions = plans.flatMap((plan) =>
      periods.map((period) => progressKeys.reportsDescribing(plan, period)),
    );
    const sources: ReportSource[] = [];
    const compact = compactor();
    await Promise.all(
      partitions.map((partition) =>
        limit(async () => {
          for await (const page of queryEach(this.db, {
            TableName: this.tableName,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': partition },
            ...REPORT_SOURCE_PROJECTION,
          })) {
            for (const item of page) sources.push(compact(reportSourceSchema.parse(item)));
          }
        }),
      ),
    );
    return sources;
  }

  async latestRevision(period: PeriodCode, sector: Sector): Promise<SectorSnapshot | null> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': rollupKeys.period(period),
          ':prefix': rollupKeys.revisionPrefix(sector),
        },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const [head] = Items ?? [];
    return head ? this.snapshotOf(head, sector) : null;
  }

  getRevision(
    period: PeriodCode,
    sector: Sector,
    revision: number,
  ): Promise<SectorSnapshot | null> {
    return this.read(rollupKeys.revision(period, sector, revision), sector);
  }

  getPreliminary(period: PeriodCode, sector: Sector): Promise<SectorSnapshot | null> {
    return this.read(rollupKeys.preliminary(period, sector), sector);
  }

  async savePreliminary(snapshot: SectorSnapshot): Promise<void> {
    await this.write(rollupKeys.preliminary(snapshot.period, snapshot.sector), snapshot, false);
  }

  async saveRevision(snapshot: SectorSnapshot): Promise<SectorSnapshot> {
    const key = rollupKeys.revision(snapshot.period, snapshot.sector, snapshot.revision);
    try {
      await this.write(key, snapshot, true);
      return snapshot;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = await this.read(key, snapshot.sector);
      if (!stored) throw error;
      return stored;
    }
  }

  private async read(key: HeadKey, sector: Sector): Promise<SectorSnapshot | null> {
    const { Item: head } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return head ? this.snapshotOf(head, sector) : null;
  }

  private async snapshotOf(head: Record<string, unknown>, sector: Sector): Promise<SectorSnapshot> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': head.PK,
        ':prefix': rollupKeys.partPrefix(sector, String(head.digest)),
      },
      ConsistentRead: true,
    });
    const parts = items.map((item) => item.data as Uint8Array);
    if (parts.length !== Number(head.parts))
      throw new Error(`snapshot ${String(head.PK)} ${String(head.SK)} is missing parts`);
    return snapshotSchema.parse(JSON.parse(gunzipSync(Buffer.concat(parts)).toString('utf8')));
  }

  /** Writes the parts, then the head; `once`: the head must not exist yet. */
  private async write(key: HeadKey, snapshot: SectorSnapshot, once: boolean): Promise<void> {
    const json = JSON.stringify(snapshot);
    const digest = createHash('sha256').update(json).digest('base64url').slice(0, 22);
    const body = gzipSync(json);
    const partCount = Math.max(1, Math.ceil(body.byteLength / PART_BYTES));
    for (let index = 0; index < partCount; index++) {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...rollupKeys.part(key, snapshot.sector, digest, index),
            entity: 'snapshotPart',
            data: body.subarray(index * PART_BYTES, (index + 1) * PART_BYTES),
          },
        }),
      );
    }
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...key,
          entity: 'snapshot',
          status: snapshot.status,
          revision: snapshot.revision,
          computedAt: snapshot.computedAt,
          digest,
          parts: partCount,
        },
        ...(once ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
      }),
    );
  }
}
