import type { AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { CurrentTask } from '#shared/domain/registry/current-task.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';

export interface TaskReader {
  /** The task from its plan's current version (or retired by it), with its plan. */
  getTask(taskId: string): Promise<CurrentTask | null>;
}

/**
 * What filing a report leaves besides its audit entry: its agency's latest state, or, on
 * a plan that requires approval, its place in its reviewer's inbox.
 */
export type FollowUp = { kind: 'latest-state' } | { kind: 'review'; reviewerId: string };

/** A report with what filing it leaves. */
export interface ReportFiling {
  report: ProgressReport;
  /** A digest of the request that files it: a retry must send the same. */
  fingerprint: string;
  /** Its entry in the audit trail. */
  audit: AuditEntry;
  followUp: FollowUp;
}

/** What a stored report's filing must have left: its audit entry and, if any, its follow-up. */
export interface FilingRemainder {
  report: ProgressReport;
  audit: AuditEntry;
  followUp: FollowUp | null;
}

export interface FiledReport {
  /** The report as stored: this one, or the one filed before under the same id. */
  report: ProgressReport;
  /** The stored report's request digest; null for reports filed before digests were kept. */
  fingerprint: string | null;
  /** False when a report with this id was stored already, and nothing was written. */
  filed: boolean;
}

export interface ReportRepository {
  /**
   * Files the report with its audit entry and either its agency's latest state (unless a
   * newer one is there) or its review, all or nothing; or, when a report with the same id
   * is stored already, writes nothing and returns that one.
   */
  fileReport(filing: ReportFiling): Promise<FiledReport>;
  /** The report filed under this id, if any. */
  findFiled(reportId: string): Promise<FiledReport | null>;
  /**
   * Writes what a stored report's filing left undone, if anything (each write converges):
   * a retry's due when an earlier attempt may have been cut short.
   */
  completeFiling(filing: FilingRemainder): Promise<void>;
  /** Records the report as its agency's latest state of the task unless a newer one is. */
  recordLatest(report: ProgressReport): Promise<void>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}
