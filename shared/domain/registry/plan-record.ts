/**
 * A plan as the registry keeps it: what its document says, its status, and which of its
 * versions readers see. An import writes a whole new version of the plan's tasks aside
 * (`latestVersion` counts the versions claimed), then moves `currentVersion` to it in one
 * conditional step: a reader sees the old plan or the new one, never a mixture.
 */
import * as z from 'zod';
import { planDocumentSchema } from '../plan/model.ts';
import {
  reportingCalendarOverrideSchema,
  resolveCalendar,
  type ReportingCalendar,
} from '../period/reporting-calendar.ts';
import { daysBeforeSchema } from '../reminder/notice-days.ts';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const planRecordSchema = planDocumentSchema
  .extend({
    /** `draft`: imported, not yet tracked; `active`: tracked and reported on; `closed`: read only. */
    status: z.enum(PLAN_STATUSES),
    /** The version readers see; 0 while the plan's first import is still being written. */
    currentVersion: z.number().int().nonnegative(),
    /** The highest version an import has claimed: at least `currentVersion`. */
    latestVersion: z.number().int().positive(),
    /**
     * Every version ever published. A claimed version that never was (its import failed
     * or timed out) leaves items behind that no reader may take for a retired task.
     */
    publishedVersions: z.array(z.number().int().positive()).default([]),
    /**
     * Whether reports need approval: a commune's by the department that leads the task, a
     * department's by `reviewer` (the provincial office). Off unless an admin turns it on.
     */
    requiresApproval: z.boolean().default(false),
    /** The agency that reviews departments' reports when approval is required. */
    reviewer: z.string().nullable().default(null),
    /**
     * What the plan changes in the province's reporting calendar (cut-off, deadlines);
     * null: the province's calendar as it is.
     */
    reportingCalendar: reportingCalendarOverrideSchema.nullable().default(null),
    /** Days before a deadline that the plan's reminders go; null: the province's setting. */
    reminderDaysBefore: daysBeforeSchema.nullable().default(null),
    /** Bumped by every change, for corrections that must not overwrite each other. */
    revision: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Plan' });
export type PlanRecord = z.infer<typeof planRecordSchema>;

/** What one import made of a plan: the version's tasks and how they differ from the one before. */
export const planVersionSchema = z
  .object({
    plan: z.string(),
    version: z.number().int().positive(),
    importedAt: z.iso.datetime(),
    /** The token (and person, when one signed in) that imported it. */
    importedBy: z.string(),
    source: z.object({ file: z.string(), format: z.enum(['text', 'docx']) }),
    /** The content digest of the plan and its tasks: an identical import changes nothing. */
    digest: z.string(),
    taskIds: z.array(z.string()),
    created: z.array(z.string()),
    updated: z.array(z.string()),
    /** Tasks of the version before that this one no longer has: kept with their reports. */
    retired: z.array(z.string()),
  })
  .meta({ id: 'PlanVersion' });
export type PlanVersion = z.infer<typeof planVersionSchema>;

/** Whether a plan has a version readers may see. */
export function isPublished(plan: Pick<PlanRecord, 'currentVersion'>): boolean {
  return plan.currentVersion > 0;
}

/** Whether a plan's tasks are listed, rolled up and flagged. */
export function isTracked(plan: Pick<PlanRecord, 'status' | 'currentVersion'>): boolean {
  return isPublished(plan) && plan.status !== 'draft';
}

/** Whether agencies may report on a plan's tasks. */
export function acceptsReports(plan: Pick<PlanRecord, 'status' | 'currentVersion'>): boolean {
  return isPublished(plan) && plan.status === 'active';
}

/** The plan a task id belongs to: task ids are `<plan>-<section>-<stt>` and codes have no hyphen. */
export function planCodeOfTask(taskId: string): string {
  return taskId.slice(0, Math.max(0, taskId.indexOf('-')));
}

/** The reporting calendar the plan's reports are held to: the province's, with the plan's changes. */
export function planCalendar(plan: Pick<PlanRecord, 'reportingCalendar'>): ReportingCalendar {
  return resolveCalendar(plan.reportingCalendar);
}
