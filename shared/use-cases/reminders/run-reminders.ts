/**
 * The reminder jobs, one function for the schedules and the admin's "run now":
 *
 * - `daily`: reminders before each deadline and escalations after it (domain/reminder);
 * - `digest`: the weekly digest for leaders.
 *
 * Each run first finishes what a run that died left (outbox-protocol.ts), then composes
 * one message per recipient and period from the notices nobody has claimed yet, and
 * claims them before anything is sent. Running a job again, or two at once, sends
 * nothing twice. An agency with no address gets no message, and its notices stay
 * unclaimed: once it has an address, the next run within the window reaches it.
 */
import * as z from 'zod';
import { isoDateSchema } from '#shared/domain/plan/model.ts';
import { answeringAgency, dueNotices, NOTICE_KINDS } from '#shared/domain/reminder/notices.ts';
import { reminderJobSchema, type ReminderJob } from '#shared/domain/reminder/reminder-jobs.ts';
import {
  digestBasis,
  digestChanges,
  digestContent,
  digestWeek,
  hasChanges,
} from '#shared/domain/reminder/digest.ts';
import { groupNotices, noticeContent } from '#shared/domain/reminder/message-content.ts';
import { periodsRecentlyDue, periodsToNotify } from '#shared/domain/reminder/notice-windows.ts';
import {
  claimKey,
  draftMessage,
  messageIdOf,
  type Claim,
  type OutboxMessage,
} from '#shared/domain/reminder/outbox-message.ts';
import { agencyAddresses, leaderAddresses, LEADERS } from '#shared/domain/reminder/recipients.ts';
import { isCompleted } from '#shared/domain/risk/task-state.ts';
import { compareIso } from '#shared/domain/calendar.ts';
import type { Clock } from '../progress-ports.ts';
import { deliverDraft, recoverUnfinished } from './outbox-protocol.ts';
import type { MailQueue, OutboxRepository, ReminderReads } from './reminder-ports.ts';
import { loadScene, obligationsOf, type ReminderScene } from './reminder-scene.ts';

export { reminderJobSchema, type ReminderJob };

const deliverySchema = z.object({
  id: z.string(),
  /** False when another run holds every notice it would carry, or queued it first. */
  queued: z.boolean(),
  /** The notices (agency, task) it carries. */
  notices: z.int().nonnegative(),
});

export const reminderRunSchema = z
  .object({
    job: reminderJobSchema,
    /** The day of the run, in the province. */
    on: isoDateSchema,
    /** Messages a run that died had left, finished now. */
    recovered: z.array(deliverySchema),
    /** The messages this run composed. */
    messages: z.array(
      deliverySchema.extend({
        kind: z.enum(NOTICE_KINDS),
        period: z.string(),
        recipientId: z.string(),
      }),
    ),
    /** Agencies (or the leaders) notices were due to, with no address to send them to. */
    withoutAddress: z.array(z.string()),
  })
  .meta({ id: 'ReminderRun' });
export type ReminderRun = z.infer<typeof reminderRunSchema>;

export interface ReminderDeps {
  reads: ReminderReads;
  outbox: OutboxRepository;
  queue: MailQueue;
  clock: Clock;
  /**
   * The longest a run may take (the job's timeout): a draft older than this was left by
   * a run that died, never by one still running.
   */
  leaseMs: number;
}

/** The parts of a run, in order: what a job's progress tells. */
export const REMINDER_STAGES = ['recover', 'read', 'compose'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];
/** Told as each part starts: `done` of `total` parts finished. */
export type OnReminderStage = (stage: ReminderStage, done: number, total: number) => Promise<void>;

export async function runReminderJob(
  job: ReminderJob,
  deps: ReminderDeps,
  onStage: OnReminderStage = async () => {},
): Promise<ReminderRun> {
  const now = deps.clock.now();
  const stage = (name: ReminderStage) =>
    onStage(name, REMINDER_STAGES.indexOf(name), REMINDER_STAGES.length);
  const protocol = { outbox: deps.outbox, queue: deps.queue, at: now.toISOString() };
  await stage('recover');
  const recovered = await recoverUnfinished(new Date(now.getTime() - deps.leaseMs), protocol);
  await stage('read');
  const scene = await loadScene(deps.reads, now);
  await stage('compose');
  const outcome =
    job === 'daily'
      ? await daily(scene, deps, new Set((await deps.outbox.unfinished()).map(({ id }) => id)))
      : await digest(scene, deps);
  return { job, on: scene.today, recovered, ...outcome };
}

type Outcome = Pick<ReminderRun, 'messages' | 'withoutAddress'>;

/**
 * `unfinished`: the messages still drafts (or ready): their notices are composed again, so
 * that a run that died is finished at once when the same message comes out of them; a
 * different message cannot take them (the claims stay with the draft until its lease ends).
 */
