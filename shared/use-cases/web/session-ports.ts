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

/** A person who may sign in, as the people page lists them. */
export interface PersonAccount {
  /** What the person signs in with: a token id locally, a user name on AWS. */
  login: string;
  person: string;
  role: SessionCaller['role'];
  agencyId: string | null;
  active: boolean;
  createdAt: string | null;
  /** The person's own address, for reminders (an agency's people) and digests (leaders). */
  email: string | null;
}

export interface NewPerson {
  person: string;
  role: SessionCaller['role'];
  agencyId: string | null;
  /** The user name to create (AWS); locally the token id is the login. */
  login?: string | undefined;
  /** The person's own address, optional. */
  email?: string | undefined;
}

/** The people who may sign in: personal tokens locally, Cognito users on AWS. */
export interface PeopleDirectory {
  readonly kind: PersonalAccounts['kind'];
  list(): Promise<PersonAccount[]>;
  /** Creates the account; the secret (password) is returned once and never stored readable. */
  add(person: NewPerson, now: Date): Promise<{ login: string; secret: string }>;
  /** Ends the account's sign-ins; false when there is no such account. */
  disable(login: string, now: Date): Promise<boolean>;
}
