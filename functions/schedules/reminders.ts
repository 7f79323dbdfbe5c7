/**
 * The reminder schedules (`DailyReminders`, `WeeklyDigest`): `{ "job": "daily" }` sends
 * the reminders due before report deadlines and the escalations after them, `{ "job":
 * "digest" }` the week's digest for leaders. An admin's POST /reminders/runs does the same
 * work as a job (reminder-work.ts).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { SCHEDULE_ACTOR } from '#shared/domain/audit/audit-entry.ts';
import { reminderJobSchema } from '#shared/domain/reminder/reminder-jobs.ts';
import { logger, metrics } from '#shared/observability.ts';
import { reminderWork } from '../jobs/reminder-work.ts';
import { reminderDeps, reminderStores } from '../reminder-wiring.ts';

const { stores, mail } = reminderStores();
const deps = { reminders: reminderDeps(stores, mail), audit: stores.audit };
const inputSchema = z.strictObject({ job: reminderJobSchema });

async function remind(event: unknown, context: Context) {
  const { job } = inputSchema.parse(event);
  // An asynchronous invocation retried keeps its request id: a retry records once.
  const auditId = `aud_${context.awsRequestId}`;
  const run = await reminderWork({ job, actor: SCHEDULE_ACTOR, auditId }, deps);
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
