/**
 * Jobs over HTTP: a POST that submits its work as a job under the caller's
 * Idempotency-Key and answers 202 at once, with where to follow it.
 */
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Job, JobWork } from '#shared/domain/jobs/job.ts';
import { submitJob, type SubmitJobDeps } from '#shared/use-cases/jobs/jobs.ts';
import { fingerprintOf, idempotencyScope, stableId } from './http/idempotency-key.ts';
import { json, type ApiHandler } from './http/middleware.ts';
import { callerOf } from './http/request.ts';

/** The job's resource: GET it until its status is succeeded or failed. */
export const jobLocation = (job: Pick<Job, 'id'>) => `/jobs/${job.id}`;

export function accepted(job: Job) {
  return json(202, job, { location: jobLocation(job) });
}

/**
 * A route that submits the work `workOf` reads from its request as a job, and answers
 * 202; what can be refused at once is refused before (`workOf` throws). One
 * Idempotency-Key finds one job.
 */
export const submitting =
  (deps: SubmitJobDeps) =>
  (workOf: (event: Parameters<ApiHandler>[0]) => Promise<JobWork>): ApiHandler =>
  async (event) => {
    const caller = callerOf(event);
    const scope = idempotencyScope(event, caller);
    const work = await workOf(event);
    const job = await submitJob(
      {
        id: stableId('job', scope),
        work,
        fingerprint: fingerprintOf(work),
        actor: actorOf(caller),
      },
      deps,
    );
    return accepted(job);
  };
