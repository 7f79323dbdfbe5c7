/**
 * A sector's snapshot of a period: what the rollup computes and stores. Before the
 * period's deadline it is preliminary (revision 0, replaced by each run); at the deadline
 * the official snapshot (revision 1) is taken, and later data make numbered revisions,
 * each immutable and saying what changed against the one before. The zod schema is the
 * source of truth (and the OpenAPI component `SectorSnapshot`); the types are inferred.
 */
import * as z from 'zod';
import { indicatorFiguresSchema } from '../indicator/figures.ts';
import { COMPARATORS, isoDateSchema, sectorSchema } from '../plan/model.ts';
import { REPORTING_CUTOFFS } from '../period/data-window.ts';
import { periodCodeSchema } from '../period/period.ts';
import { riskReasonSchema } from '../progress/task-view.ts';

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
        'Reports due: one per quarter (or the month, for a month) for each led task alive in the period, one per month for monthly tasks',
    }),
    received: count.meta({ description: 'Expected reports covered by at least one report' }),
    receivedOnTime: count.meta({
      description: 'Covered by a report received by its period’s deadline (its plan’s calendar)',
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
    sameQuarterLastYear: percent.meta({
      description: "Actual as % of the same task's actual in last year's snapshot of the period",
    }),
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

export const SNAPSHOT_STATUSES = ['preliminary', 'official'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

const categoryChangeSchema = z.object({
  taskId: z.string(),
  /** Null: the task was not counted in the revision before (or is not now). */
  from: z.enum(TASK_CATEGORIES).nullable(),
  to: z.enum(TASK_CATEGORIES).nullable(),
});

export const snapshotChangesSchema = z
  .object({
    /** The revision these changes are against. */
    since: z.number().int().positive(),
    reports: z.object({ before: count, after: count }),
    tasks: z.array(categoryChangeSchema),
    reporting: z.array(
      z.object({
        agencyId: z.string(),
        agencyName: z.string(),
        before: z.object({ received: count, receivedOnTime: count }).nullable(),
        after: z.object({ received: count, receivedOnTime: count }).nullable(),
      }),
    ),
    targets: z.array(
      z.object({
        taskId: z.string(),
        key: z.string(),
        before: z.number().nullable(),
        after: z.number().nullable(),
      }),
    ),
    figures: z.array(
      z.object({
        indicator: z.string(),
        period: periodCodeSchema,
        before: z.string().nullable(),
        after: z.string().nullable(),
      }),
    ),
    /** What changed, in Vietnamese sentences. */
    summary: z.array(z.string()),
  })
  .meta({ id: 'SnapshotChanges' });
export type SnapshotChanges = z.infer<typeof snapshotChangesSchema>;

export const snapshotSchema = z
  .object({
    period: periodCodeSchema,
    /** "Quý III/2026". */
    label: z.string(),
    sector: sectorSchema,
    /** The province's cut-off, whose data window the snapshot states. */
    cutoff: z.enum(REPORTING_CUTOFFS),
    window: z.object({ start: isoDateSchema, end: isoDateSchema }),
    /** The day the official snapshot is taken at the end of (every plan's deadline passed). */
    deadline: isoDateSchema,
    /**
     * The day the categories are judged on: the period's end, its deadline or the
     * computing day, whichever comes first. Revisions keep the official snapshot's.
     */
    asOf: isoDateSchema,
    status: z.enum(SNAPSHOT_STATUSES).meta({
      description:
        'preliminary before the deadline (replaced by each run); official from the deadline on',
    }),
    revision: z.number().int().nonnegative().meta({
      description: '0 for a preliminary snapshot, 1 for the official one, 2… for later revisions',
    }),
    /** Reports and values received up to this instant count. */
    knownAt: z.iso.datetime(),
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
    /** The sector's indicators: the period's figures and the year to date's. */
    figures: z.array(indicatorFiguresSchema),
    /** Against the revision before; null for a preliminary or an official snapshot. */
    changes: snapshotChangesSchema.nullable(),
  })
  .meta({ id: 'SectorSnapshot' });
export type SectorSnapshot = z.infer<typeof snapshotSchema>;
