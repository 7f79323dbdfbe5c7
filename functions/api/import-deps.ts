/** What an import of a plan or notice runs against: the API's POST /plans and the web's upload. */
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';
import type { ImportDeps } from '#shared/use-cases/registry/import-document.ts';
import { systemClock } from '../wiring.ts';

/**
 * Stops writing well before API Gateway's 29 s: an import that cannot finish in time
 * publishes nothing, and the current version stays.
 */
export const IMPORT_BUDGET_MS = 20_000;

export function importDeps(
  stores: Pick<DynamoStores, 'agencies' | 'plans' | 'audit' | 'indicators'>,
  actor: Actor,
  requestId: string,
): ImportDeps {
  return {
    parsers: DOCUMENT_PARSERS,
    issuesOf: documentIssues,
    agencies: stores.agencies,
    plans: stores.plans,
    audit: stores.audit,
    links: targetLinker(stores.indicators),
    clock: systemClock,
    actor,
    requestId,
    deadline: Date.now() + IMPORT_BUDGET_MS,
  };
}
