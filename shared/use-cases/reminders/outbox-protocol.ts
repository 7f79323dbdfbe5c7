/**
 * Never twice, never lost: how a message goes from composed to queued with only
 * conditional single-item writes (the local store has no transactions).
 *
 * 1. The draft is written under an id derived from what it says (outbox-message.ts):
 *    a run that composes the same message again finds it.
 * 2. Each notice is claimed for it with a conditional put, BEFORE anything is sent. A
 *    claim another message holds stays with that message; one this message holds already
 *    (a rerun of the same message) is its own.
 * 3. The draft becomes ready with exactly the notices it holds, or is discarded when it
 *    holds none; then it is queued, and the queue's consumer sends it (send-mail.ts).
 *
 * A run that dies between 2 and 3 leaves a draft whose claims nobody else may take. The
 * next run finishes it (the claims it holds decide what it says), once it is older than
 * the longest a run may take, so that it never finishes a live run's draft; a message
 * left ready (the run died before queueing it) is queued the same way.
 */
import type { OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { restrictContent } from '#shared/domain/reminder/outbox-message.ts';
import type { MailQueue, OutboxRepository } from './reminder-ports.ts';

export interface ProtocolDeps {
  outbox: OutboxRepository;
  queue: MailQueue;
  /** ISO instant of now. */
  at: string;
}

/** What one message came to: queued with so many notices, or nothing (all held elsewhere). */
export interface Delivery {
  id: string;
  queued: boolean;
  notices: number;
}

export async function deliverDraft(draft: OutboxMessage, deps: ProtocolDeps): Promise<Delivery> {
  const stored = await deps.outbox.saveDraft(draft);
  if (stored.state !== 'draft') return { id: stored.id, queued: false, notices: 0 };
  const won = [];
  for (const claim of stored.claims) {
    const holder = await deps.outbox.claim(stored.kind, stored.period, claim, stored.id, deps.at);
    if (holder === stored.id) won.push(claim);
  }
  return finish(stored, won, deps);
}

/** Finishes what runs that died left: drafts and ready messages older than `staleBefore`. */
export async function recoverUnfinished(
  staleBefore: Date,
  deps: ProtocolDeps,
): Promise<Delivery[]> {
  const stale = (await deps.outbox.unfinished()).filter(
    (message) => Date.parse(message.updatedAt) < staleBefore.getTime(),
  );
  const recovered: Delivery[] = [];
  for (const message of stale) {
    if (message.state === 'ready') {
      await queue(message.id, deps);
      recovered.push({ id: message.id, queued: true, notices: message.claims.length });
      continue;
    }
    const won = [];
    for (const claim of message.claims) {
      const holder = await deps.outbox.claimHolder(message.kind, message.period, claim);
      if (holder === message.id) won.push(claim);
    }
    recovered.push(await finish(message, won, deps));
  }
  return recovered;
}

async function finish(
  draft: OutboxMessage,
  won: OutboxMessage['claims'],
  deps: ProtocolDeps,
): Promise<Delivery> {
  if (won.length === 0) {
    await deps.outbox.discard(draft.id);
    return { id: draft.id, queued: false, notices: 0 };
  }
  const content = restrictContent(draft.content, won);
  const finalized = await deps.outbox.finalize(draft.id, { content, claims: won }, deps.at);
  // Another run finished this very message first: it queues it.
  if (!finalized) return { id: draft.id, queued: false, notices: 0 };
  await queue(draft.id, deps);
  return { id: draft.id, queued: true, notices: won.length };
}

async function queue(id: string, deps: ProtocolDeps): Promise<void> {
  await deps.queue.enqueue([id]);
  await deps.outbox.markQueued(id, deps.at);
}
