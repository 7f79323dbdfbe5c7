/**
 * The audit trail in the single table. Entries are only ever put, never updated or
 * deleted: no route and no adapter method changes one. Listed by entity (its partition)
 * or by time (one GSI1 partition per month), newest first.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEntrySchema, type AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import type { AuditLog } from '#shared/use-cases/registry/registry-ports.ts';
import { auditKeys } from './keys.ts';
import { mapPage, queryPages, type Page, type PartitionQuery } from './pagination.ts';

export interface AuditFilter {
  entity?: string | undefined;
  /** The acting agency, or the agency the entry is about. */
  agency?: string | undefined;
  person?: string | undefined;
  action?: string | undefined;
  /** Inclusive ISO instants. */
  from: string;
  to: string;
}

/** `2026-03-..` .. `2026-05-..` → `2026-05`, `2026-04`, `2026-03` (newest first). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = to.slice(0, 7).split('-').map(Number) as [number, number];
  const last = from.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const tag = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (tag < last) break;
    months.push(tag);
    [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  }
  return months;
}

/**
 * An entry as the table keeps it. `entity` names the item's type in this table, so the
 * entry's subject is kept as `subject`.
 */
export function auditItem(entry: AuditEntry): Record<string, unknown> {
  return {
    ...auditKeys.entry(entry),
    ...auditEntrySchema.parse(entry),
    subject: entry.entity,
    entity: 'audit',
  };
}

/** Appended once: a retried action finds its entry there. */
export const AUDIT_ENTRY_IS_NEW = 'attribute_not_exists(PK)';

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: auditItem(entry),
          ConditionExpression: AUDIT_ENTRY_IS_NEW,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async list(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
    const range = { ':from': filter.from, ':to': `${filter.to}~` };
    const partitions: PartitionQuery[] = filter.entity
      ? [
          {
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': auditKeys.ofEntity(filter.entity), ...range },
            ScanIndexForward: false,
          },
        ]
      : monthsBetween(filter.from, filter.to).map((month) => ({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': auditKeys.month(month), ...range },
          ScanIndexForward: false,
        }));
    const clauses: string[] = [];
    const values: Record<string, unknown> = {};
    if (filter.agency) {
      clauses.push('(actor.agencyId = :agency OR subject = :agencyEntity)');
      values[':agency'] = filter.agency;
      values[':agencyEntity'] = `agency/${filter.agency}`;
    }
    if (filter.person) {
      clauses.push('actor.person = :person');
      values[':person'] = filter.person;
    }
    if (filter.action) {
      clauses.push('#action = :action');
      values[':action'] = filter.action;
    }
    if (clauses.length > 0) {
      for (const partition of partitions) {
        partition.FilterExpression = clauses.join(' AND ');
        if (filter.action) partition.ExpressionAttributeNames = { '#action': 'action' };
        partition.ExpressionAttributeValues = { ...partition.ExpressionAttributeValues, ...values };
      }
    }
    const page = await queryPages(this.db, partitions, limit, cursor);
    return mapPage(page, (item) => auditEntrySchema.parse({ ...item, entity: item.subject }));
  }
}
