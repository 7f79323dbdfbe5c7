import type { Job, JobError, JobProgress } from '#shared/domain/jobs/job.ts';

export interface StoredJob {
  job: Job;
  /** The digest of the request that asked for it: a retry under the same key must match. */
  fingerprint: string;
}

export interface JobRepository {
  /**
   * Stores a new job, with the input its work reads (a large document) when there is one,
   * unless a job with its id is stored already: then it stores nothing and returns that one.
   */
  create(
    job: Job,
    fingerprint: string,
    input?: Uint8Array,
  ): Promise<StoredJob & { created: boolean }>;
  get(id: string): Promise<Job | null>;
  /** The input stored with the job, if any. */
  input(id: string): Promise<Uint8Array | null>;
  /**
   * Takes the job up for a run: running, one more attempt, unless another runner took it
   * since `job` was read (then false).
   */
  claim(job: Job, at: Date): Promise<boolean>;
  progress(id: string, progress: JobProgress, at: Date): Promise<void>;
  finish(
    id: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; errors: JobError[] },
    at: Date,
  ): Promise<void>;
}
