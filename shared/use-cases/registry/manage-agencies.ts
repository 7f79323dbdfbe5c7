/**
 * Admins manage the agency registry: create, correct (rename, aliases, memberships,
 * deactivation) and merge. Each change is checked against the whole registry, written
 * with the revision it was computed from (two admins never overwrite each other), and
 * recorded in the audit trail.
 */
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import {
  createAgency,
  mergeAgencies,
  updateAgency,
  type AgencyPatch,
  type NewAgency,
} from '#shared/domain/registry/agency-changes.ts';
import type { Clock } from '../progress-ports.ts';
import type { AgencyReassignment, AgencyRepository, AuditLog } from './registry-ports.ts';

export interface ManageAgenciesDeps {
  agencies: AgencyRepository;
  reassign: AgencyReassignment;
  audit: AuditLog;
  clock: Clock;
  actor: Actor;
  /** Stable across retries of the same request: the audit entry's id. */
  requestId: string;
}

export async function addAgency(input: NewAgency, deps: ManageAgenciesDeps): Promise<Agency> {
  const stored = await deps.agencies.listAll();
  const agency = createAgency(
    stored.map((s) => s.agency),
    input,
  );
  await deps.agencies.save(agency, null);
  await record(deps, 'agency.created', agency.id, null, agency);
  return agency;
}

export async function changeAgency(
  id: string,
  patch: AgencyPatch,
  deps: ManageAgenciesDeps,
): Promise<Agency> {
  const stored = await deps.agencies.listAll();
  const before = stored.find((s) => s.agency.id === id);
  const updated = updateAgency(
    stored.map((s) => s.agency),
    id,
    patch,
  );
  await deps.agencies.save(updated, before?.revision ?? null);
  await record(deps, 'agency.updated', id, before?.agency ?? null, updated);
  return updated;
}

export interface MergeOutcome {
  survivor: Agency;
  merged: Agency;
  linksMoved: number;
  tokensMoved: number;
}

/**
 * Merges `fromId` into `intoId`. The registry changes are written first (the survivor,
 * then the merged agency), then its task links and tokens move; every step converges when
 * the request is retried, and a merge already done only finishes the moves.
 */
export async function mergeAgency(
  fromId: string,
  intoId: string,
  deps: ManageAgenciesDeps,
): Promise<MergeOutcome> {
  const stored = await deps.agencies.listAll();
  const changed = mergeAgencies(
    stored.map((s) => s.agency),
    fromId,
    intoId,
  );
  const revisions = new Map(stored.map((s) => [s.agency.id, s.revision]));
  for (const agency of changed) await deps.agencies.save(agency, revisions.get(agency.id) ?? null);
  const after = new Map(stored.map((s) => [s.agency.id, s.agency]));
  for (const agency of changed) after.set(agency.id, agency);
  const survivor = after.get(intoId);
  const merged = after.get(fromId);
  if (!survivor || !merged) throw new NotFoundError('agency-not-found', 'không tìm thấy cơ quan');
  const linksMoved = await deps.reassign.relinkTasks(fromId, intoId);
  const tokensMoved = await deps.reassign.reassignTokens(fromId, intoId);
  if (changed.length > 0) {
    await record(
      deps,
      'agency.merged',
      fromId,
      stored.find((s) => s.agency.id === fromId)?.agency ?? null,
      { mergedInto: intoId, survivor },
    );
  }
  return { survivor, merged, linksMoved, tokensMoved };
}

async function record(
  deps: ManageAgenciesDeps,
  action: 'agency.created' | 'agency.updated' | 'agency.merged',
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  await deps.audit.record({
    id: deps.requestId,
    at: deps.clock.now().toISOString(),
    action,
    entity: entityOf.agency(id),
    actor: deps.actor,
    before,
    after,
  });
}
