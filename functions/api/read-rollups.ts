/**
 * GET /rollups/{quarter} and /rollups/{quarter}/{sector}: JSON, or ?format=csv, xlsx (an
 * Excel workbook) or docx (the quarterly report in Word, in the current report template).
 * The document renderers are imported when asked for, so a JSON read never loads them.
 */
import { NotFoundError } from '#shared/domain/errors.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { toCsv } from '#shared/domain/rollup/csv.ts';
import type { RollupDocumentInput } from '#shared/domain/rollup/document-input.ts';
import { quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { currentReportTemplate } from '#shared/use-cases/report-template.ts';
import { tableStores } from '../wiring.ts';
import { file, httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { rollupPathSchema, rollupQuerySchema } from './schemas/requests.ts';

const { rollups: store, catalog, reportTemplates: templates } = tableStores().stores;

export const handler = httpApi(async (event) => {
  const { quarter, sector } = parsePart(rollupPathSchema, event.pathParameters, 'path');
  const { cutoff, format } = parsePart(rollupQuerySchema, event.queryStringParameters, 'query');
  const snapshots: SectorSnapshot[] = [];
  for (const each of sector ? [sector] : SECTORS) {
    const snapshot = await store.getSnapshot(quarter, cutoff, each);
    if (snapshot) snapshots.push(snapshot);
  }
  if (snapshots.length === 0) {
    throw new NotFoundError(
      'rollup-not-found',
      `no ${cutoff} rollup of ${quarter}${sector ? ` for ${sector}` : ''} yet; an admin runs one with POST /rollups/${quarter}/runs`,
    );
  }
  if (format === 'json') {
    return json(200, sector ? snapshots[0] : { quarter, cutoff, sectors: snapshots });
  }

  const input: RollupDocumentInput = { snapshots, agencyNames: await leadNames(snapshots) };
  const name = `rollup-${quarter}${sector ? `-${sector}` : ''}-${cutoff}`;
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
        templates,
        defaultTemplate: defaultReportTemplate,
      });
      return file(
        renderReport(template.file, quarterlyReport(input)),
        DOCX_MEDIA_TYPE,
        `${name}.docx`,
        {
          'x-report-template': template.source,
        },
      );
    }
  }
});

/**
 * The registry's names of the agencies the snapshots name by id (the lead agencies of
 * tasks at risk): documents show names, never ids.
 */
async function leadNames(snapshots: readonly SectorSnapshot[]): Promise<Map<string, string>> {
  const names = await catalog.names();
  const ids = new Set(snapshots.flatMap((s) => s.atRisk.flatMap((task) => task.leadAgencyIds)));
  return new Map([...ids].map((id) => [id, names.nameOf(id)]));
}
