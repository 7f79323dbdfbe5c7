/**
 * The reminders' composition root: the job's reads (the table's and the people's), its
 * outbox and the mail queue; and the sender's outbox, mail service and public address.
 */
import { createSesClient, createSqsClient } from '#shared/adapters/aws-clients.ts';
import { outboxStores, type OutboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { dynamoStores, type DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { SesMailSender } from '#shared/adapters/ses/ses-mail-sender.ts';
import { SqsMailQueue } from '#shared/adapters/sqs/mail-queue.ts';
import { mailQueueEnvSchema, mailSenderEnvSchema, readEnv } from '#shared/config/env.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { HANDLERS } from '#shared/platform/handlers.ts';
import type { ReminderDeps } from '#shared/use-cases/reminders/run-reminders.ts';
import type { SendMailDeps } from '#shared/use-cases/reminders/send-mail.ts';
import { peopleDirectory } from './people-wiring.ts';
import { systemClock, tableAccess } from './wiring.ts';

/**
 * A reminder run lasts at most the timeout of the function running it (the schedules' or
 * the jobs'); a draft older than the longer and a margin was left by a run that died
 * (use-cases/reminders/outbox-protocol.ts).
 */
export const REMINDER_LEASE_MS =
  (Math.max(HANDLERS.reminderJob.timeoutSeconds, HANDLERS.runJobs.timeoutSeconds) + 5 * 60) * 1000;

/** The table's adapters and the reminders' own, over one client. */
export function reminderStores() {
  const { db, tableName } = tableAccess();
  return { tableName, stores: dynamoStores(db, tableName), mail: outboxStores(db, tableName) };
}

/** What a reminder job takes: the table's reads and outbox, the people, the mail queue. */
export function reminderDeps(stores: DynamoStores, mail: OutboxStores): ReminderDeps {
  const env = readEnv(mailQueueEnvSchema);
  const people = peopleDirectory(stores);
  return {
    reads: {
      trackedPlans: () => stores.rollups.trackedPlans(),
      tasksOf: async function* (plans) {
        for (const sector of SECTORS) yield* stores.rollups.loadSector(sector, plans);
      },
      reportsDescribing: (plans, periods) => stores.rollups.reportsDescribing(plans, periods),
      memberships: () => stores.rollups.memberships(),
      agencies: async () => (await stores.agencies.listAll()).map((stored) => stored.agency),
      settings: async () => (await mail.reminderSettings.get()).settings,
      people: () => people.list(),
    },
    outbox: mail.outbox,
    queue: new SqsMailQueue(createSqsClient(env.SQS_ENDPOINT), env.MAIL_QUEUE_URL),
    clock: systemClock,
    leaseMs: REMINDER_LEASE_MS,
  };
}

/** What the mail queue's consumer takes: the outbox, SES, the web app's public address. */
export function sendMailDeps(mail: OutboxStores): SendMailDeps {
  const env = readEnv(mailSenderEnvSchema);
  return {
    outbox: mail.outbox,
    sender: new SesMailSender(createSesClient(env.SES_ENDPOINT), env.MAIL_FROM),
    clock: systemClock,
    baseUrl: env.PUBLIC_BASE_URL,
  };
}
