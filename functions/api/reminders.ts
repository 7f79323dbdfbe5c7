/**
 * The reminders for administrators:
 * - POST /reminders/runs: a reminder run now (the daily reminders and escalations, or the
 *   weekly digest), answered 202 with a job that runs the schedules' work in the job
 *   function (functions/jobs/reminder-work.ts); running it again sends nothing twice;
 * - GET, PUT /reminder-settings: the province's settings (provincial office, days of
 *   notice, grace), changed with the revision they were read at, audited.
 */
import { outboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { actorOf } from '#shared/domain/access/caller.ts';
import {
  changeReminderSettings,
  reminderSettingsChangeSchema,
} from '#shared/use-cases/reminders/reminder-settings.ts';
import { tableAndBus } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { submitting } from './jobs-http.ts';
import { reminderRunRequestSchema } from './schemas/requests.ts';

const { db, tableName, stores, events, clock } = tableAndBus();
const { reminderSettings } = outboxStores(db, tableName);
const submit = submitting({ jobs: stores.jobs, events, clock });

export const handler = httpApi(
  dispatch<'reminders'>({
    'POST /reminders/runs': submit(async (event) => {
      const { job } = parsePart(reminderRunRequestSchema, event.body as unknown, 'body');
      return { kind: 'reminders', job };
    }),
    'GET /reminder-settings': async () => json(200, await reminderSettings.get()),
    'PUT /reminder-settings': async (event) => {
      const change = parsePart(reminderSettingsChangeSchema, event.body as unknown, 'body');
      const saved = await changeReminderSettings(change, {
        settings: reminderSettings,
        agencies: stores.agencies,
        audit: stores.audit,
        clock,
        actor: actorOf(callerOf(event)),
        requestId: event.requestContext.requestId,
      });
      return json(200, saved);
    },
  }),
  { json: true },
);
