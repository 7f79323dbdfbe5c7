/**
 * A sector's quarterly snapshot: what the rollup computes and stores, immutable once the
 * quarter is closed. The zod schema is the source of truth (and the OpenAPI component
 * `SectorSnapshot`); the types are inferred from it.
 */
import * as z from 'zod';
import { COMPARATORS, isoDateSchema, sectorSchema } from '../plan/model.ts';
import { riskReasonSchema } from '../progress/task-view.ts';
import { REPORTING_CUTOFFS } from './data-window.ts';

/**
 * The government's categories of task progress. The first six are the report's; a
 * seventh, `cancelled`, holds tasks a holder reported cancelled, which fit none of them.
 * Together the seven partition the sector's non-group tasks.
 */
export const TASK_CATEGORIES = [
  'completedOnTime',
  'completedLate',
  'inProgressWithinDeadline',
  'overdueNotCompleted',
  'notStarted',
  'noReport',
  'cancelled',
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

const count = z.number().int().nonnegative();
const percent = z.number().nullable().meta({ description: 'A percentage, two decimals' });

export const categoryCountsSchema = z
  .object({
    completedOnTime: count,
    completedLate: count.meta({ description: 'Completed by a report received after the due date' }),
    inProgressWithinDeadline: count,
    overdueNotCompleted: count,
    notStarted: count.meta({ description: 'Reported not_started, or no report and not begun' }),
    noReport: count,
    cancelled: count,
  })
  .meta({ id: 'CategoryCounts' });
export type CategoryCounts = z.infer<typeof categoryCountsSchema>;

export const snapshotTaskSchema = z.object({
  taskId: z.string(),
  section: z.string(),
  category: z.enum(TASK_CATEGORIES),
  percentComplete: z.number().nullable(),
});

export const agencyReportingSchema = z
  .object({
    agencyId: z.string(),
    agencyName: z.string(),
    expected: count.meta({
      description:
        'Reports due: one per led task active in the quarter, one per month for monthly tasks',
    }),
    received: count.meta({ description: 'Expected reports covered by at least one report' }),
    receivedOnTime: count.meta({
      description: 'Covered by a report received by the end of its window',
    }),
    completeness: percent,
    timeliness: percent,
  })
  .meta({ id: 'AgencyReporting' });
export type AgencyReporting = z.infer<typeof agencyReportingSchema>;

export const targetRowSchema = z
  .object({
    taskId: z.string(),
    key: z.string(),
    label: z.string(),
    unit: z.string(),
    comparator: z.enum(COMPARATORS),
    plan: z.number(),
    actual: z.number().nullable(),
    attainment: percent.meta({ description: 'Actual as % of plan (inverted for lte)' }),
    attainmentText: z.string().nullable().meta({ example: 'đạt 89,30% kế hoạch' }),
    met: z.boolean().nullable(),
    lastYearActual: z.number().nullable(),
    sameQuarterLastYear: percent.meta({ description: "Actual as % of last year's same quarter" }),
    sameQuarterLastYearText: z.string().nullable().meta({ example: 'bằng 89,20% cùng kỳ' }),
  })
  .meta({ id: 'TargetAttainment' });
export type TargetRow = z.infer<typeof targetRowSchema>;

export const atRiskTaskSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  section: z.string(),
  leadAgencyIds: z.array(z.string()),
  reasons: z.array(riskReasonSchema),
});
export type AtRiskTask = z.infer<typeof atRiskTaskSchema>;

export const sectionSummarySchema = z.object({
  plan: z.string(),
  section: z.string(),
  title: z.string(),
  tasks: count,
  counts: categoryCountsSchema,
  atRisk: count,
});
export type SectionSummary = z.infer<typeof sectionSummarySchema>;

export const snapshotSchema = z
  .object({
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    sector: sectorSchema,
    cutoff: z.enum(REPORTING_CUTOFFS),
    window: z.object({ start: isoDateSchema, end: isoDateSchema }),
    /** The day the categories are judged on: the window's end, or the computing day if earlier. */
    asOf: isoDateSchema,
    status: z.enum(['preliminary', 'closed']),
    computedAt: z.iso.datetime(),
    basis: z.object({
      tasks: count,
      reports: count,
      lastReportAt: z.iso.datetime().nullable(),
    }),
    counts: categoryCountsSchema,
    averagePercentComplete: percent,
    reporting: z.array(agencyReportingSchema),
    targets: z.array(targetRowSchema),
    atRisk: z.array(atRiskTaskSchema),
    bySection: z.array(sectionSummarySchema),
    tasks: z.array(snapshotTaskSchema),
  })
  .meta({ id: 'SectorSnapshot' });
export type SectorSnapshot = z.infer<typeof snapshotSchema>;
