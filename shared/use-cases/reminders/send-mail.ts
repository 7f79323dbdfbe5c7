/**
 * The mail queue's consumer: one message from the outbox, in words, to the mail service.
 *
 * A message already sent is not sent again (a redelivered queue message, a message queued
 * twice by a recovering run). The one window left: the mail service took the message and
 * the process died before marking it sent; the queue then delivers it again and it goes
 * twice. SES takes no idempotency key, so this is as close to once as delivery gets; a
 * failure is recorded on the message and rethrown, for the queue to retry and, in the
 * end, to dead-letter.
 */
import { renderMessage } from '#shared/domain/reminder/message-text.ts';
import type { Clock } from '../progress-ports.ts';
import type { MailSender, OutboxRepository } from './reminder-ports.ts';

export interface SendMailDeps {
  outbox: OutboxRepository;
  sender: MailSender;
  clock: Clock;
  /** The web app's public address: the links in the message point there. */
  baseUrl: string;
}

export type SendOutcome = 'sent' | 'already-sent' | 'unknown';

export async function sendMessage(id: string, deps: SendMailDeps): Promise<SendOutcome> {
  const message = await deps.outbox.get(id);
  // A message discarded after it was queued cannot be: only ready ones are queued.
  if (!message) return 'unknown';
  if (message.state === 'sent') return 'already-sent';
  const { subject, text } = renderMessage(message.content, deps.baseUrl);
  let providerId: string;
  try {
    providerId = await deps.sender.send({ to: message.to, subject, text });
  } catch (error) {
    await deps.outbox.recordFailure(id, (error as Error).message, deps.clock.now().toISOString());
    throw error;
  }
  await deps.outbox.markSent(id, { subject, text, providerId }, deps.clock.now().toISOString());
  return 'sent';
}
