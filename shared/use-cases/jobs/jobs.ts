/**
 * Jobs: asked for by a request that answers at once, run by a runner of their own.
 *
 * - Submitting stores the job, queued, under an id derived from the request's
 *   idempotency key, then announces it (JobQueued), whose rule runs it in the job
 *   function (an asynchronous invocation on AWS, the local bus's delivery locally): a
 *   retry with the same request finds the same job (and announces it again if it is still
 *   queued, in case the first announcement was lost); another request under the same key
 *   is refused.
 * - Running claims the job (one runner wins when two start it), reports progress as the
 *   work goes, and records what the work returned or the problem it failed with. A job
 *   that finished is never run again.
 */
import { DomainError, UnprocessableError } from '#shared/domain/errors.ts';
import {
  isFinished,
  queuedJob,
  type Job,
  type JobError,
  type JobProgress,
  type JobWork,
} from '#shared/domain/jobs/job.ts';
import { JOB_QUEUED, type JobQueuedV1 } from '#shared/events/job-queued.ts';
import type { Clock, EventPublisher } from '../progress-ports.ts';
import type { JobRepository } from './job-ports.ts';

export interface SubmitJob {
  /** Derived from the caller and its Idempotency-Key: stable across retries. */
  id: string;
  work: JobWork;
  /** A digest of what the request asks: a retry under the same key must ask the same. */
  fingerprint: string;
  /** What the work reads that the job's own fields do not hold (a large document). */
  input?: Uint8Array;
  actor: Job['createdBy'];
}

export interface SubmitJobDeps {
  jobs: JobRepository;
  /** Where JobQueued goes: its rule runs the job in the job function. */
  events: EventPublisher;
  clock: Clock;
}

export async function submitJob(request: SubmitJob, deps: SubmitJobDeps): Promise<Job> {
  const stored = await deps.jobs.create(
    queuedJob(request.id, request.work, request.actor, deps.clock.now()),
    request.fingerprint,
    request.input,
  );
  if (!stored.created && stored.fingerprint !== request.fingerprint) {
    throw new UnprocessableError(
      'idempotency-key-reused',
      'Idempotency-Key này đã được dùng cho một yêu cầu khác',
      [{ field: 'header.idempotency-key', reason: 'đã dùng với nội dung khác' }],
    );
  }
  if (stored.job.status === 'queued') {
    const detail: JobQueuedV1 = { version: '1', jobId: stored.job.id, kind: stored.job.work.kind };
    await deps.events.publish([{ detailType: JOB_QUEUED, detail }]);
  }
  return stored.job;
}

/** What a job's work is given: its job, a way to say how far it got, its stored input. */
export interface WorkContext {
  job: Job;
  progress(progress: JobProgress): Promise<void>;
  input(): Promise<Uint8Array | null>;
}

/** The work of each kind of job; it returns what the job's result shows. */
export type JobWorkers = {
  [K in JobWork['kind']]: (
    work: Extract<JobWork, { kind: K }>,
    context: WorkContext,
  ) => Promise<unknown>;
};

export interface RunJobDeps {
  jobs: JobRepository;
  workers: JobWorkers;
  clock: Clock;
  /**
   * The problem an error states, or null for one that must not be shown (it becomes a
   * generic internal error; the caller logs it).
   */
  problemOf(error: unknown): JobError | null;
  internalError: JobError;
}

export type RunOutcome = 'ran' | 'finished-before' | 'taken' | 'unknown';

export async function runJob(id: string, deps: RunJobDeps): Promise<RunOutcome> {
  const job = await deps.jobs.get(id);
  if (!job) return 'unknown';
  if (isFinished(job)) return 'finished-before';
  if (!(await deps.jobs.claim(job, deps.clock.now()))) return 'taken';
  const context: WorkContext = {
    job,
    progress: (progress) => deps.jobs.progress(id, progress, deps.clock.now()),
    input: () => deps.jobs.input(id),
  };
  try {
    const result = await work(job.work, context, deps.workers);
    await deps.jobs.finish(id, { status: 'succeeded', result }, deps.clock.now());
  } catch (error) {
    const problem = deps.problemOf(error);
    await deps.jobs.finish(
      id,
      { status: 'failed', errors: [problem ?? deps.internalError] },
      deps.clock.now(),
    );
    // Shown as it is when the domain refused the work; anything else is the runner's to log.
    if (!(error instanceof DomainError)) throw error;
  }
  return 'ran';
}

function work(job: JobWork, context: WorkContext, workers: JobWorkers): Promise<unknown> {
  switch (job.kind) {
    case 'rollup':
      return workers.rollup(job, context);
    case 'risk-scan':
      return workers['risk-scan'](job, context);
    case 'import':
      return workers.import(job, context);
    case 'reminders':
      return workers.reminders(job, context);
  }
}
