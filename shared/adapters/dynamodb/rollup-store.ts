/**
 * Snapshots and the reads a rollup needs. Reading is O(tasks in the sector + reports in
 * the window): the tasks and their latest states come from the sector's partitions, the
 * reports from the months of receipt the window touches, never from every report written.
 *
 * A snapshot of a large province exceeds DynamoDB's 400 KB item limit, so it is stored
 * gzipped in immutable parts named by its content digest, then a head item points at them.
 * The head is one conditional write: readers see the old snapshot or the new, never half.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays, compareIso, endOfDayInstant, type DateRange } from '#shared/domain/calendar.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import { progressReportSchema, type ProgressReport } from '#shared/domain/progress/report.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import { snapshotSchema, type SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { TaskRiskState } from '#shared/use-cases/risk-ports.ts';
import type { RollupRepository } from '#shared/use-cases/rollup-ports.ts';
import { progressKeys, rollupKeys } from './keys.ts';
import { queryAll } from './pagination.ts';
import type { DynamoRiskStore } from './risk-store.ts';

/** Well under DynamoDB's 400 KB item limit, leaving room for the keys. */
const PART_BYTES = 300 * 1024;

/** The first instant of a province day, as an ISO string in UTC. */
const startOfDayInstant = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();

/** `2026-06-15 .. 2026-09-14` → `2026-06`, `2026-07`, `2026-08`, `2026-09`. */
function monthsOf(window: DateRange): string[] {
  const months: string[] = [];
  for (
    let day = `${window.start.slice(0, 7)}-01`;
    compareIso(day, window.end) <= 0;
    day = addDays(day, 32).slice(0, 8) + '01'
  ) {
    months.push(day.slice(0, 7));
  }
  return months;
}

export class DynamoRollupStore implements RollupRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly risks: DynamoRiskStore,
  ) {}

  loadSector(sector: Sector): AsyncIterable<TaskRiskState> {
    return this.risks.loadSector(sector);
  }

  memberships(): Promise<Memberships> {
    return this.risks.memberships();
  }

  async reportsReceived(sector: Sector, window: DateRange): Promise<ProgressReport[]> {
    const from = startOfDayInstant(window.start);
    const to = endOfDayInstant(window.end).toISOString();
    const reports: ProgressReport[] = [];
    for (const month of monthsOf(window)) {
      const items = await queryAll(this.db, {
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
        // `~` sorts after every character of a report id: the whole last millisecond is in.
        ExpressionAttributeValues: {
          ':pk': progressKeys.reportsReceived(sector, month),
          ':from': from,
          ':to': `${to}~`,
        },
      });
      reports.push(...items.map((item) => progressReportSchema.parse(item)));
    }
    return reports;
  }

  async getSnapshot(
    quarter: string,
    cutoff: ReportingCutoff,
    sector: Sector,
  ): Promise<SectorSnapshot | null> {
    const key = rollupKeys.snapshot(quarter, cutoff, sector);
    const { Item: head } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    if (!head) return null;
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': key.PK,
        ':prefix': rollupKeys.partPrefix(sector, String(head.digest)),
      },
      ConsistentRead: true,
    });
    const parts = items.map((item) => item.data as Uint8Array);
    if (parts.length !== Number(head.parts))
      throw new Error(`snapshot ${key.PK} ${key.SK} is missing parts`);
    return snapshotSchema.parse(JSON.parse(gunzipSync(Buffer.concat(parts)).toString('utf8')));
  }

  async saveSnapshot(snapshot: SectorSnapshot): Promise<SectorSnapshot> {
    const key = rollupKeys.snapshot(snapshot.quarter, snapshot.cutoff, snapshot.sector);
    const json = JSON.stringify(snapshot);
    const digest = createHash('sha256').update(json).digest('base64url').slice(0, 22);
    const body = gzipSync(json);
    const partCount = Math.max(1, Math.ceil(body.byteLength / PART_BYTES));
    for (let index = 0; index < partCount; index++) {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: key.PK,
            SK: `${rollupKeys.partPrefix(snapshot.sector, digest)}${String(index).padStart(4, '0')}`,
            entity: 'snapshotPart',
            data: body.subarray(index * PART_BYTES, (index + 1) * PART_BYTES),
          },
        }),
      );
    }
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key,
            entity: 'snapshot',
            status: snapshot.status,
            computedAt: snapshot.computedAt,
            digest,
            parts: partCount,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR #status <> :closed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed' },
        }),
      );
      return snapshot;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = await this.getSnapshot(snapshot.quarter, snapshot.cutoff, snapshot.sector);
      if (!stored) throw error;
      return stored;
    }
  }
}
