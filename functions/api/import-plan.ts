/** POST /plans (admin): import a plan table or a conclusion notice, or preview it (dryRun). */
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { logger } from '#shared/observability.ts';
import { documentText } from '#shared/use-cases/registry/document-source.ts';
import {
  importDocument,
  previewImport,
  type ImportRequest,
} from '#shared/use-cases/registry/import-document.ts';
import type * as z from 'zod';
import { tableStores } from '../wiring.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { importDeps } from './import-deps.ts';
import { callerOf, parsePart } from './http/request.ts';
import { planImportSchema } from './schemas/requests.ts';

const { tableName, stores } = tableStores();

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

const depsFor = (actor: Actor, requestId: string) => importDeps(stores, actor, requestId);

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
