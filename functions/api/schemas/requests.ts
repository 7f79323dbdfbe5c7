/**
 * The API's request schemas (path, query, headers). The same schemas validate requests in
 * the handlers and generate the OpenAPI document.
 */
import * as z from 'zod';
import { AUDIT_ACTIONS, entityOf } from '#shared/domain/audit/audit-entry.ts';
import {
  AGENCY_KINDS,
  PLAN_KINDS,
  dateRangeSchema,
  isoDateSchema,
  planCodeSchema,
  sectorSchema,
} from '#shared/domain/plan/model.ts';
import { agencyIdSchema } from '#shared/domain/registry/agency-changes.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';
import { indicatorCodeSchema } from '#shared/domain/indicator/indicator.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { RISK_CODES } from '#shared/domain/risk/risk-config.ts';
import { reminderJobSchema } from '#shared/domain/reminder/reminder-jobs.ts';

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'phải là chữ thường không dấu nối bằng gạch ngang, như so-cong-thuong',
  )
  .max(100);

export const taskIdSchema = z
  .string()
  .max(200)
  .regex(/^[A-Z][A-Z0-9]{1,23}-[A-Z0-9]{1,20}-\d+(\.\d+)*$/, 'phải là mã nhiệm vụ như KH266-I-1.1')
  .meta({ example: 'KH266-I-1.1' });

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

export const taskListQuerySchema = pageQuerySchema.extend({
  sector: sectorSchema.optional(),
  plan: planCodeSchema.optional(),
  section: z
    .string()
    .regex(/^[IVXLC]+$/, 'phải là số La Mã, như IV')
    .optional(),
  agency: slug.optional(),
  status: z.enum([...REPORT_STATUSES, 'no_report']).optional(),
  dueBefore: isoDateSchema.optional(),
  atRisk: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const taskPathSchema = z.strictObject({ taskId: taskIdSchema });
export const agencyPathSchema = z.strictObject({ agencyId: agencyIdSchema });
export const planPathSchema = z.strictObject({ code: planCodeSchema });

/** What the document itself does not say, or says wrongly. */
const planOverridesSchema = z
  .strictObject({
    code: planCodeSchema
      .optional()
      .meta({ description: 'Defaults to the number: 266/KH-UBND → KH266' }),
    number: z.string().trim().min(1).max(100).optional(),
    title: z.string().trim().min(1).max(1_000).optional(),
    issuingBody: z.string().trim().min(1).max(300).optional(),
    issuedOn: isoDateSchema.optional(),
    period: dateRangeSchema.optional(),
    sectors: z
      .record(z.string().max(20), sectorSchema)
      .optional()
      .meta({ description: 'Section code (Roman numeral) → sector, over the proposal' }),
  })
  .meta({ id: 'PlanOverrides' });

const printedName = z.string().trim().min(1).max(500);

/** The officer's answer to a name the registry did not know. */
const nameResolutionSchema = z
  .union([
    z.strictObject({ name: printedName, aliasOf: agencyIdSchema }),
    z.strictObject({
      name: printedName,
      newAgency: z.strictObject({
        id: agencyIdSchema.optional(),
        name: z.string().trim().min(2).max(300).optional(),
        kind: z.enum(AGENCY_KINDS),
        aliases: z.array(z.string().trim().min(2).max(300)).max(50).optional(),
        memberOf: z.array(agencyIdSchema).max(20).optional(),
      }),
    }),
  ])
  .meta({ id: 'NameResolution' });

export const planImportSchema = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "The document's name, used in issues and in each task's source" }),
    text: z
      .string()
      .min(1)
      .max(4_000_000)
      .optional()
      .meta({ description: 'The document as text: a tab-separated table export, or a notice' }),
    docx: z
      .base64()
      .max(8_000_000)
      .optional()
      .meta({ description: 'The Word document itself, base64-encoded' }),
    kind: z.enum(PLAN_KINDS).default('plan').meta({
      description: 'plan: an appendix table; notice: a conclusion notice (Thông báo kết luận)',
    }),
    dryRun: z.boolean().default(false).meta({
      description: 'Parse and answer everything found (tasks, names to resolve) without writing',
    }),
    draft: z.boolean().default(false).meta({
      description: 'A new plan is imported as a draft: not tracked until activated',
    }),
    overrides: planOverridesSchema.default({}),
    resolutions: z.array(nameResolutionSchema).max(500).default([]),
  })
  .refine((body) => (body.text === undefined) !== (body.docx === undefined), {
    message: 'send exactly one of text and docx',
    path: ['text'],
  })
  .meta({ id: 'PlanImport' });

