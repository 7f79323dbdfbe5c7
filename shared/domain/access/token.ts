/**
 * Bearer tokens: long random secrets shown once at issue, stored only as SHA-256 hashes.
 * A token is bound to a role and, for the `agency` role, to one agency.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ROLES } from './caller.ts';

const TOKEN_PREFIX = 'lsp_';
/** 32 random bytes: 256 bits, far beyond guessing. */
const TOKEN_BYTES = 32;

export const tokenRecordSchema = z.object({
  tokenId: z.string(),
  tokenHash: z.string(),
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  label: z.string(),
  /** A personal account: the person it was issued to, who signs in to the web app with it. */
  person: z.string().nullable().default(null),
  /** A person's own address, for the reminders of their agency or a leader's digest. */
  email: z.string().nullable().default(null),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** The public handle of a token (for listing and revoking): a prefix of its hash. */
export function tokenIdOf(tokenHash: string): string {
  return `tok_${tokenHash.slice(0, 16)}`;
}

/** How long a token lives unless issued for less: a year. No token lives for ever. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 365;
/** The longest a token may be issued for. */
export const MAX_TOKEN_LIFETIME_DAYS = 2 * 365;

/** When a token stops working: its own expiry, or (a token issued before expiries) a year on. */
export function expiryOf(record: Pick<TokenRecord, 'expiresAt' | 'issuedAt'>): Date {
  if (record.expiresAt !== null) return new Date(record.expiresAt);
  return new Date(Date.parse(record.issuedAt) + DEFAULT_TOKEN_LIFETIME_DAYS * 86_400_000);
}

export function isTokenUsable(record: TokenRecord, now: Date): boolean {
  if (record.revokedAt) return false;
  return expiryOf(record) > now;
}

/** `Bearer <secret>` → secret; anything else → null. */
export function bearerSecret(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
