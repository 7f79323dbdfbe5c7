/**
 * Issuing, revoking and checking bearer tokens.
 */
import type { Caller, Role } from '#shared/domain/access/caller.ts';
import {
  hashToken,
  isTokenUsable,
  newTokenSecret,
  tokenIdOf,
  type TokenRecord,
} from '#shared/domain/access/token.ts';
import { NotFoundError, ValidationError } from '#shared/domain/errors.ts';
import type { Agency } from '#shared/domain/plan/model.ts';

export interface TokenRepository {
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  getAgency(agencyId: string): Promise<Agency | null>;
  save(record: TokenRecord): Promise<void>;
  list(): Promise<TokenRecord[]>;
  revoke(tokenId: string, at: Date): Promise<boolean>;
}

export interface IssueTokenCommand {
  role: Role;
  agencyId?: string | undefined;
  label: string;
  expiresAt?: Date | undefined;
  /** Issues a personal account: the person signs in with it, and every write names them. */
  person?: string | undefined;
}

export async function issueToken(
  command: IssueTokenCommand,
  tokens: TokenRepository,
  now: Date,
): Promise<{ secret: string; record: TokenRecord }> {
  if (command.role === 'agency' && !command.agencyId) {
    throw new ValidationError('an agency token needs an agency', [
      { field: 'agency', reason: 'required for role agency' },
    ]);
  }
  if (command.role !== 'agency' && command.agencyId) {
    throw new ValidationError(`a ${command.role} token belongs to no agency`, [
      { field: 'agency', reason: `not allowed for role ${command.role}` },
    ]);
  }
  if (command.agencyId) {
    const agency = await tokens.getAgency(command.agencyId);
    if (!agency) throw new NotFoundError('agency-not-found', `no agency ${command.agencyId}`);
    if (agency.mergedInto || !agency.active) {
      throw new ValidationError(`agency ${agency.id} is no longer active`, [
        {
          field: 'agency',
          reason: agency.mergedInto ? `merged into ${agency.mergedInto}` : 'deactivated',
        },
      ]);
    }
  }
  const secret = newTokenSecret();
  const tokenHash = hashToken(secret);
  const record: TokenRecord = {
    tokenId: tokenIdOf(tokenHash),
    tokenHash,
    role: command.role,
    agencyId: command.agencyId ?? null,
    label: command.label,
    person: command.person ?? null,
    issuedAt: now.toISOString(),
    expiresAt: command.expiresAt?.toISOString() ?? null,
    revokedAt: null,
  };
  await tokens.save(record);
  return { secret, record };
}

/** The caller a secret stands for, or null when it is unknown, revoked or expired. */
export async function authenticate(
  secret: string,
  tokens: TokenRepository,
  now: Date,
): Promise<Caller | null> {
  const record = await tokens.findByHash(hashToken(secret));
  if (!record || !isTokenUsable(record, now)) return null;
  if (record.role !== 'agency' || !record.agencyId) {
    return {
      tokenId: record.tokenId,
      role: record.role,
      agencyId: null,
      actsFor: [],
      person: record.person,
    };
  }
  const acting = await actingAgency(record.agencyId, tokens);
  if (!acting) return null;
  return { tokenId: record.tokenId, role: 'agency', ...acting, person: record.person };
}

/**
 * The agency a credential bound to `agencyId` acts as, and the agencies it acts for; null
 * when the agency is unknown or deactivated. A credential of a merged agency acts for the
 * survivor (the merge re-points tokens, too).
 */
export async function actingAgency(
  agencyId: string,
  agencies: Pick<TokenRepository, 'getAgency'>,
): Promise<{ agencyId: string; actsFor: string[] } | null> {
  let agency = await agencies.getAgency(agencyId);
  for (let hops = 0; agency?.mergedInto && hops < 8; hops++) {
    agency = await agencies.getAgency(agency.mergedInto);
  }
  if (!agency?.active) return null;
  return {
    agencyId: agency.id,
    actsFor: [...new Set([agency.id, ...agency.absorbed, ...agency.memberOf])],
  };
}
