/**
 * Signing in and out of the web app, and finding the session a request's cookie names.
 * People sign in as themselves: a machine token (no person) never opens a session.
 */
import { UnprocessableError } from '#shared/domain/errors.ts';
import {
  hashSessionId,
  isSessionLive,
  newSession,
  type Session,
  type StoredSession,
} from '#shared/domain/session/session.ts';
import type { Clock } from '../progress-ports.ts';
import type { PersonalAccounts, SessionRepository } from './session-ports.ts';

export interface SessionDeps {
  sessions: SessionRepository;
  accounts: PersonalAccounts;
  clock: Clock;
}

/** One message for every refusal: it must not tell which of the two was wrong. */
export class SignInRefusedError extends UnprocessableError {
  constructor() {
    super('sign-in-refused', 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.', [
      { field: 'secret', reason: 'không đúng' },
    ]);
  }
}

export async function signIn(login: string, secret: string, deps: SessionDeps): Promise<Session> {
  const now = deps.clock.now();
  const caller = await deps.accounts.verify(login.trim(), secret.trim(), now);
  if (!caller) throw new SignInRefusedError();
  const session = newSession(caller, now);
  const { id: _id, ...stored } = session;
  await deps.sessions.save(stored);
  return session;
}

export type SessionLookup =
  { state: 'none' } | { state: 'expired' } | { state: 'live'; session: StoredSession };

export async function findSession(
  id: string | undefined,
  deps: Pick<SessionDeps, 'sessions' | 'clock'>,
): Promise<SessionLookup> {
  if (!id) return { state: 'none' };
  const stored = await deps.sessions.find(hashSessionId(id));
  if (!stored) return { state: 'expired' };
  if (!isSessionLive(stored, deps.clock.now())) {
    await deps.sessions.remove(stored.idHash);
    return { state: 'expired' };
  }
  return { state: 'live', session: stored };
}

export async function signOut(
  session: StoredSession,
  deps: Pick<SessionDeps, 'sessions'>,
): Promise<void> {
  await deps.sessions.remove(session.idHash);
}
