import type { Sector } from '#shared/domain/plan/model.ts';
import type { ReportStatus } from '#shared/domain/progress/report.ts';

export interface TaskFilter {
  sector?: Sector | undefined;
  plan?: string | undefined;
  section?: string | undefined;
  /** Lead or coordinating, as named in the task (not through a collective). */
  agency?: string | undefined;
  /** The task's latest reported status, or `no_report`. */
  status?: ReportStatus | 'no_report' | undefined;
  dueBefore?: string | undefined;
  atRisk?: boolean | undefined;
}
