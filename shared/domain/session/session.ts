/**
 * A person's session in the web app: a random id the browser holds in an HttpOnly cookie,
 * the caller it stands for, a CSRF token every form and htmx request sends back, and an
 * absolute expiry. The store keeps only a hash of the id, so reading the table yields no
 * session anyone could use.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { ROLES, type Caller } from '../access/caller.ts';

/** A working day: a person signs in again the next morning. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

/** 32 random bytes each: far beyond guessing. */
const SECRET_BYTES = 32;

export const sessionCallerSchema = z.object({
  tokenId: z.string().min(1),
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  actsFor: z.array(z.string()),
  person: z.string().min(1),
});
export type SessionCaller = z.infer<typeof sessionCallerSchema>;

export const storedSessionSchema = z.object({
  idHash: z.string(),
  caller: sessionCallerSchema,
  csrfToken: z.string().min(32),
  createdAt: z.iso.datetime(),
  /** The instant the session ends, whatever the store's TTL sweep has done yet. */
  endsAt: z.iso.datetime(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** A session as the browser's cookie names it: the stored one and its id. */
export interface Session extends StoredSession {
  id: string;
}

export const randomSecret = (): string => randomBytes(SECRET_BYTES).toString('base64url');

export const hashSessionId = (id: string): string =>
  createHash('sha256').update(id, 'utf8').digest('hex');

export function newSession(
  caller: SessionCaller,
  now: Date,
  lifetimeSeconds = SESSION_LIFETIME_SECONDS,
): Session {
  const id = randomSecret();
  return {
    id,
    idHash: hashSessionId(id),
    caller,
    csrfToken: randomSecret(),
    createdAt: now.toISOString(),
    endsAt: new Date(now.getTime() + lifetimeSeconds * 1000).toISOString(),
  };
}

export const isSessionLive = (session: StoredSession, now: Date): boolean =>
  new Date(session.endsAt).getTime() > now.getTime();

/** The caller a session acts as, for the use cases and the audit trail. */
export const callerOfSession = (session: StoredSession): Caller => ({ ...session.caller });

/** Compares a sent token with the session's in constant time. */
export function csrfTokenMatches(expected: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(sent, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
