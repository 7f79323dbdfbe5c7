/** Response schemas for the OpenAPI document (the handlers build these shapes). */
import * as z from 'zod';
import { jobSchema } from '#shared/domain/jobs/job.ts';
import { auditEntrySchema } from '#shared/domain/audit/audit-entry.ts';
import {
  agencySchema,
  importWarningSchema,
  planDocumentSchema,
  taskSchema,
} from '#shared/domain/plan/model.ts';
import { planRecordSchema, planVersionSchema } from '#shared/domain/registry/plan-record.ts';
import { contributionSchema } from '#shared/domain/progress/contribution.ts';
import { progressReportSchema } from '#shared/domain/progress/report.ts';
import { reviewChangeSchema, reviewSchema } from '#shared/domain/progress/review.ts';
import {
  reportViewSchema,
  taskDetailSchema,
  taskViewSchema,
} from '#shared/domain/progress/task-view.ts';
import { riskFlagSchema } from '#shared/domain/risk/risk-flag.ts';
import { indicatorFiguresSchema } from '#shared/domain/indicator/figures.ts';
import { indicatorSchema } from '#shared/domain/indicator/indicator.ts';
import { indicatorValueSchema } from '#shared/domain/indicator/indicator-value.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import { rollupCompletedV2Schema } from '#shared/events/rollup-completed.ts';
import { targetLinkViewSchema } from '#shared/use-cases/indicators/plan-links.ts';
import { reminderRunSchema } from '#shared/use-cases/reminders/run-reminders.ts';

export const problemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    message: z.string().optional().meta({
      description:
        "On answers of the gateway itself (401, 403, 404, 413, 429, 5xx): API Gateway's own message, kept for clients that read it",
    }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

const versionDiffSchema = z
  .object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    unchanged: z.array(z.string()),
    retired: z.array(z.string()),
  })
  .meta({ id: 'VersionDiff' });

const unresolvedNameSchema = z
  .object({
    name: z.string(),
    cells: z.array(z.object({ file: z.string(), line: z.number(), column: z.string() })),
    suggestions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
  })
  .meta({ id: 'UnresolvedName' });

export const importResultSchema = z
  .object({
    dryRun: z.literal(false),
    plan: planRecordSchema,
    outcome: z.enum(['created', 'updated', 'unchanged']),
    version: z.number().int(),
    tasks: versionDiffSchema,
    agencyChanges: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
    warnings: z.array(importWarningSchema),
  })
  .meta({ id: 'ImportResult' });

export const importPreviewSchema = z
  .object({
    dryRun: z.literal(true),
    plan: planDocumentSchema,
    tasks: z.array(taskSchema),
    agencies: z.array(agencySchema),
    unresolved: z.array(unresolvedNameSchema),
    warnings: z.array(importWarningSchema),
    agencyChanges: z.object({ created: z.array(agencySchema), updated: z.array(agencySchema) }),
    changes: versionDiffSchema,
  })
  .meta({ id: 'ImportPreview' });

const indicatorView = indicatorSchema
  .extend({ revision: z.number().int().positive() })
  .meta({ id: 'IndicatorView' });

export const responses = {
  contribution: contributionSchema,
  contributionPage: pageOf(contributionSchema, 'ContributionPage'),
  pendingReviewPage: pageOf(
    z
      .object({
        review: reviewSchema,
        report: progressReportSchema,
        changes: z.array(reviewChangeSchema),
      })
      .meta({ id: 'PendingReview' }),
    'PendingReviewPage',
  ),
  reviewOutcomes: z
    .object({
      items: z.array(
        z.object({
          taskId: z.string(),
          reportId: z.string(),
          state: z.enum(['pending', 'accepted', 'returned']),
          changed: z.boolean(),
        }),
      ),
    })
    .meta({ id: 'ReviewOutcomes' }),
  taskPage: pageOf(taskViewSchema, 'TaskPage'),
  taskDetail: taskDetailSchema,
  reportPage: pageOf(reportViewSchema, 'ReportPage'),
  report: progressReportSchema,
  planList: pageOf(planRecordSchema, 'PlanList'),
  plan: planRecordSchema.extend({ taskIds: z.array(z.string()) }).meta({ id: 'PlanDetail' }),
  planRecord: planRecordSchema,
  planVersions: pageOf(planVersionSchema, 'PlanVersionList'),
  agency: agencySchema,
  agencyPage: pageOf(agencySchema, 'AgencyPage'),
  agencyMerge: z
    .object({
      survivor: agencySchema,
      merged: agencySchema,
      linksMoved: z.number().int(),
      tokensMoved: z.number().int(),
    })
    .meta({ id: 'AgencyMergeResult' }),
  auditPage: pageOf(auditEntrySchema, 'AuditPage'),
  agencyTaskPage: pageOf(
    taskViewSchema.extend({ role: z.enum(['lead', 'coordinating']) }),
    'AgencyTaskPage',
  ),
  importResult: importResultSchema,
  importPreview: importPreviewSchema,
  riskPage: pageOf(riskFlagSchema, 'RiskFlagPage'),
  riskScan: z
    .object({
      evaluated: z.number(),
      atRiskBySector: z.record(z.string(), z.number()),
      flagged: z.number(),
      cleared: z.number(),
    })
    .meta({ id: 'RiskScanSummary' }),
  rollupRun: rollupCompletedV2Schema
    .pick({ period: true, sectors: true })
    .meta({ id: 'RollupRun' }),
  rollupPeriod: z
    .object({ period: periodCodeSchema, sectors: z.array(snapshotSchema) })
    .meta({ id: 'PeriodRollup' }),
  figures: z
    .object({
      period: periodCodeSchema,
      label: z.string(),
      computedAt: z.iso.datetime(),
      figures: z.array(indicatorFiguresSchema),
    })
    .meta({ id: 'PeriodFigures' }),
  indicator: indicatorView,
  indicatorList: pageOf(indicatorView, 'IndicatorList'),
  indicatorValue: indicatorValueSchema
    .extend({ id: z.string() })
    .meta({ id: 'StoredIndicatorValue' }),
  targetLinks: pageOf(targetLinkViewSchema, 'TargetLinkList'),
};

/** A job, its result as the synchronous route would have answered. */
export const jobResponseSchema = jobSchema
  .extend({
    result: z
      .union([responses.rollupRun, responses.riskScan, responses.importResult, reminderRunSchema])
      .optional()
      .meta({ description: 'What the work did, once the job succeeded' }),
  })
  .meta({ id: 'Job' });
