/**
 * A message in the outbox: what it says (its content), to whom, which notices it carries
 * (its claims), and where it stands:
 *
 *   draft ──> ready ──> queued ──> sent
 *
 * - draft: composed, its notices being claimed; becomes ready with only the notices it
 *   won (another run may have won some), or is discarded when it won none;
 * - ready: to be queued for delivery; queued: handed to the mail queue;
 * - sent: the mail service took it (its id is kept, and the words as sent).
 *
 * A message's id is derived from its kind, period, recipient and claims, so two runs that
 * compose the same message write the same item, and a run that died is finished by the
 * next one (use-cases/reminders).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { messageContentSchema, type MessageContent } from './message-content.ts';
import { NOTICE_KINDS, type NoticeKind } from './notices.ts';

export const MESSAGE_STATES = ['draft', 'ready', 'queued', 'sent'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** One notice a message carries: who owes what, told to whom. */
export const claimSchema = z.object({
  agencyId: z.string(),
  taskId: z.string(),
  recipientId: z.string(),
});
export type Claim = z.infer<typeof claimSchema>;

/** SES takes at most 50 recipients per message. */
export const MAX_RECIPIENT_ADDRESSES = 50;

export const outboxMessageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTICE_KINDS),
    /** The period it is about (`2026-Q4`, `2026-12`), or the digest's week (`2026-W49`). */
    period: z.string(),
    recipientId: z.string(),
    to: z.array(z.string()).max(MAX_RECIPIENT_ADDRESSES),
    state: z.enum(MESSAGE_STATES),
    content: messageContentSchema,
    claims: z.array(claimSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    queuedAt: z.iso.datetime().nullable().default(null),
    sentAt: z.iso.datetime().nullable().default(null),
    /** Delivery attempts that failed, and the last failure. */
    failures: z.int().nonnegative().default(0),
    lastError: z.string().nullable().default(null),
    /** The words as sent, and the mail service's id for the message. */
    sent: z
      .object({ subject: z.string(), text: z.string(), providerId: z.string() })
      .nullable()
      .default(null),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const claimKey = (claim: Claim) => `${claim.agencyId}#${claim.taskId}#${claim.recipientId}`;

/** A message as a run first writes it: a draft, never queued, sent or failed. */
export function draftMessage(
  fields: Pick<
    OutboxMessage,
    'id' | 'kind' | 'period' | 'recipientId' | 'to' | 'content' | 'claims'
  >,
  at: string,
): OutboxMessage {
  return {
    ...fields,
    state: 'draft',
    createdAt: at,
    updatedAt: at,
    queuedAt: null,
    sentAt: null,
    failures: 0,
    lastError: null,
    sent: null,
  };
}

/** The same kind, period, recipient and claims always give the same id. */
export function messageIdOf(
  kind: NoticeKind,
  period: string,
  recipientId: string,
  claims: readonly Claim[],
): string {
  const canonical = JSON.stringify([kind, period, recipientId, claims.map(claimKey).sort()]);
  return `msg_${createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 32)}`;
}

/** The content narrowed to the claims a message won (a draft may lose some to another run). */
export function restrictContent(content: MessageContent, won: readonly Claim[]): MessageContent {
  const held = (agencyId: string, taskId: string) =>
    won.some((claim) => claim.agencyId === agencyId && claim.taskId === taskId);
  switch (content.kind) {
    case 'reminder':
      return {
        ...content,
        tasks: content.tasks.filter((task) => held(content.recipient.id, task.id)),
      };
    case 'escalation':
      return {
        ...content,
        late: content.late
          .map((late) => ({
            ...late,
            tasks: late.tasks.filter((task) => held(late.agency.id, task.id)),
          }))
          .filter((late) => late.tasks.length > 0),
      };
    case 'digest':
      return content;
  }
}
