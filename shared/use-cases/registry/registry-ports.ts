/**
 * What the registry's use cases need from storage. The DynamoDB adapters implement these;
 * every write is a conditional single-item operation that converges when retried.
 */
import type { AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import type { Agency, PlanDocument, Task } from '#shared/domain/plan/model.ts';
import type { PlanRecord, PlanStatus, PlanVersion } from '#shared/domain/registry/plan-record.ts';

/** An agency with the revision its stored item is at (for conditional updates). */
export interface StoredAgency {
  agency: Agency;
  revision: number;
}

export interface AgencyRepository {
  /** Every agency, merged and deactivated ones included: the registry is small. */
  listAll(): Promise<StoredAgency[]>;
  /**
   * Writes the agency if its stored revision is still `revision` (null: it must not exist
   * yet); throws ConflictError otherwise.
   */
  save(agency: Agency, revision: number | null): Promise<void>;
}

/** Moves what hangs off an agency to the agency it was merged into. */
export interface AgencyReassignment {
  /** The task links of `fromId` become links of `intoId`. */
  relinkTasks(fromId: string, intoId: string): Promise<number>;
  /** The tokens of `fromId` act for `intoId`. */
  reassignTokens(fromId: string, intoId: string): Promise<number>;
}

/** What an admin may correct in place on a published plan. */
export type PlanCorrection = Partial<
  Pick<
    PlanRecord,
    | 'title'
    | 'number'
    | 'issuingBody'
    | 'issuedOn'
    | 'period'
    | 'status'
    | 'requiresApproval'
    | 'reviewer'
    | 'reportingCalendar'
    | 'reminderDaysBefore'
  >
>;

export interface PlanRepository {
  getPlan(code: string): Promise<PlanRecord | null>;
  getVersion(code: string, version: number): Promise<PlanVersion | null>;
  listVersions(code: string): Promise<PlanVersion[]>;
  /** The tasks of one version of a plan, in table order. */
  tasksOf(code: string, version: number): Promise<Task[]>;
  /**
   * Claims the next version number of the plan (creating its item, unpublished, on the
   * first import): two imports never write the same version.
   */
  claimVersion(document: PlanDocument, status: PlanStatus, at: string): Promise<number>;
  /** Writes one task of a version, with the links to the agencies it names. */
  writeTask(task: Task, version: number): Promise<void>;
  saveVersion(version: PlanVersion): Promise<void>;
  /**
   * Makes `version` current with the document it was imported from, in one conditional
   * step: throws StaleImportError if a newer version is current already.
   */
  publish(document: PlanDocument, version: number, at: string): Promise<PlanRecord>;
  /** Removes what only older versions used (their links) and retired tasks' risk flags. */
  afterPublish(code: string, version: number, retired: readonly string[]): Promise<void>;
  /** Sets a published plan's fields if its revision is still `revision`; ConflictError otherwise. */
  correct(code: string, revision: number, changes: PlanCorrection, at: string): Promise<PlanRecord>;
}

export interface AuditLog {
  /** Appends the entry unless one with its id is there already (a retried action). */
  record(entry: AuditEntry): Promise<void>;
}
