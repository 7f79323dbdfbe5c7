/**
 * A quarter's snapshots as a download: CSV, an Excel workbook or the Word report in the
 * current template, and the key a large one is stored under. Shared by the API's rollup
 * reads and the web app's quarter page; the document renderers are imported when asked
 * for, so a JSON read never loads them.
 */
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { toCsv } from '#shared/domain/rollup/csv.ts';
import type { RollupDocumentInput } from '#shared/domain/rollup/document-input.ts';
import { quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { currentReportTemplate } from '#shared/use-cases/report-template.ts';
import type { FileDownload } from './http/downloads.ts';

export const DOCUMENT_FORMATS = ['csv', 'xlsx', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * The key a snapshot body too large for one response is stored under: the period, the
 * sector (or all three), each snapshot's revision, and the file it is served as. An
 * official snapshot or a numbered revision never changes, so a repeated read replaces the
 * object with the same bytes; a preliminary one (revision 0) is replaced by each run.
 */
export function snapshotBodyKey(
  period: string,
  snapshots: readonly SectorSnapshot[],
  fileName: string,
): string {
  const scope = snapshots.length === 1 ? snapshots[0]?.sector : 'all';
  const revisions = snapshots.map((s) => `${s.sector}-r${s.revision}`).join('.');
  return `rollups/${period}/${scope}/${revisions}/${fileName}`;
}

export async function rollupDocument(
  snapshots: readonly SectorSnapshot[],
  format: DocumentFormat,
  name: string,
  stores: Pick<DynamoStores, 'catalog' | 'reportTemplates'>,
): Promise<FileDownload> {
  const input: RollupDocumentInput = {
    snapshots: [...snapshots],
    agencyNames: await leadNames(snapshots, stores),
  };
  switch (format) {
    case 'csv':
      return {
        body: toCsv(input),
        contentType: 'text/csv; charset=utf-8',
        fileName: `${name}.csv`,
      };
    case 'xlsx': {
      const { toXlsx } = await import('#shared/adapters/documents/xlsx-workbook.ts');
      return { body: await toXlsx(input), contentType: XLSX_MEDIA_TYPE, fileName: `${name}.xlsx` };
    }
    case 'docx': {
      const [{ renderReport }, { defaultReportTemplate }] = await Promise.all([
        import('#shared/adapters/documents/docx-report.ts'),
        import('#shared/adapters/documents/default-report-template.ts'),
      ]);
      const template = await currentReportTemplate({
        templates: stores.reportTemplates,
        defaultTemplate: defaultReportTemplate,
      });
      return {
        body: renderReport(template.file, quarterlyReport(input)),
        contentType: DOCX_MEDIA_TYPE,
        fileName: `${name}.docx`,
        headers: { 'x-report-template': template.source },
      };
    }
  }
}

/**
 * The registry's names of the agencies the snapshots name by id (the lead agencies of
 * tasks at risk): documents show names, never ids.
 */
async function leadNames(
  snapshots: readonly SectorSnapshot[],
  stores: Pick<DynamoStores, 'catalog'>,
): Promise<Map<string, string>> {
  const names = await stores.catalog.names();
  const ids = new Set(snapshots.flatMap((s) => s.atRisk.flatMap((task) => task.leadAgencyIds)));
  return new Map([...ids].map((id) => [id, names.nameOf(id)]));
}
