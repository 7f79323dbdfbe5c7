/**
 * How a person's role and agency are written as Cognito groups: one group per role
 * (created with the user pool) and one per agency (`agency:so-y-te`, created when the
 * first person of that agency is added). Read at sign-in, written by the people page.
 */
import { ROLES, type Role } from './caller.ts';

const AGENCY_GROUP_PREFIX = 'agency:';

export const ROLE_GROUPS: readonly Role[] = ROLES;

export const agencyGroup = (agencyId: string): string => `${AGENCY_GROUP_PREFIX}${agencyId}`;

/** The groups a person of this role (and agency) belongs to. */
export function groupsOf(role: Role, agencyId: string | null): string[] {
  return role === 'agency' && agencyId ? [role, agencyGroup(agencyId)] : [role];
}

/**
 * The role and agency a person's groups give, or null when they give none or conflict:
 * exactly one role group, and for the agency role exactly one agency group.
 */
export function roleOfGroups(
  groups: readonly string[],
): { role: Role; agencyId: string | null } | null {
  const roles = ROLE_GROUPS.filter((role) => groups.includes(role));
  const agencies = groups
    .filter((group) => group.startsWith(AGENCY_GROUP_PREFIX))
    .map((group) => group.slice(AGENCY_GROUP_PREFIX.length));
  const [role] = roles;
  if (roles.length !== 1 || role === undefined) return null;
  if (role !== 'agency') return { role, agencyId: null };
  const [agencyId] = agencies;
  return agencies.length === 1 && agencyId ? { role, agencyId } : null;
}
