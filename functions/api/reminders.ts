/**
 * The reminders for administrators:
 * - POST /reminders/runs: a reminder job now, the same function the schedules run (the
 *   daily reminders and escalations, or the weekly digest); running it again sends
 *   nothing twice;
 * - GET, PUT /reminder-settings: the province's settings (provincial office, days of
 *   notice, grace), changed with the revision they were read at, audited.
 */
import { actorOf } from '#shared/domain/access/caller.ts';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { recordReminderRun } from '#shared/observability.ts';
import {
  changeReminderSettings,
  reminderSettingsChangeSchema,
} from '#shared/use-cases/reminders/reminder-settings.ts';
import { runReminderJob, type ReminderJob } from '#shared/use-cases/reminders/run-reminders.ts';
import { reminderDeps, reminderStores } from '../reminder-wiring.ts';
import { systemClock } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { reminderRunRequestSchema } from './schemas/requests.ts';

const { tableName, stores, mail } = reminderStores();
const deps = reminderDeps(stores, mail);

const runOnce = idempotentCommand(
  'reminders',
  tableName,
  async ({ scope, request }: { scope: string; request: { job: ReminderJob; actor: Actor } }) => {
    const run = await runReminderJob(request.job, deps);
    recordReminderRun(run);
    await stores.audit.record({
      id: stableId('aud', scope),
      at: systemClock.now().toISOString(),
      action: 'reminders.run',
      entity: entityOf.reminders(request.job),
      actor: request.actor,
      before: null,
      after: {
        on: run.on,
        queued: run.messages.filter((message) => message.queued).map((message) => message.id),
        recovered: run.recovered.map((message) => message.id),
        withoutAddress: run.withoutAddress,
      },
    });
    return run;
  },
);

export const handler = httpApi(
  dispatch<'reminders'>({
    'POST /reminders/runs': async (event, context) => {
      const caller = callerOf(event);
      const scope = idempotencyScope(event, caller);
      const { job } = parsePart(reminderRunRequestSchema, event.body as unknown, 'body');
      return json(200, await runOnce({ scope, request: { job, actor: actorOf(caller) } }, context));
    },
    'GET /reminder-settings': async () => json(200, await mail.reminderSettings.get()),
    'PUT /reminder-settings': async (event) => {
      const change = parsePart(reminderSettingsChangeSchema, event.body as unknown, 'body');
      const saved = await changeReminderSettings(change, {
        settings: mail.reminderSettings,
        agencies: stores.agencies,
        audit: stores.audit,
        clock: systemClock,
        actor: actorOf(callerOf(event)),
        requestId: event.requestContext.requestId,
      });
      return json(200, saved);
    },
  }),
  { json: true },
);
