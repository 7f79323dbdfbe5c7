import type { SessionCaller, StoredSession } from '#shared/domain/session/session.ts';

export interface SessionRepository {
  save(session: StoredSession): Promise<void>;
  /** The session stored under this id hash, or null; expiry is the caller's to judge. */
  find(idHash: string): Promise<StoredSession | null>;
  remove(idHash: string): Promise<void>;
}

/** Checks a person's login and secret (password) and says whom they sign in as. */
export interface PersonalAccounts {
  /** How the sign-in page asks: a personal token locally, a user name and password on AWS. */
  readonly kind: 'personal-token' | 'cognito';
  verify(login: string, secret: string, now: Date): Promise<SessionCaller | null>;
}
