/**
 * Reviewers accept or return reports waiting for them, several at once. Every decision is
 * checked first (the report waits for this reviewer, a return says why), then each is
 * carried out: an accepted report becomes its agency's latest state and is announced, so
 * the task's official state and risks follow; a returned one moves nothing. Deciding the
 * same thing again changes nothing, so a retried request converges.
 */
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import { reviewChanges, type ReviewChange } from '#shared/domain/progress/review.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import { PROGRESS_REPORTED } from '#shared/events/progress-reported.ts';
import type { Review, ReviewRepository } from './collaboration-ports.ts';
import type { Clock, EventPublisher, ReportRepository } from './progress-ports.ts';
import type { AuditLog } from './registry/registry-ports.ts';
import { progressReported } from './submit-report.ts';

export interface ReviewDecision {
  taskId: string;
  reportId: string;
  decision: 'accept' | 'return';
  reason?: string | undefined;
}

export interface ReviewDeps {
  reviews: ReviewRepository;
  reports: ReportRepository;
  events: EventPublisher;
  audit: AuditLog;
  clock: Clock;
}

/** The reviewing agency, or null for an admin, who may decide any review. */
export interface Reviewer {
  agencyId: string | null;
  actor: Actor;
}

export interface DecisionOutcome {
  taskId: string;
  reportId: string;
  state: Review['state'];
  changed: boolean;
}

export async function decideReviews(
  decisions: readonly ReviewDecision[],
  reviewer: Reviewer,
  deps: ReviewDeps,
): Promise<DecisionOutcome[]> {
  const checked = await Promise.all(
    decisions.map(async (decision, index) => {
      const field = `body.decisions.${index}`;
      const review = await deps.reviews.getReview(decision.taskId, decision.reportId);
      const report = await deps.reviews.getReport(decision.taskId, decision.reportId);
      if (!review || !report) {
        throw new NotFoundError(
          'review-not-found',
          `không có báo cáo ${decision.reportId} chờ phê duyệt ở nhiệm vụ ${decision.taskId}`,
          [{ field, reason: 'không có báo cáo chờ phê duyệt này' }],
        );
      }
      if (reviewer.agencyId !== null && review.reviewerId !== reviewer.agencyId) {
        throw new ForbiddenError(
          'not-reviewer',
          `báo cáo ${report.id} do ${review.reviewerId} phê duyệt, không phải ${reviewer.agencyId}`,
        );
      }
      const wanted = decision.decision === 'accept' ? 'accepted' : 'returned';
      if (review.state !== 'pending' && review.state !== wanted) {
        throw new UnprocessableError(
          'review-decided',
          `báo cáo ${report.id} đã được ${review.state === 'accepted' ? 'chấp nhận' : 'trả lại'}`,
          [{ field, reason: `đã ${review.state}` }],
        );
      }
      const reason = decision.reason?.trim() || null;
      if (wanted === 'returned' && !reason) {
        throw new UnprocessableError('reason-required', 'trả lại báo cáo phải nêu lý do', [
          { field: `${field}.reason`, reason: 'bắt buộc khi trả lại' },
        ]);
      }
      return { review, report, wanted, reason } as const;
    }),
  );

  const outcomes: DecisionOutcome[] = [];
  for (const { review, report, wanted, reason } of checked) {
    const at = deps.clock.now().toISOString();
    const by = reviewer.actor.person ?? reviewer.actor.tokenId;
    const changed = await deps.reviews.decide(review, wanted, by, at, reason);
    if (wanted === 'accepted') await accept({ ...report, review: 'accepted' }, deps);
    if (changed) {
      await deps.audit.record({
        id: `review:${report.id}`,
        at,
        action: wanted === 'accepted' ? 'review.accepted' : 'review.returned',
        entity: entityOf.task(report.taskId),
        actor: reviewer.actor,
        before: { reportId: report.id, state: review.state },
        after: { reportId: report.id, state: wanted, reason },
      });
    }
    outcomes.push({ taskId: report.taskId, reportId: report.id, state: wanted, changed });
  }
  return outcomes;
}

/** Accepted: the agency's latest state, and announced (a retry does both again, harmlessly). */
async function accept(report: ProgressReport, deps: ReviewDeps): Promise<void> {
  await deps.reports.recordLatest(report);
  await deps.events.publish([{ detailType: PROGRESS_REPORTED, detail: progressReported(report) }]);
}

/** What a reviewer sees of a waiting report: the report, and what it changes. */
export interface PendingReview {
  review: Review;
  report: ProgressReport;
  changes: ReviewChange[];
}

export async function describePending(
  reviews: readonly Review[],
  deps: Pick<ReviewDeps, 'reviews'>,
): Promise<PendingReview[]> {
  const described: PendingReview[] = [];
  for (const review of reviews) {
    const report = await deps.reviews.getReport(review.taskId, review.reportId);
    if (!report) continue;
    const accepted = await deps.reviews.acceptedState(review.taskId, review.agencyId);
    described.push({ review, report, changes: reviewChanges(report, accepted) });
  }
  return described;
}
