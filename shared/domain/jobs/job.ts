/**
 * Long work, run apart from the request that asked for it: a rollup of a period, the risk
 * scan, the import of a large plan, a reminder run. The request answers 202 with the job at once; the job
 * runs in a function of its own and says how far it got, then what it did or why it
 * failed (the same problem details an API error carries).
 */
import * as z from 'zod';
import { actorSchema } from '../audit/audit-entry.ts';
import { periodCodeSchema } from '../period/period.ts';
import { reminderJobSchema } from '../reminder/reminder-jobs.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a job was asked to do. */
export const jobWorkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rollup'), period: periodCodeSchema }),
  z.object({ kind: z.literal('risk-scan') }),
  /** A reminder run: the daily reminders and escalations, or the weekly digest. */
  z.object({ kind: z.literal('reminders'), job: reminderJobSchema }),
  z.object({
    kind: z.literal('import'),
    /** The document's name as uploaded (the document itself is kept apart, not shown). */
    file: z.string(),
    documentKind: z.enum(['plan', 'notice']),
  }),
]);
export type JobWork = z.infer<typeof jobWorkSchema>;

/** The kinds of work, as JobQueued names them. */
export const JOB_KINDS = jobWorkSchema.options.map((option) => option.shape.kind.value);

export const jobProgressSchema = z
  .object({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    /** What it is doing now, in Vietnamese: "Tổng hợp lĩnh vực nông nghiệp". */
    step: z.string(),
  })
  .meta({ id: 'JobProgress' });
export type JobProgress = z.infer<typeof jobProgressSchema>;

/**
 * A failure as the API states one (problem details, RFC 9457), with its extensions (an
 * import's unresolved names and their suggestions).
 */
export const jobErrorSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});
export type JobError = z.infer<typeof jobErrorSchema>;

export const jobSchema = z.object({
  id: z.string(),
  work: jobWorkSchema,
  status: z.enum(JOB_STATUSES),
  progress: jobProgressSchema.nullable(),
  /** What the work returned, once it succeeded: the same body the synchronous route gave. */
  result: z.unknown().optional(),
  /** Why it failed. */
  errors: z.array(jobErrorSchema).default([]),
  /** How many times a runner took it up (the runner's invocation may be retried). */
  attempts: z.number().int().nonnegative(),
  createdBy: actorSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const isFinished = (job: Pick<Job, 'status'>) =>
  job.status === 'succeeded' || job.status === 'failed';

/** A new job, queued. */
export function queuedJob(id: string, work: JobWork, createdBy: Job['createdBy'], now: Date): Job {
  const at = now.toISOString();
  return {
    id,
    work,
    status: 'queued',
    progress: null,
    errors: [],
    attempts: 0,
    createdBy,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
  };
}
