/**
 * Reports and what they leave. A report is filed in one TransactWriteItems: the report,
 * put only if no report has its id (the id is derived from the request's idempotency key,
 * so this is the idempotency check too), its audit entry, and either its agency's latest
 * state (forward only) or its place in the reviewer's inbox: all of them or none.
 *
 * A transaction bills each write twice; it is used here because the three must be whole:
 * an accepted report without its audit entry, or whose agency still shows an older state,
 * is what a crash between single writes would leave if the client never retried. Single
 * conditional writes remain for what converges when redone: completing a stored report's
 * filing on a retry (the local store's transactions are not atomic against a crash), and
 * the latest state a reviewer's acceptance sets.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  latestReportOf,
  progressReportSchema,
  type ProgressReport,
} from '#shared/domain/progress/report.ts';
import type { CurrentTask } from '#shared/domain/registry/current-task.ts';
import type { AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import type {
  FiledReport,
  FilingRemainder,
  FollowUp,
  ReportFiling,
  ReportRepository,
  TaskReader,
} from '#shared/use-cases/progress-ports.ts';
import { AUDIT_ENTRY_IS_NEW, auditItem } from './audit-store.ts';
import { pendingReviewItem, type DynamoCollaborationStore } from './collaboration-store.ts';
import { progressKeys } from './keys.ts';
import type { DynamoTaskCatalog } from './task-catalog.ts';

/** The attribute keeping a digest of the request a report was filed by (not part of it). */
const FINGERPRINT = 'requestFingerprint';
const REPORT_IS_NEW = 'attribute_not_exists(PK)';
/** Moves a latest state forward only: ordered by receipt time, then report id. */
const STATE_IS_OLDER =
  'attribute_not_exists(#state) OR #state = :null OR #state.receivedAt < :received OR (#state.receivedAt = :received AND #state.reportId < :id)';

type Write = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoProgressStore implements TaskReader, ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly catalog: DynamoTaskCatalog,
    private readonly collaboration: DynamoCollaborationStore,
  ) {}

  getTask(taskId: string): Promise<CurrentTask | null> {
    return this.catalog.getTask(taskId);
  }

  async fileReport(filing: ReportFiling): Promise<FiledReport> {
    const { report, audit, follow } = this.writes(filing);
    try {
      await this.transact([report, audit, follow]);
      return { report: filing.report, fingerprint: filing.fingerprint, filed: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons[0] === 'ConditionalCheckFailed') return this.stored(filing.report.id, error);
      if (reasons[2] !== 'ConditionalCheckFailed') throw error;
    }
    // A newer report of the same agency is its latest state already: this one is filed
    // without moving it.
    try {
      await this.transact([report, audit]);
      return { report: filing.report, fingerprint: filing.fingerprint, filed: true };
    } catch (error) {
      if (cancellationReasons(error)[0] !== 'ConditionalCheckFailed') throw error;
      return this.stored(filing.report.id, error);
    }
  }

  async findFiled(reportId: string): Promise<FiledReport | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: progressKeys.reportKey(reportId),
        ConsistentRead: true,
      }),
    );
    return Item ? filedReportOf(Item) : null;
  }

  /** Each write on its own, a condition that fails meaning it was done already. */
  async completeFiling(filing: FilingRemainder): Promise<void> {
    const audit = this.auditWrite(filing.audit);
    const follow = filing.followUp && this.followUpWrite(filing.report, filing.followUp);
    for (const write of follow ? [audit, follow] : [audit]) {
      try {
        if (write.Put) await this.db.send(new PutCommand(write.Put));
        if (write.Update) await this.db.send(new UpdateCommand(write.Update));
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }

  async recordLatest(report: ProgressReport): Promise<void> {
    try {
      await this.db.send(new UpdateCommand(this.latestStateUpdate(report)));
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  awaitReview(report: ProgressReport, reviewerId: string): Promise<void> {
    return this.collaboration.awaitReview(report, reviewerId);
  }

  /** The report, its audit entry, and its agency's state or its review, as writes. */
  private writes(filing: ReportFiling) {
    const { report } = filing;
    return {
      report: this.reportWrite(filing),
      audit: this.auditWrite(filing.audit),
      follow: this.followUpWrite(report, filing.followUp),
    };
  }

  private reportWrite({ report, fingerprint }: ReportFiling): Write {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...progressKeys.report(report),
          entity: 'report',
          ...report,
          [FINGERPRINT]: fingerprint,
        },
        ConditionExpression: REPORT_IS_NEW,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private auditWrite(entry: AuditEntry): Write {
    return {
      Put: {
        TableName: this.tableName,
        Item: auditItem(entry),
        ConditionExpression: AUDIT_ENTRY_IS_NEW,
      },
    };
  }

  private followUpWrite(report: ProgressReport, followUp: FollowUp): Write {
    return followUp.kind === 'latest-state'
      ? { Update: this.latestStateUpdate(report) }
      : {
          Put: {
            TableName: this.tableName,
            Item: pendingReviewItem(report, followUp.reviewerId),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        };
  }

  /** The agency's own state, moving forward only; index keys set with it. */
  private latestStateUpdate(report: ProgressReport) {
    const { PK, SK, GSI2PK, GSI2SK } = progressKeys.latestState(
      report.taskId,
      report.plan,
      report.agencyId,
    );
    return {
      TableName: this.tableName,
      Key: { PK, SK },
      UpdateExpression:
        'SET #state = :state, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk, taskId = :taskId, entity = :entity',
      ConditionExpression: STATE_IS_OLDER,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':state': { ...latestReportOf(report), actuals: report.actuals },
        ':received': report.receivedAt,
        ':id': report.id,
        ':null': null,
        ':gsi2pk': GSI2PK,
        ':gsi2sk': GSI2SK,
        ':taskId': report.taskId,
        ':entity': 'taskState',
      },
    };
  }

  private async transact(writes: Write[]): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: writes }));
  }

  /** The report stored under this id: from the cancellation when it carries it, else read. */
  private async stored(reportId: string, cancellation: unknown): Promise<FiledReport> {
    const raw = (cancellation as TransactionCanceledException).CancellationReasons?.[0]?.Item;
    const item = raw
      ? unmarshall(raw as Record<string, AttributeValue>)
      : (
          await this.db.send(
            new GetCommand({
              TableName: this.tableName,
              Key: progressKeys.reportKey(reportId),
              ConsistentRead: true,
            }),
          )
        ).Item;
    if (!item) throw new Error(`report ${reportId} was refused as stored, yet is not`);
    return filedReportOf(item);
  }
}

/** A stored report item: the report and the digest of the request that filed it. */
function filedReportOf(item: Record<string, unknown>): FiledReport {
  const fingerprint = item[FINGERPRINT];
  return {
    report: progressReportSchema.parse(item),
    fingerprint: typeof fingerprint === 'string' ? fingerprint : null,
    filed: false,
  };
}

/** The code of each item's cancellation, or none when the error is not a cancellation. */
function cancellationReasons(error: unknown): (string | undefined)[] {
  if (!(error instanceof TransactionCanceledException)) return [];
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}
