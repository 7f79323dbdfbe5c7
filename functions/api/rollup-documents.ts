/**
 * A quarter's snapshots as a download: CSV, an Excel workbook or the Word report in the
 * current template. Shared by the API's rollup reads and the web app's quarter page; the
 * document renderers are imported when asked for, so a JSON read never loads them.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { toCsv } from '#shared/domain/rollup/csv.ts';
import type { RollupDocumentInput } from '#shared/domain/rollup/document-input.ts';
import { quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { currentReportTemplate } from '#shared/use-cases/report-template.ts';
import { file } from './http/middleware.ts';

export const DOCUMENT_FORMATS = ['csv', 'xlsx', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export async function rollupDocument(
  snapshots: readonly SectorSnapshot[],
  format: DocumentFormat,
  name: string,
  stores: Pick<DynamoStores, 'catalog' | 'reportTemplates'>,
): Promise<APIGatewayProxyResult> {
  const input: RollupDocumentInput = {
    snapshots: [...snapshots],
    agencyNames: await leadNames(snapshots, stores),
  };
  switch (format) {
    case 'csv':
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}.csv"`,
        },
        body: toCsv(input),
      };
    case 'xlsx': {
      const { toXlsx } = await import('#shared/adapters/documents/xlsx-workbook.ts');
      return file(await toXlsx(input), XLSX_MEDIA_TYPE, `${name}.xlsx`);
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
      return file(
        renderReport(template.file, quarterlyReport(input)),
        DOCX_MEDIA_TYPE,
        `${name}.docx`,
        { 'x-report-template': template.source },
      );
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
