/** The parsers the import uses, by document kind, and how their refusals are recognised. */
import { NoticeError } from '#shared/domain/notice/notice-error.ts';
import { parseConclusionNotice } from '#shared/domain/notice/notice-parser.ts';
import { PlanTableError, parsePlanTable } from '#shared/domain/plan/plan-parser.ts';
import type { DocumentIssues, DocumentKind, DocumentParser } from './import-document.ts';

export const DOCUMENT_PARSERS: Record<DocumentKind, DocumentParser> = {
  plan: parsePlanTable,
  notice: (source, { registry, overrides }) =>
    parseConclusionNotice(source, { registry, overrides: overrides ?? {} }),
};

export function documentIssues(error: unknown): DocumentIssues['issues'] | null {
  if (error instanceof PlanTableError || error instanceof NoticeError) return error.issues;
  return null;
}
