/**
 * What an import of a plan or notice runs against: the API's POST /plans, the web's
 * upload, and the job that imports a large document.
 */
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';
import type { ImportDeps, ImportRequest } from '#shared/use-cases/registry/import-document.ts';
import { documentText } from '#shared/use-cases/registry/document-source.ts';
import type * as z from 'zod';
import type { planImportSchema } from './schemas/requests.ts';
import { systemClock } from '../wiring.ts';

/**
 * Stops writing well before API Gateway's 29 s: an import that cannot finish in time
 * publishes nothing, and the current version stays.
 */
export const IMPORT_BUDGET_MS = 20_000;

/** A document this large (bytes as sent) is imported by a job: 202 at once, then the job. */
export const IMPORT_JOB_MIN_BYTES = 256 * 1024;

/** The request body of an import, as parsed at the edge. */
export type ImportBody = z.infer<typeof planImportSchema>;

/** The use case's request from the body: the document as text (a .docx read first). */
export async function importRequestOf(body: ImportBody): Promise<ImportRequest> {
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

/** The size of the document a body sends, as sent. */
export const documentBytes = (body: ImportBody) => (body.text ?? body.docx ?? '').length;

export function importDeps(
  stores: Pick<DynamoStores, 'agencies' | 'plans' | 'audit' | 'indicators'>,
  actor: Actor,
  requestId: string,
  budgetMs = IMPORT_BUDGET_MS,
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
    deadline: Date.now() + budgetMs,
  };
}
