/**
 * Who is calling: established by the authorizer from the bearer token, handed to the
 * handlers in the request context. Never taken from the request body.
 */
import * as z from 'zod';
import type { Actor } from '../audit/audit-entry.ts';

export const ROLES = ['admin', 'agency', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  tokenId: string;
  role: Role;
  /** The agency of an `agency` token; null for admin and viewer tokens. */
  agencyId: string | null;
  /** The agency and the collectives it belongs to ("UBND các xã, phường" for a commune). */
  actsFor: string[];
  /** The person signed in (a personal token or a session); null for a machine token. */
  person: string | null;
}

/** API Gateway passes authorizer context values as strings. */
export const authorizerContextSchema = z.object({
  tokenId: z.string().min(1),
  role: z.enum(ROLES),
  agencyId: z.string(),
  actsFor: z.string(),
  /** The person of a personal token; empty for a machine token. */
  person: z.string().default(''),
});
export type AuthorizerContext = z.infer<typeof authorizerContextSchema>;

export function toAuthorizerContext(caller: Caller): AuthorizerContext {
  return {
    tokenId: caller.tokenId,
    role: caller.role,
    agencyId: caller.agencyId ?? '',
    actsFor: caller.actsFor.join(','),
    person: caller.person ?? '',
  };
}

export function fromAuthorizerContext(context: AuthorizerContext): Caller {
  return {
    tokenId: context.tokenId,
    role: context.role,
    agencyId: context.agencyId === '' ? null : context.agencyId,
    actsFor: context.actsFor === '' ? [] : context.actsFor.split(','),
    person: context.person === '' ? null : context.person,
  };
}

/** Who an audit entry names for a caller: the token, its agency, and the person if any. */
export function actorOf(caller: Caller): Actor {
  return { tokenId: caller.tokenId, agencyId: caller.agencyId, person: caller.person };
}
