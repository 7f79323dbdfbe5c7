/** POST /plans (admin): import a plan table or a conclusion notice, or preview it (dryRun). */
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { logger } from '#shared/observability.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { documentText } from '#shared/use-cases/registry/document-source.ts';
import {
  importDocument,
  previewImport,
  type ImportDeps,
  type ImportRequest,
} from '#shared/use-cases/registry/import-document.ts';
import type * as z from 'zod';
import { systemClock, tableStores } from '../wiring.ts';
import { idempotencyScope, idempotentCommand, stableId } from './http/idempotency.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { planImportSchema } from './schemas/requests.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';

const { tableName, stores } = tableStores();

/**
 * Stops writing well before API Gateway's 29 s: an import that cannot finish in time
 * publishes nothing, and the current version stays.
 */
const IMPORT_BUDGET_MS = 20_000;

type ImportBody = z.infer<typeof planImportSchema>;

async function toRequest(body: ImportBody): Promise<ImportRequest> {
  const source = await documentText(
    body.docx === undefined
      ? { file: body.file, text: body.text ?? '' }
      : { file: body.file, docx: Buffer.from(body.docx, 'base64') },
  );
  return {
    source,
    kind: body.kind,
    overrides: body.overrides,
    resolutions: body.resolutions,
    draft: body.draft,
  };
}

function depsFor(actor: Actor, requestId: string): ImportDeps {
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

/** A retried import (same Idempotency-Key) answers what the first one did. */
const importOnce = idempotentCommand(
  'importPlan',
  tableName,
  async ({ scope, request }: { scope: string; request: { body: ImportBody; actor: Actor } }) =>
    importDocument(await toRequest(request.body), depsFor(request.actor, stableId('aud', scope))),
);

export const handler = httpApi(
  async (event, context) => {
    const caller = callerOf(event);
    const body = parsePart(planImportSchema, event.body as unknown, 'body');
    logger.info('importing document', { file: body.file, kind: body.kind, dryRun: body.dryRun });
    // A preview writes nothing, so it needs no Idempotency-Key.
    if (body.dryRun) {
      const deps = depsFor(actorOf(caller), event.requestContext.requestId);
      return json(200, await previewImport(await toRequest(body), deps));
    }
    const scope = idempotencyScope(event, caller);
    const result = await importOnce({ scope, request: { body, actor: actorOf(caller) } }, context);
    return json(result.outcome === 'created' ? 201 : 200, result, {
      location: `/plans/${result.plan.code}`,
    });
  },
  // A Word document base64-encoded, with headroom under Lambda's 6 MB payload.
  { json: true, maxBodyBytes: 5 * 1024 * 1024 },
);
