/**
 * Admin jobs on demand: POST /risks/scans (the daily scan, now) and POST
 * /rollups/{period}/runs answer 202 with a job at once; the work runs in the job function
 * (functions/jobs/run-job.ts); GET /jobs/{id} follows it to its result.
 */
import { actorOf } from '#shared/domain/access/caller.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { JobWork } from '#shared/domain/jobs/job.ts';
import { submitJob } from '#shared/use-cases/jobs/jobs.ts';
import { checkRollable } from '#shared/use-cases/run-rollup.ts';
import { tableAndBus } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { fingerprintOf, idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json, type ApiHandler } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { accepted } from './jobs-http.ts';
import { jobPathSchema, rollupPathSchema, rollupRunQuerySchema } from './schemas/requests.ts';

const { stores, events, clock } = tableAndBus();
const deps = { jobs: stores.jobs, events, clock };

/**
 * Submits the work as a job under the caller's Idempotency-Key, and answers 202; what can
 * be refused at once is refused before (`workOf` throws).
 */
const submit =
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

export const handler = httpApi(
  dispatch<'adminJobs'>({
    'POST /risks/scans': submit(async () => ({ kind: 'risk-scan' })),
    'POST /rollups/{period}/runs': submit(async (event) => {
      const { period } = parsePart(
        rollupPathSchema.pick({ period: true }),
        event.pathParameters,
        'path',
      );
      parsePart(rollupRunQuerySchema, event.queryStringParameters, 'query');
      await checkRollable(period, stores);
      return { kind: 'rollup', period };
    }),
    'GET /jobs/{id}': async (event) => {
      const { id } = parsePart(jobPathSchema, event.pathParameters, 'path');
      const job = await stores.jobs.get(id);
      if (!job) throw new NotFoundError('job-not-found', `không có công việc ${id}`);
      return json(200, job);
    },
  }),
);
