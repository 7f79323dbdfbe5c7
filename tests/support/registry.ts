/** The registry's use cases wired to a local table, as the handlers wire them. */
import { readFileSync } from 'node:fs';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { SEED_PLANS_DIR, seedPlanImports } from '#shared/seed-registry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import type { ImportDeps, ImportRequest } from '#shared/use-cases/registry/import-document.ts';
import type { LocalTable } from './local-table.ts';

export const ADMIN: Actor = { tokenId: 'tok_admin', agencyId: null, person: null };

export function registryDeps(
  table: LocalTable,
  overrides: Partial<ImportDeps> = {},
): ImportDeps & { stores: ReturnType<typeof dynamoStores> } {
  const stores = dynamoStores(table.db, table.tableName);
  return {
    stores,
    parsers: DOCUMENT_PARSERS,
    issuesOf: documentIssues,
    agencies: stores.agencies,
    plans: stores.plans,
    audit: stores.audit,
    clock: { now: () => new Date('2026-08-01T03:00:00Z') },
    actor: ADMIN,
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    deadline: Number.POSITIVE_INFINITY,
    ...overrides,
  };
}

/** A seed table as an import request, with the overrides `seeds/` gives it. */
export function seedRequest(file: string, text?: string): ImportRequest {
  const overrides = seedPlanImports().find((seed) => seed.file === file)?.overrides ?? {};
  return {
    source: {
      file,
      text: text ?? readFileSync(`${SEED_PLANS_DIR}/${file}`, 'utf8'),
      format: 'text',
    },
    kind: 'plan',
    overrides,
    resolutions: [],
    draft: false,
  };
}
