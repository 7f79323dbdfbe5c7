import type { Sector } from '#shared/domain/plan/model.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import type { ReportSource } from '#shared/domain/rollup/report-timeline.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { TaskRiskState } from './risk-ports.ts';

export interface RollupRepository {
  /** The plans whose tasks are rolled up (published, not drafts). */
  trackedPlans(): Promise<PlanRecord[]>;
  /** Each task of the sector in the given plans, with its current state, read once. */
  loadSector(sector: Sector, plans: readonly string[]): AsyncIterable<TaskRiskState>;
  /**
   * The plans' reports describing each of the periods, whenever they were received: what
   * the rollup reads of each, no more.
   */
  reportsDescribing(
    plans: readonly string[],
    periods: readonly PeriodCode[],
  ): Promise<ReportSource[]>;
  memberships(): Promise<Memberships>;
  /** The sector's newest revision of the period (1 is the official one), or null. */
  latestRevision(period: PeriodCode, sector: Sector): Promise<SectorSnapshot | null>;
  getRevision(period: PeriodCode, sector: Sector, revision: number): Promise<SectorSnapshot | null>;
  getPreliminary(period: PeriodCode, sector: Sector): Promise<SectorSnapshot | null>;
  /** Replaces the sector's preliminary snapshot of the period. */
  savePreliminary(snapshot: SectorSnapshot): Promise<void>;
  /**
   * Stores the revision unless one with its number is stored already (another run took
   * it first); returns what is stored.
   */
  saveRevision(snapshot: SectorSnapshot): Promise<SectorSnapshot>;
}
