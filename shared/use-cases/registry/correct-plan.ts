/**
 * Admins correct a published plan: its metadata and status in place (with the revision
 * they read, so two corrections never overwrite each other), and its section → sector map
 * as a new version of its tasks (a task's sector is part of the task), published like an
 * import.
 */
import * as z from 'zod';
import { entityOf } from '#shared/domain/audit/audit-entry.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import {
  dateRangeSchema,
  isoDateSchema,
  sectorSchema,
  type Sector,
} from '#shared/domain/plan/model.ts';
import { agencyIdSchema } from '#shared/domain/registry/agency-changes.ts';
import {
  reportingCalendarOverrideSchema,
  resolveCalendar,
} from '#shared/domain/period/reporting-calendar.ts';
import { PLAN_STATUSES, type PlanRecord } from '#shared/domain/registry/plan-record.ts';
import { daysBeforeSchema } from '#shared/domain/reminder/notice-days.ts';
import { diffVersions, versionDigest } from '#shared/domain/registry/version-diff.ts';
import { publishVersion, summaryOf, type PublishDeps } from './import-document.ts';

export const planPatchSchema = z
  .strictObject({
    /** The revision the correction was made from: refused (409) if the plan changed since. */
    revision: z.number().int().positive().optional(),
    title: z.string().trim().min(1).max(1_000).optional(),
    number: z.string().trim().min(1).max(100).optional(),
    issuingBody: z.string().trim().min(1).max(300).optional(),
    issuedOn: isoDateSchema.optional(),
    period: dateRangeSchema
      .refine((p) => p.start <= p.end, 'start must not be after end')
      .optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    requiresApproval: z.boolean().optional().meta({
      description: "Reports need their reviewer's acceptance before they count",
    }),
    reviewer: agencyIdSchema.nullable().optional().meta({
      description: "The agency that reviews departments' reports (the provincial office)",
    }),
    reminderDaysBefore: daysBeforeSchema.nullable().optional().meta({
      description:
        "Days before each deadline that the plan's reminders go out; null: the province's setting (GET /reminder-settings)",
    }),
    /** Section code (roman) → sector: the plan's tasks are re-published with it. */
    sectors: z.record(z.string().max(20), sectorSchema).optional(),
    /**
     * What the plan changes in the province's reporting calendar (cut-off, deadline per
     * kind of period); null returns to the province's calendar.
     */
    reportingCalendar: reportingCalendarOverrideSchema
      .nullable()
      .optional()
      .meta({
        description:
          "The plan's reporting calendar: the data cut-off and each kind of period's submission deadline, over the province's (Decree 09/2019's 15th-to-14th cut-off, the 18th of the period's last month); null: the province's",
        example: { deadlines: { quarter: { kind: 'dayOfMonth', day: 10, monthOffset: 1 } } },
      }),
  })
  .refine(
    ({ revision: _revision, ...changes }) => Object.keys(changes).length > 0,
    'at least one change',
  )
  .meta({ id: 'PlanPatch' });
export type PlanPatch = z.infer<typeof planPatchSchema>;

export async function correctPlan(
  code: string,
  patch: PlanPatch,
  deps: PublishDeps,
): Promise<PlanRecord> {
  let plan = await deps.plans.getPlan(code);
  if (!plan || plan.currentVersion === 0)
    throw new NotFoundError('plan-not-found', `không có kế hoạch ${code}`);
  if (patch.revision !== undefined && patch.revision !== plan.revision) {
    throw new ConflictError(
      'plan-changed',
      `kế hoạch ${code} đang ở phiên bản sửa ${plan.revision}, không phải ${patch.revision}; đọc lại rồi gửi lại`,
    );
  }
  const { revision: _revision, sectors, ...fields } = patch;
  if (fields.reportingCalendar) checkCalendar(fields.reportingCalendar);
  if (sectors) plan = await resector(plan, sectors, deps);
  if (Object.keys(fields).length === 0) return plan;
  const before = plan;
  const corrected = await deps.plans.correct(
    code,
    plan.revision,
    fields,
    deps.clock.now().toISOString(),
  );
  await deps.audit.record({
    id: `${deps.requestId}#fields`,
    at: corrected.updatedAt,
    action: 'plan.corrected',
    entity: entityOf.plan(code),
    actor: deps.actor,
    before: summaryOf(before),
    after: summaryOf(corrected),
  });
  return corrected;
}

/** A calendar whose deadline falls before its data window closes is refused, naming each. */
function checkCalendar(calendar: NonNullable<PlanPatch['reportingCalendar']>): void {
  try {
    resolveCalendar(calendar);
  } catch (error) {
    if (!(error instanceof UnprocessableError)) throw error;
    throw new UnprocessableError(
      error.code,
      error.message,
      error.fields.map((field) => ({ ...field, field: `body.reportingCalendar.${field.field}` })),
    );
  }
}

async function resector(
  plan: PlanRecord,
  sectors: Record<string, Sector>,
  deps: PublishDeps,
): Promise<PlanRecord> {
  const known = new Set(plan.sections.map((s) => s.code));
  const unknown = Object.keys(sectors).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new UnprocessableError(
      'unknown-section',
      `kế hoạch ${plan.code} không có mục ${unknown.join(', ')} (các mục: ${[...known].join(', ')})`,
      unknown.map((code) => ({
        field: `body.sectors.${code}`,
        reason: `không phải mục của kế hoạch`,
      })),
    );
  }
  const sectorOf = (code: string) =>
    sectors[code] ?? plan.sections.find((s) => s.code === code)?.sector ?? 'services';
  const document = {
    code: plan.code,
    kind: plan.kind,
    number: plan.number,
    title: plan.title,
    issuingBody: plan.issuingBody,
    issuedOn: plan.issuedOn,
    period: plan.period,
    sections: plan.sections.map((s) => ({ ...s, sector: sectorOf(s.code) })),
  };
  const current = await deps.plans.tasksOf(plan.code, plan.currentVersion);
  const tasks = current.map((task) => ({ ...task, sector: sectorOf(task.section.code) }));
  const changes = diffVersions(current, tasks);
  if (
    changes.updated.length === 0 &&
    document.sections.every((s, i) => s.sector === plan.sections[i]?.sector)
  )
    return plan;
  const version = await deps.plans.getVersion(plan.code, plan.currentVersion);
  const { plan: published } = await publishVersion(
    {
      document,
      tasks,
      current: plan,
      changes,
      digest: versionDigest(document, tasks),
      source: version?.source ?? { file: plan.code, format: 'text' },
      status: plan.status,
      action: 'plan.corrected',
    },
    deps,
  );
  return published;
}
