/** A job as the API answers it: 202 when it was just asked for, with where to follow it. */
import type { Job } from '#shared/domain/jobs/job.ts';
import { json } from './http/middleware.ts';

/** The job's resource: GET it until its status is succeeded or failed. */
export const jobLocation = (job: Pick<Job, 'id'>) => `/jobs/${job.id}`;

export function accepted(job: Job) {
  return json(202, job, { location: jobLocation(job) });
}
