/**
 * Admin jobs on demand: POST /risks/scans (the daily scan, now) and POST
 * /rollups/{period}/runs answer 202 with a job at once (as POST /reminders/runs does,
 * reminders.ts); the work runs in the job function (functions/jobs/run-job.ts); GET
 * /jobs/{id} follows it to its result.
 */
import { NotFoundError } from '#shared/domain/errors.ts';
import { checkRollable } from '#shared/use-cases/run-rollup.ts';
import { tableAndBus } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { submitting } from './jobs-http.ts';
import { jobPathSchema, rollupPathSchema, rollupRunQuerySchema } from './schemas/requests.ts';

const { stores, events, clock } = tableAndBus();
const submit = submitting({ jobs: stores.jobs, events, clock });

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
