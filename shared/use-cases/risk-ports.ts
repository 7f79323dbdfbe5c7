import type { Sector, Task } from '#shared/domain/plan/model.ts';
import type { LatestReport } from '#shared/domain/progress/report.ts';
import type { RiskReason } from '#shared/domain/progress/task-view.ts';
import type { LatestReportWithActuals, Memberships } from '#shared/domain/risk/task-state.ts';

/** What a risk evaluation reads of one task: the task, its holders' latest reports, its flags. */
export interface TaskRiskState {
  task: Task;
  latest: LatestReportWithActuals[];
  /** The reasons stored at the last evaluation. */
  riskReasons: RiskReason[];
  /** The codes the last published event announced: a retry republishes until they match. */
  announcedCodes: string[];
  /** The official state stored on the task's summary at the last evaluation. */
  official: LatestReport | null;
}

export interface RiskRepository {
  loadTask(taskId: string): Promise<TaskRiskState | null>;
  /** Every task of a sector with its state: two queries' worth per page, not one per task. */
  loadSector(sector: Sector): AsyncIterable<TaskRiskState>;
  memberships(): Promise<Memberships>;
  agencyNames(): Promise<Record<string, string>>;
  saveReasons(task: Task, reasons: RiskReason[], evaluatedAt: string): Promise<void>;
  /** Sets the task's official state (derived from its lead's parts) on its summary. */
  saveOfficial(task: Task, official: LatestReport | null): Promise<void>;
  markAnnounced(task: Task, codes: string[]): Promise<void>;
}