export const auditQuerySchema = pageQuerySchema.extend({
  entity: z
    .string()
    .regex(
      new RegExp(`^(${Object.keys(entityOf).join('|')})/[A-Za-z0-9_-]+$`),
      'like plan/KH266, agency/so-tai-chinh, task/KH266-I-2 or indicator/dien-tich-lua',
    )
    .optional(),
  agency: agencyIdSchema.optional(),
  person: z.string().max(200).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const mergeBodySchema = z
  .strictObject({
    into: agencyIdSchema.meta({ description: 'The surviving agency' }),
  })
  .meta({ id: 'AgencyMerge' });

export const riskListQuerySchema = pageQuerySchema.extend({
  sector: sectorSchema.optional(),
  agency: slug.optional(),
  reason: z.enum(RISK_CODES).optional(),
});

export const ROLLUP_FORMATS = ['json', 'csv', 'xlsx', 'docx'] as const;

export const rollupPathSchema = z.strictObject({
  period: periodCodeSchema,
  sector: sectorSchema.optional(),
});

export const rollupQuerySchema = z.strictObject({
  revision: z.coerce.number().int().min(1).max(100_000).optional().meta({
    description:
      'A revision of the official snapshot (1 is the official one); default: the latest, or the preliminary snapshot before the deadline',
  }),
  format: z
    .enum(ROLLUP_FORMATS, {
      error: `Định dạng phải là một trong: ${ROLLUP_FORMATS.join(', ')}`,
    })
    .default('json')
    .meta({
      description:
        'json; csv (UTF-8, for Excel); xlsx (an Excel workbook, typed cells); docx (the period’s report in Word, filled into the report template)',
    }),
});

export const reviewQuerySchema = pageQuerySchema.extend({
  reviewer: agencyIdSchema.optional().meta({
    description: "An admin reads a reviewer's waiting reports; an agency reads its own",
  }),
});

export const reviewDecisionsSchema = z
  .strictObject({
    decisions: z
      .array(
        z.strictObject({
          taskId: taskIdSchema,
          reportId: z.string().min(1).max(100),
          decision: z.enum(['accept', 'return']),
          reason: z
            .string()
            .trim()
            .max(2_000)
            .optional()
            .meta({ description: 'Required to return' }),
        }),
      )
      .min(1)
      .max(100),
  })
  .meta({ id: 'ReviewDecisions' });
/** A run takes no query parameter: an unknown one is refused rather than ignored. */
export const rollupRunQuerySchema = z.strictObject({});

/** A job's id, as POST answered it (`job_` and 22 base64url characters). */
export const jobPathSchema = z.strictObject({
  id: z
    .string()
    .regex(/^job_[A-Za-z0-9_-]{22}$/, 'mã công việc như POST đã trả về (job_…)')
    .meta({ example: 'job_Qm9x1tVvS2bP0YdA6cK8eQ' }),
});

export const indicatorPathSchema = z.strictObject({ code: indicatorCodeSchema });

export const figuresPathSchema = z.strictObject({ period: periodCodeSchema });
export const figuresQuerySchema = z.strictObject({ sector: sectorSchema.optional() });

/** POST /reminders/runs: which reminder job to run now. */
export const reminderRunRequestSchema = z
  .strictObject({ job: reminderJobSchema })
  .meta({ id: 'ReminderRunRequest' });
