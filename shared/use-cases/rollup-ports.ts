import type { DateRange } from '#shared/domain/calendar.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { TaskRiskState } from './risk-ports.ts';

export interface RollupRepository {
  /** Each task of the sector with its current state, read once. */
  loadSector(sector: Sector): AsyncIterable<TaskRiskState>;
  /** The sector's reports received within the window (province days, inclusive). */
  reportsReceived(sector: Sector, window: DateRange): Promise<ProgressReport[]>;
  memberships(): Promise<Memberships>;
  getSnapshot(
    quarter: string,
    cutoff: ReportingCutoff,
    sector: Sector,
  ): Promise<SectorSnapshot | null>;
  /** Stores the snapshot unless a closed one is stored already; returns what is stored. */
  saveSnapshot(snapshot: SectorSnapshot): Promise<SectorSnapshot>;
}
