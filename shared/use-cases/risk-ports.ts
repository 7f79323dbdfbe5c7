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

/** What every evaluation needs of the registry. */
export interface AgencyContext {
  memberOf: Memberships;
  agencyNames: Record<string, string>;
}

/** What one evaluation concluded, to be stored on the task's summary. */
export interface Evaluation {
  /** The task's official state (derived from its lead's parts); null before any report. */
  official: LatestReport | null;
  reasons: RiskReason[];
  evaluatedAt: string;
  /** Whether the reasons differ from the stored ones: the risk flag item then follows. */
  reasonsChanged: boolean;
}

export interface RiskRepository {
  /** One task's state, with the registry as it was when the task was read. */
  loadTask(taskId: string): Promise<{ state: TaskRiskState; agencies: AgencyContext } | null>;
  /** Every task of a sector with its state: two queries' worth per page, not one per task. */
  loadSector(sector: Sector): AsyncIterable<TaskRiskState>;
  agencyContext(): Promise<AgencyContext>;
  /**
   * Stores the evaluation on the summary in one write, unless the summary already holds a
   * newer official state (an evaluation of a later report finished first): then false,
   * and nothing is written.
   */
  saveEvaluation(task: Task, evaluation: Evaluation): Promise<boolean>;
  markAnnounced(task: Task, codes: string[]): Promise<void>;
}