async function daily(
  scene: ReminderScene,
  deps: ReminderDeps,
  unfinished: ReadonlySet<string>,
): Promise<Outcome> {
  const periods = periodsToNotify(scene.today, [...scene.plans.values()], scene.settings.graceDays);
  const notices = dueNotices(await obligationsOf(scene, periods, deps.reads), {
    today: scene.today,
    settings: scene.settings,
    plans: scene.plans,
    agencies: scene.agencies,
    tasks: scene.taskById,
  });
  const claimed = new Map<string, Map<string, string>>();
  const claimsOf = async (kind: OutboxMessage['kind'], period: string) => {
    const key = `${kind}|${period}`;
    if (!claimed.has(key)) claimed.set(key, await deps.outbox.claimsOf(kind, period));
    return claimed.get(key) as Map<string, string>;
  };
  const open = [];
  for (const notice of notices) {
    const holder = (await claimsOf(notice.kind, notice.period)).get(claimKey(notice));
    if (holder === undefined || unfinished.has(holder)) open.push(notice);
  }
  const outcome: Outcome = { messages: [], withoutAddress: [] };
  for (const group of groupNotices(open)) {
    const recipient = scene.agencies.get(group.recipientId);
    const to = recipient ? agencyAddresses(recipient, scene.people) : [];
    if (!recipient || to.length === 0) {
      outcome.withoutAddress.push(group.recipientId);
      continue;
    }
    const claims: Claim[] = group.notices.map(({ agencyId, taskId, recipientId }) => ({
      agencyId,
      taskId,
      recipientId,
    }));
    const content = noticeContent(group, group.notices, {
      today: scene.today,
      agencies: scene.agencies,
      tasks: scene.taskById,
      planLabels: scene.planLabels,
    });
    const delivery = await deliverDraft(
      draftOf(group.kind, group.period, recipient.id, to, content, claims, scene),
      { outbox: deps.outbox, queue: deps.queue, at: scene.now.toISOString() },
    );
    outcome.messages.push({
      ...delivery,
      kind: group.kind,
      period: group.period,
      recipientId: recipient.id,
    });
  }
  outcome.withoutAddress = [...new Set(outcome.withoutAddress)].sort();
  return outcome;
}

async function digest(scene: ReminderScene, deps: ReminderDeps): Promise<Outcome> {
  const week = digestWeek(scene.today);
  const previous = await deps.outbox.digestBasis();
  if (previous && previous.week >= week.code) return { messages: [], withoutAddress: [] };
  const calendars = [...scene.plans.values()].map((plan) => plan.calendar);
  const late = (
    await obligationsOf(scene, periodsRecentlyDue(scene.today, calendars), deps.reads)
  ).filter((owed) => compareIso(owed.deadline, scene.today) < 0);
  const tasks = new Map(
    scene.tasks
      .filter(({ task }) => !task.isGroup)
      .map(({ task, latest, riskReasons }) => [
        task.id,
        { task, riskReasons, completed: isCompleted(task, latest, scene.memberOf) },
      ]),
  );
  const basis = digestBasis([...tasks.values()], late);
  const changes = digestChanges(previous?.basis ?? null, basis);
  const outcome: Outcome = { messages: [], withoutAddress: [] };
  if (hasChanges(changes)) {
    const officeId = scene.settings.provincialOffice;
    const office = officeId ? answeringAgency(scene.agencies, officeId) : null;
    const to = leaderAddresses(scene.people, office);
    if (to.length === 0) outcome.withoutAddress.push(LEADERS.id);
    else {
      const content = digestContent(changes, {
        today: scene.today,
        recipient: { ...LEADERS },
        tasks,
        late,
        agencies: scene.agencies,
        planLabels: scene.planLabels,
      });
      const claims = [{ agencyId: LEADERS.id, taskId: '*', recipientId: LEADERS.id }];
      const delivery = await deliverDraft(
        draftOf('digest', week.code, LEADERS.id, to, content, claims, scene),
        { outbox: deps.outbox, queue: deps.queue, at: scene.now.toISOString() },
      );
      outcome.messages.push({
        ...delivery,
        kind: 'digest',
        period: week.code,
        recipientId: LEADERS.id,
      });
    }
  }
  await deps.outbox.saveDigestBasis(week.code, basis);
  return outcome;
}

function draftOf(
  kind: OutboxMessage['kind'],
  period: string,
  recipientId: string,
  to: string[],
  content: OutboxMessage['content'],
  claims: Claim[],
  scene: ReminderScene,
): OutboxMessage {
  return draftMessage(
    {
      id: messageIdOf(kind, period, recipientId, claims),
      kind,
      period,
      recipientId,
      to,
      content,
      claims,
    },
    scene.now.toISOString(),
  );
}
