/**
 * The reminder schedules (`DailyReminders`, `WeeklyDigest`): `{ "job": "daily" }` sends
 * the reminders due before report deadlines and the escalations after them, `{ "job":
 * "digest" }` the week's digest for leaders. The admin's POST /reminders/runs runs the
 * same function.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { logger, metrics, recordReminderRun } from '#shared/observability.ts';
import { reminderJobSchema, runReminderJob } from '#shared/use-cases/reminders/run-reminders.ts';
import { reminderDeps, reminderStores } from '../reminder-wiring.ts';

const { stores, mail } = reminderStores();
const deps = reminderDeps(stores, mail);
const inputSchema = z.strictObject({ job: reminderJobSchema });

async function remind(event: unknown) {
  const { job } = inputSchema.parse(event);
  const run = await runReminderJob(job, deps);
  recordReminderRun(run);
  logger.info('reminder job finished', {
    job,
    on: run.on,
    queued: run.messages.filter((message) => message.queued).length,
    recovered: run.recovered.length,
    withoutAddress: run.withoutAddress,
  });
  return run;
}

export const handler = middy(remind)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
