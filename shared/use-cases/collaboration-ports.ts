import type { Contribution } from '#shared/domain/progress/contribution.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { Review } from '#shared/domain/progress/review.ts';
import type { LatestReportWithActuals } from '#shared/domain/risk/task-state.ts';

export type { Review };

export interface ContributionRepository {
  /** Stores it unless one with its id is stored; returns what is stored (retries converge). */
  saveContribution(contribution: Contribution, leads: readonly string[]): Promise<Contribution>;
}

export interface ReviewRepository {
  getReview(taskId: string, reportId: string): Promise<Review | null>;
  getReport(taskId: string, reportId: string): Promise<ProgressReport | null>;
  /** The agency's last accepted state of the task (its latest state), if any. */
  acceptedState(taskId: string, agencyId: string): Promise<LatestReportWithActuals | null>;
  /**
   * Moves a pending review to its decision, and the report's `review` with it; false when
   * it was decided already (the same decision again is no change).
   */
  decide(
    review: Review,
    decision: 'accepted' | 'returned',
    by: string,
    at: string,
    reason: string | null,
  ): Promise<boolean>;
}
