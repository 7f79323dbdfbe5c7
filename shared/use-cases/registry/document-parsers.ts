/**
 * The parsers the import uses, by document kind, and how their refusals are recognised.
 * INTERIM: adapts the table parser of wave 1 until the document-driven parser lands.
 */
import { PlanTableError, parsePlanTable } from '#shared/domain/plan/plan-parser.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import { NoticeError } from '#shared/domain/notice/notice-error.ts';
import { parseConclusionNotice } from '#shared/domain/notice/notice-parser.ts';
import type { DocumentIssues, DocumentKind, DocumentParser } from './import-document.ts';

const planTable: DocumentParser = (source, { registry, overrides }) => {
  const period = overrides?.period ?? { start: '2026-01-01', end: '2026-12-31' };
  const sectors: Record<string, Sector> = overrides?.sectors ?? {};
  const parsed = parsePlanTable(source, {
    registry,
    profiles: {
      plans: new Proxy(
        {},
        { get: () => ({ period, sectors, defaultSector: 'services' as Sector }) },
      ),
    },
  });
  const code = overrides?.code ?? parsed.plan.code;
  const tasks = parsed.tasks.map((task) => ({
    ...task,
    plan: code,
    id: task.id.replace(parsed.plan.code, code),
  }));
  const sections = [
    ...new Map(tasks.map((t) => [t.section.code, { ...t.section, sector: t.sector }])).values(),
  ];
  const unknown = parsed.warnings.filter((w) => w.code === 'UNKNOWN_AGENCY');
  const unresolved = [
    ...new Set(unknown.map((w) => /"(.*)"/.exec(w.message)?.[1] ?? w.message)),
  ].map((name) => ({
    name,
    cells: unknown
      .filter((w) => w.message.includes(`"${name}"`))
      .map((w) => ({ file: w.file, line: w.line, column: 'lead' })),
    suggestions: [],
  }));
  return {
    plan: {
      code,
      kind: 'plan',
      number: `${code.slice(2)}/KH-UBND`,
      title: overrides?.title ?? parsed.plan.title,
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: parsed.plan.issuedOn,
      period,
      sections,
    },
    tasks,
    agencies: parsed.agencies,
    unresolved,
    warnings: parsed.warnings.filter((w) => w.code !== 'UNKNOWN_AGENCY'),
  };
};

export const DOCUMENT_PARSERS: Record<DocumentKind, DocumentParser> = {
  plan: planTable,
  notice: (source, { registry, overrides }) =>
    parseConclusionNotice(source, { registry, overrides: overrides ?? {} }),
};

export function documentIssues(error: unknown): DocumentIssues['issues'] | null {
  if (error instanceof PlanTableError || error instanceof NoticeError) return error.issues;
  return null;
}
