/**
 * What the reminders need: the registry and the reports as they stand (read), the outbox
 * in the table (claims and messages, every write a conditional single-item operation),
 * the mail queue, and the mail service.
 */
import type { Agency } from '#shared/domain/plan/model.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import type { SettlingReport } from '#shared/domain/reminder/obligations.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { DigestBasis } from '#shared/domain/reminder/digest.ts';
import type { NoticeKind } from '#shared/domain/reminder/notices.ts';
import type { Claim, OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import type { ContactPerson } from '#shared/domain/reminder/recipients.ts';
import type { ReminderSettings } from '#shared/domain/reminder/reminder-settings.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { TaskRiskState } from '../risk-ports.ts';

export interface ReminderReads {
  /** The plans whose tasks are tracked (published, not drafts). */
  trackedPlans(): Promise<PlanRecord[]>;
  /** Every task of the plans with its agencies' latest reports and its risk reasons. */
  tasksOf(plans: readonly string[]): AsyncIterable<TaskRiskState>;
  /** The plans' reports describing each of the periods, whenever received. */
  reportsDescribing(
    plans: readonly string[],
    periods: readonly PeriodCode[],
  ): Promise<SettlingReport[]>;
  memberships(): Promise<Memberships>;
  /** Every agency, merged and deactivated ones included. */
  agencies(): Promise<Agency[]>;
  settings(): Promise<ReminderSettings>;
  /** The people who may sign in, with their addresses. */
  people(): Promise<ContactPerson[]>;
}

export interface OutboxRepository {
  /** The claims made for a kind and period: claim key (outbox-message.ts) → message id. */
  claimsOf(kind: NoticeKind, period: string): Promise<Map<string, string>>;
  /** Writes the draft unless a message with its id is stored; returns the stored one. */
  saveDraft(message: OutboxMessage): Promise<OutboxMessage>;
  /**
   * Claims a notice for a message unless it is claimed already; returns the id of the
   * message holding the claim: this one, or the one that claimed it first.
   */
  claim(
    kind: NoticeKind,
    period: string,
    claim: Claim,
    messageId: string,
    at: string,
  ): Promise<string>;
  /** The id of the message holding a claim, or null when nobody claimed it. */
  claimHolder(kind: NoticeKind, period: string, claim: Claim): Promise<string | null>;
  /**
   * Makes a draft ready with what it won; false when it is no longer a draft (another run
   * finished it first).
   */
  finalize(
    id: string,
    won: Pick<OutboxMessage, 'content' | 'claims'>,
    at: string,
  ): Promise<boolean>;
  /** Removes a draft that won nothing. */
  discard(id: string): Promise<void>;
  markQueued(id: string, at: string): Promise<void>;
  get(id: string): Promise<OutboxMessage | null>;
  /** Drafts and ready messages: what a run that died may have left. */
  unfinished(): Promise<OutboxMessage[]>;
  /** Records the words as sent; false when it was marked sent already. */
  markSent(id: string, sent: NonNullable<OutboxMessage['sent']>, at: string): Promise<boolean>;
  recordFailure(id: string, error: string, at: string): Promise<void>;
  /** The last digest's week and basis, or null before the first. */
  digestBasis(): Promise<{ week: string; basis: DigestBasis } | null>;
  /** Keeps the week's basis unless a later week's is kept already. */
  saveDigestBasis(week: string, basis: DigestBasis): Promise<void>;
}

export interface MailQueue {
  /** Hands the messages to delivery; the consumer reads each from the outbox by id. */
  enqueue(messageIds: readonly string[]): Promise<void>;
}

export interface OutgoingMail {
  to: readonly string[];
  subject: string;
  text: string;
}

export interface MailSender {
  /** Sends one mail; returns the mail service's id for it. */
  send(mail: OutgoingMail): Promise<string>;
}
