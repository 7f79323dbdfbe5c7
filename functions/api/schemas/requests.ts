/**
 * The API's request schemas (path, query, headers). The same schemas validate requests in
 * the handlers and generate the OpenAPI document.
 */
import * as z from 'zod';
import { isoDateSchema, planCodeSchema, sectorSchema } from '#shared/domain/plan/model.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';
import { RISK_CODES } from '#shared/domain/risk/risk-config.ts';
import { REPORTING_CUTOFFS } from '#shared/domain/rollup/data-window.ts';

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'phải là chữ thường không dấu nối bằng gạch ngang, như so-cong-thuong',
  )
  .max(100);

export const taskIdSchema = z
  .string()
  .regex(/^KH\d+-[IVXLC]+-\d+(\.\d+)*$/, 'phải là mã nhiệm vụ như KH266-I-1.1')
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
export const agencyPathSchema = z.strictObject({ agencyId: slug });
export const planPathSchema = z.strictObject({ code: planCodeSchema });

export const planImportSchema = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: 'A name for the table, used in warnings' }),
    text: z.string().min(1).max(1_000_000).meta({ description: 'The tab-separated plan table' }),
  })
  .meta({ id: 'PlanImport' });

export const riskListQuerySchema = pageQuerySchema.extend({
  sector: sectorSchema.optional(),
  agency: slug.optional(),
  reason: z.enum(RISK_CODES).optional(),
});

export const quarterSchema = z
  .string()
  .regex(/^2\d{3}-Q[1-4]$/, 'phải là một quý như 2026-Q3 (năm 2000 đến 2999)')
  .meta({ example: '2026-Q3' }) as z.ZodType<`${number}-Q${1 | 2 | 3 | 4}`>;

export const rollupPathSchema = z.strictObject({
  quarter: quarterSchema,
  sector: sectorSchema.optional(),
});

export const rollupQuerySchema = z.strictObject({
  cutoff: z.enum(REPORTING_CUTOFFS).default('calendar').meta({
    description:
      "calendar quarter, or Decree 09/2019/NĐ-CP's cut-off (15th of the month before to the 14th of the last month)",
  }),
  format: z.enum(['json', 'csv']).default('json'),
});

export const rollupRunQuerySchema = rollupQuerySchema.pick({ cutoff: true });
