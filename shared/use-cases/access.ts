/**
 * Issuing, rotating, revoking and checking bearer tokens. Every token expires (a year by
 * default); a collective ("UBND các xã, phường") is never a caller: its members act for
 * their own share. Each issue, rotation and revocation is in the audit trail.
 */
import type { Caller, Role } from '#shared/domain/access/caller.ts';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  hashToken,
  isTokenUsable,
  MAX_TOKEN_LIFETIME_DAYS,
  newTokenSecret,
  tokenIdOf,
  type TokenRecord,
} from '#shared/domain/access/token.ts';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { NotFoundError, ValidationError } from '#shared/domain/errors.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import { emailAddressSchema } from '#shared/domain/reminder/contacts.ts';
import type { AuditLog } from './registry/registry-ports.ts';

export interface TokenRepository {
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  getAgency(agencyId: string): Promise<Agency | null>;
  save(record: TokenRecord): Promise<void>;
  list(): Promise<TokenRecord[]>;
  findById(tokenId: string): Promise<TokenRecord | null>;
  revoke(tokenId: string, at: Date): Promise<boolean>;
}

export interface IssueTokenCommand {
  role: Role;
  agencyId?: string | undefined;
  label: string;
  expiresAt?: Date | undefined;
  /** Issues a personal account: the person signs in with it, and every write names them. */
  person?: string | undefined;
  /** The person's own address (a personal account only): reminders and digests reach it. */
  email?: string | undefined;
}

/** Who issues, rotates or revokes: recorded in the audit trail when one is kept. */
export interface TokenAudit {
  audit: AuditLog;
  actor: Actor;
}

const DAY_MS = 86_400_000;

export async function issueToken(
  command: IssueTokenCommand,
  tokens: TokenRepository,
  now: Date,
  audit?: TokenAudit,
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
    if (agency.kind === 'collective') {
      throw new ValidationError(
        `"${agency.name}" (${agency.id}) is a collective: its members act for their own share, each with a token of its own`,
        [{ field: 'agency', reason: `${agency.id} is a collective` }],
      );
    }
    if (agency.mergedInto || !agency.active) {
      throw new ValidationError(`agency ${agency.id} is no longer active`, [
        {
          field: 'agency',
          reason: agency.mergedInto ? `merged into ${agency.mergedInto}` : 'deactivated',
        },
      ]);
    }
  }
  const email = personalEmail(command);
  const latest = new Date(now.getTime() + MAX_TOKEN_LIFETIME_DAYS * DAY_MS);
  const expiresAt =
    command.expiresAt ?? new Date(now.getTime() + DEFAULT_TOKEN_LIFETIME_DAYS * DAY_MS);
  if (expiresAt <= now || expiresAt > latest) {
    throw new ValidationError('a token expires after today and within two years', [
      { field: 'expires', reason: `between tomorrow and ${latest.toISOString().slice(0, 10)}` },
    ]);
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
    email,
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    revokedAt: null,
  };
  await tokens.save(record);
  await audit?.audit.record({
    id: `issue:${record.tokenId}`,
    at: record.issuedAt,
    action: 'token.issued',
    entity: entityOf.token(record.tokenId),
    actor: audit.actor,
    before: null,
    after: visible(record),
  });
  return { secret, record };
}

/** The person's address, checked; only a personal account carries one. */
function personalEmail(command: IssueTokenCommand): string | null {
  if (command.email === undefined || command.email === '') return null;
  if (!command.person) {
    throw new ValidationError('only a personal account carries an address', [
      { field: 'email', reason: 'needs a person' },
    ]);
  }
  const parsed = emailAddressSchema.safeParse(command.email);
  if (!parsed.success) {
    throw new ValidationError(`${command.email} is not an e-mail address`, [
      { field: 'email', reason: parsed.error.issues[0]?.message ?? 'invalid' },
    ]);
  }
  return parsed.data;
}

/**
 * A new secret for the same role, agency, person and label, and the old one revoked: how
 * a leaked or ageing token is replaced without a gap (the new one works before the old
 * one stops).
 */
export async function rotateToken(
  tokenId: string,
  tokens: TokenRepository,
  now: Date,
  audit?: TokenAudit,
): Promise<{ secret: string; record: TokenRecord }> {
  const old = await tokens.findById(tokenId);
  if (!old) throw new NotFoundError('token-not-found', `no token ${tokenId}`);
  if (!isTokenUsable(old, now)) {
    throw new ValidationError(`token ${tokenId} is revoked or expired: issue a new one`, [
      { field: 'tokenId', reason: 'revoked or expired' },
    ]);
  }
  const rotated = await issueToken(
    {
      role: old.role,
      agencyId: old.agencyId ?? undefined,
      label: old.label,
      person: old.person ?? undefined,
      email: old.email ?? undefined,
    },
    tokens,
    now,
  );
  await tokens.revoke(tokenId, now);
  await audit?.audit.record({
    id: `rotate:${tokenId}`,
    at: now.toISOString(),
    action: 'token.rotated',
    entity: entityOf.token(tokenId),
    actor: audit.actor,
    before: visible(old),
    after: visible(rotated.record),
  });
  return rotated;
}

export async function revokeToken(
  tokenId: string,
  tokens: TokenRepository,
  now: Date,
  audit?: TokenAudit,
): Promise<boolean> {
  const before = await tokens.findById(tokenId);
  if (!(await tokens.revoke(tokenId, now))) return false;
  await audit?.audit.record({
    id: `revoke:${tokenId}`,
    at: now.toISOString(),
    action: 'token.revoked',
    entity: entityOf.token(tokenId),
    actor: audit.actor,
    before: before ? visible(before) : null,
    after: { revokedAt: now.toISOString() },
  });
  return true;
}

/** A token as the trail and the lists show it: never its hash. */
function visible({ tokenHash: _hidden, ...record }: TokenRecord): Record<string, unknown> {
  return record;
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
  // A collective is never a caller, whatever token was issued for it before.
  if (!agency?.active || agency.kind === 'collective') return null;
  return {
    agencyId: agency.id,
    actsFor: [...new Set([agency.id, ...agency.absorbed, ...agency.memberOf])],
  };
}
