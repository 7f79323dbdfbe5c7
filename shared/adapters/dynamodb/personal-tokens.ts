/**
 * The local platform's personal accounts: tokens issued with a person
 * (`npm run tokens -- issue … --person "Nguyễn Văn A"`). The login is the token's id and
 * the secret is the token itself; a machine token (no person) never signs anyone in.
 */
import { hashToken } from '#shared/domain/access/token.ts';
import type { SessionCaller } from '#shared/domain/session/session.ts';
import { authenticate, type TokenRepository } from '#shared/use-cases/access.ts';
import type { PersonalAccounts } from '#shared/use-cases/web/session-ports.ts';

export class PersonalTokenAccounts implements PersonalAccounts {
  readonly kind = 'personal-token';

  constructor(private readonly tokens: TokenRepository) {}

  async verify(login: string, secret: string, now: Date): Promise<SessionCaller | null> {
    const record = await this.tokens.findByHash(hashToken(secret));
    if (!record || record.tokenId !== login || record.person === null) return null;
    const caller = await authenticate(secret, this.tokens, now);
    if (!caller) return null;
    return { ...caller, person: record.person };
  }
}
