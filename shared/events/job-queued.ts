/**
 * `JobQueued`: long work was asked for and stored as a job; the rule `JobQueuedToRunner`
 * delivers it to the job function (an asynchronous invocation, with Lambda's retries and
 * the rule's dead-letter queue). Versioned, like every event.
 */
import * as z from 'zod';
import { JOB_KINDS } from '#shared/domain/jobs/job.ts';

export const JOB_QUEUED = 'JobQueued';

export const jobQueuedV1Schema = z
  .object({
    version: z.literal('1'),
    jobId: z.string(),
    kind: z.enum(JOB_KINDS),
  })
  .meta({ id: 'JobQueuedV1' });
export type JobQueuedV1 = z.infer<typeof jobQueuedV1Schema>;
