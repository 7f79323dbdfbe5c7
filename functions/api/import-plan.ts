/**
 * POST /plans (admin): import a plan table or a conclusion notice, or preview it (dryRun).
 * A large document (IMPORT_JOB_MIN_BYTES and more) is imported by a job: 202 with the job
 * at once, the import in the job function, its answer in the job's result.
 */
import { gzipSync } from 'node:zlib';
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { logger } from '#shared/observability.ts';
import { submitJob } from '#shared/use-cases/jobs/jobs.ts';
import { importDocument, previewImport } from '#shared/use-cases/registry/import-document.ts';
import { tableAndBus } from '../wiring.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { fingerprintOf, idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import {
  documentBytes,
  IMPORT_JOB_MIN_BYTES,
  importDeps,
  importRequestOf,
  type ImportBody,
} from './import-deps.ts';
import { accepted } from './jobs-http.ts';
import { planImportSchema } from './schemas/requests.ts';

const { tableName, stores, events, clock } = tableAndBus();

const depsFor = (actor: Actor, requestId: string) => importDeps(stores, actor, requestId);

/** A retried import (same Idempotency-Key) answers what the first one did. */
const importOnce = idempotentCommand(
  'importPlan',
  tableName,
  async ({ scope, request }: { scope: string; request: { body: ImportBody; actor: Actor } }) =>
    importDocument(
      await importRequestOf(request.body),
      depsFor(request.actor, stableId('aud', scope)),
    ),
);

export const handler = httpApi(
  async (event, context) => {
    const caller = callerOf(event);
    const body = parsePart(planImportSchema, event.body as unknown, 'body');
    logger.info('importing document', { file: body.file, kind: body.kind, dryRun: body.dryRun });
    // A preview writes nothing, so it needs no Idempotency-Key.
    if (body.dryRun) {
      const deps = depsFor(actorOf(caller), event.requestContext.requestId);
      return json(200, await previewImport(await importRequestOf(body), deps));
    }
    const scope = idempotencyScope(event, caller);
    if (documentBytes(body) >= IMPORT_JOB_MIN_BYTES) {
      const job = await submitJob(
        {
          id: stableId('job', scope),
          work: { kind: 'import', file: body.file, documentKind: body.kind },
          fingerprint: fingerprintOf(body),
          // The request as parsed, for the job to import: the document is most of it.
          input: gzipSync(JSON.stringify(body)),
          actor: actorOf(caller),
        },
        { jobs: stores.jobs, events, clock },
      );
      return accepted(job);
    }
    const result = await importOnce({ scope, request: { body, actor: actorOf(caller) } }, context);
    return json(result.outcome === 'created' ? 201 : 200, result, {
      location: `/plans/${result.plan.code}`,
    });
  },
  // A Word document base64-encoded, with headroom under Lambda's 6 MB payload.
  { json: true, maxBodyBytes: 5 * 1024 * 1024 },
);
