/**
 * Where a message goes: an agency's own addresses and those of its people who gave one;
 * the digest to the province's leaders (the people with the leader's role) and the
 * provincial office's addresses. Each address once, at most as many as a message takes.
 */
import type { Role } from '../access/caller.ts';
import { distinctAddresses } from './contacts.ts';
import type { NoticeAgency } from './notices.ts';
import { MAX_RECIPIENT_ADDRESSES } from './outbox-message.ts';

/** A person as the reminders see them (the people page's accounts). */
export interface ContactPerson {
  role: Role;
  agencyId: string | null;
  active: boolean;
  email: string | null;
}

/** The digest's recipient: the leaders, as a message addresses them. */
export const LEADERS = { id: 'lanh-dao-tinh', name: 'Lãnh đạo UBND tỉnh' } as const;

const emailsOf = (people: readonly ContactPerson[]) =>
  people.flatMap((person) => (person.active && person.email ? [person.email] : []));

export function agencyAddresses(
  agency: Pick<NoticeAgency, 'id' | 'emails'>,
  people: readonly ContactPerson[],
): string[] {
  const own = people.filter((person) => person.role === 'agency' && person.agencyId === agency.id);
  return cap([...agency.emails, ...emailsOf(own)]);
}

export function leaderAddresses(
  people: readonly ContactPerson[],
  office: Pick<NoticeAgency, 'emails'> | null,
): string[] {
  const leaders = people.filter((person) => person.role === 'viewer');
  return cap([...emailsOf(leaders), ...(office?.emails ?? [])]);
}

function cap(addresses: readonly string[]): string[] {
  return distinctAddresses(addresses).slice(0, MAX_RECIPIENT_ADDRESSES);
}
