/**
 * The audit trail: one entry per state-changing action, append-only. Who (the token and,
 * when a person signed in, the person), when, what, and the state before and after.
 */
import * as z from 'zod';

export const actorSchema = z
  .object({
    tokenId: z.string(),
    /** The agency the caller acts as; null for admins and viewers. */
    agencyId: z.string().nullable(),
    /** The person signed in, when the caller is a person rather than a machine token. */
    person: z.string().nullable(),
  })
  .meta({ id: 'Actor' });
export type Actor = z.infer<typeof actorSchema>;

/** Who acts when a schedule runs the work (the snapshots, the reminders). */
export const SCHEDULE_ACTOR: Actor = { tokenId: 'schedule', agencyId: null, person: null };

/** Actions the platform records; the entity names what they changed (`plan/KH266`). */
export const AUDIT_ACTIONS = [
  'plan.imported',
  'plan.corrected',
  'agency.created',
  'agency.updated',
  'agency.merged',
  'report.submitted',
  'contribution.filed',
  'review.accepted',
  'review.returned',
  'token.issued',
  'token.rotated',
  'token.revoked',
  'rollup.run',
  'indicator.created',
  'indicator.updated',
  'indicator.linked',
  'settings.updated',
  'reminders.run',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z
  .object({
    /** Derived from the request, so a retried action records itself once. */
    id: z.string(),
    at: z.iso.datetime(),
    action: z.enum(AUDIT_ACTIONS),
    /** `plan/KH266`, `agency/so-tai-chinh`. */
    entity: z.string(),
    actor: actorSchema,
    /** The entity's state before the action, where there was one; JSON. */
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const entityOf = {
  plan: (code: string) => `plan/${code}`,
  agency: (id: string) => `agency/${id}`,
  task: (id: string) => `task/${id}`,
  token: (id: string) => `token/${id}`,
  rollup: (period: string) => `rollup/${period}`,
  indicator: (code: string) => `indicator/${code}`,
  settings: (name: string) => `settings/${name}`,
  reminders: (job: string) => `reminders/${job}`,
} as const;
