/**
 * The local platform's people: personal tokens, tokens issued with a person
 * (`npm run tokens -- issue … --person "Nguyễn Văn A"`, or the people page). The login is
 * the token's id and the secret is the token itself; a machine token (no person) never
 * signs anyone in.
 */
import { hashToken } from '#shared/domain/access/token.ts';
import type { SessionCaller } from '#shared/domain/session/session.ts';
import { authenticate, issueToken, type TokenRepository } from '#shared/use-cases/access.ts';
import type {
  NewPerson,
  PeopleDirectory,
  PersonAccount,
  PersonalAccounts,
} from '#shared/use-cases/web/session-ports.ts';

export class PersonalTokenAccounts implements PersonalAccounts, PeopleDirectory {
  readonly kind = 'personal-token';

  constructor(private readonly tokens: TokenRepository) {}

  async verify(login: string, secret: string, now: Date): Promise<SessionCaller | null> {
    const record = await this.tokens.findByHash(hashToken(secret));
    if (!record || record.tokenId !== login || record.person === null) return null;
    const caller = await authenticate(secret, this.tokens, now);
    if (!caller) return null;
    return { ...caller, person: record.person };
  }

  async list(): Promise<PersonAccount[]> {
    const now = new Date();
    return (await this.tokens.list()).flatMap((record) =>
      record.person === null
        ? []
        : [
            {
              login: record.tokenId,
              person: record.person,
              role: record.role,
              agencyId: record.agencyId,
              active:
                record.revokedAt === null &&
                (record.expiresAt === null || new Date(record.expiresAt) > now),
              createdAt: record.issuedAt,
              email: record.email,
            },
          ],
    );
  }

  async add(person: NewPerson, now: Date): Promise<{ login: string; secret: string }> {
    const { secret, record } = await issueToken(
      {
        role: person.role,
        agencyId: person.agencyId ?? undefined,
        label: person.person,
        person: person.person,
        email: person.email,
      },
      this.tokens,
      now,
    );
    return { login: record.tokenId, secret };
  }

  disable(login: string, now: Date): Promise<boolean> {
    return this.tokens.revoke(login, now);
  }
}
