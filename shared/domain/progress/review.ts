/**
 * Approval of reports, on a plan that asks for it: who reviews a report, and what a
 * reviewer sees changed against the last accepted report of the same agency on the task.
 *
 * The reviewing level: a commune's report goes to the department that leads the task
 * (the first lead agency that is not a commune or a collective), a department's (and any
 * other agency's) to the plan's reviewer, the provincial office.
 */
import * as z from 'zod';
import { UnprocessableError } from '../errors.ts';
import type { Agency, Task } from '../plan/model.ts';
import type { PlanRecord } from '../registry/plan-record.ts';
import type { LatestReportWithActuals } from '../risk/task-state.ts';
import { REVIEW_STATES, type ProgressReport } from './report.ts';

/** A report waiting for (or decided by) its reviewer. */
export const reviewSchema = z
  .object({
    reportId: z.string(),
    taskId: z.string(),
    agencyId: z.string(),
    reviewerId: z.string(),
    period: z.string(),
    receivedAt: z.iso.datetime(),
    state: z.enum(REVIEW_STATES),
    decidedAt: z.iso.datetime().nullable().default(null),
    decidedBy: z.string().nullable().default(null),
    reason: z.string().nullable().default(null),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof reviewSchema>;

export function reviewerOf(
  task: Pick<Task, 'id' | 'lead'>,
  reporter: Pick<Agency, 'id' | 'kind'>,
  plan: Pick<PlanRecord, 'code' | 'reviewer'>,
  kindOf: (agencyId: string) => Agency['kind'] | undefined,
): string {
  if (reporter.kind === 'commune') {
    const department = task.lead.find((ref) => {
      const kind = kindOf(ref.id);
      return kind !== undefined && kind !== 'commune' && kind !== 'collective';
    });
    if (department) return department.id;
  }
  if (plan.reviewer && plan.reviewer !== reporter.id) return plan.reviewer;
  throw new UnprocessableError(
    'no-reviewer',
    `kế hoạch ${plan.code} yêu cầu phê duyệt báo cáo nhưng chưa có cơ quan phê duyệt cho báo cáo của ${reporter.id} về nhiệm vụ ${task.id}: quản trị viên đặt reviewer của kế hoạch`,
  );
}

export const reviewChangeSchema = z.object({
  field: z.string(),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});
export type ReviewChange = z.infer<typeof reviewChangeSchema>;

/** What the report changes against the agency's last accepted one (everything, if none). */
export function reviewChanges(
  report: Pick<ProgressReport, 'status' | 'percentComplete' | 'actuals' | 'period'>,
  accepted: LatestReportWithActuals | null,
): ReviewChange[] {
  const changes: ReviewChange[] = [];
  const compare = (
    field: string,
    before: string | number | null,
    after: string | number | null,
  ) => {
    if (before !== after) changes.push({ field, before, after });
  };
  compare('period', accepted?.period ?? null, report.period);
  compare('status', accepted?.status ?? null, report.status);
  compare('percentComplete', accepted?.percentComplete ?? null, report.percentComplete);
  const keys = new Set([...Object.keys(accepted?.actuals ?? {}), ...Object.keys(report.actuals)]);
  for (const key of [...keys].sort()) {
    compare(`actuals.${key}`, accepted?.actuals[key] ?? null, report.actuals[key] ?? null);
  }
  return changes;
}
