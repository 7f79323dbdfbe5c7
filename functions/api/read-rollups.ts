/**
 * GET /rollups/{period} and /rollups/{period}/{sector}: the latest revision of each
 * sector's snapshot (the preliminary one before the deadline), or `?revision=N`; as JSON,
 * or ?format=csv, xlsx (an Excel workbook) or docx (the period's report in Word, in the
 * current report template). GET /figures/{period}: the indicator figures as they stand.
 * The document renderers are imported when asked for, so a JSON read never loads them.
 */
import { NotFoundError } from '#shared/domain/errors.ts';
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import { requirePeriod, type PeriodCode } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { toCsv } from '#shared/domain/rollup/csv.ts';
import type { RollupDocumentInput } from '#shared/domain/rollup/document-input.ts';
import { quarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { periodFigures } from '#shared/use-cases/indicators/indicator-figures.ts';
import { currentReportTemplate } from '#shared/use-cases/report-template.ts';
import { systemClock, tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { file, httpApi, json, type ApiHandler } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import {
  figuresPathSchema,
  figuresQuerySchema,
  rollupPathSchema,
  rollupQuerySchema,
} from './schemas/requests.ts';

const { stores } = tableStores();
const { rollups: store, catalog, reportTemplates: templates, indicators } = stores;

const readSnapshots: ApiHandler = async (event) => {
  const { period, sector } = parsePart(rollupPathSchema, event.pathParameters, 'path');
  const { revision, format } = parsePart(rollupQuerySchema, event.queryStringParameters, 'query');
  const snapshots: SectorSnapshot[] = [];
  for (const each of sector ? [sector] : SECTORS) {
    const snapshot = await snapshotOf(period, each, revision);
    if (snapshot) snapshots.push(snapshot);
  }
  if (snapshots.length === 0) {
    throw new NotFoundError(
      'rollup-not-found',
      revision === undefined
        ? `chưa có số liệu tổng hợp ${periodLabel(requirePeriod(period), 'inline')}${sector ? ` của lĩnh vực ${sector}` : ''}; quản trị viên chạy tổng hợp bằng POST /rollups/${period}/runs`
        : `không có lần tổng hợp ${revision} ${periodLabel(requirePeriod(period), 'inline')}${sector ? ` của lĩnh vực ${sector}` : ''}`,
    );
  }
  if (format === 'json') {
    return json(200, sector ? snapshots[0] : { period, sectors: snapshots });
  }

  const input: RollupDocumentInput = { snapshots, agencyNames: await leadNames(snapshots) };
  const name = `rollup-${period}${sector ? `-${sector}` : ''}${revision ? `-r${revision}` : ''}`;
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
};

/** The revision asked for; else the latest revision, or the preliminary snapshot before it. */
async function snapshotOf(
  period: PeriodCode,
  sector: Sector,
  revision: number | undefined,
): Promise<SectorSnapshot | null> {
  if (revision !== undefined) return store.getRevision(period, sector, revision);
  return (await store.latestRevision(period, sector)) ?? store.getPreliminary(period, sector);
}

const readFigures: ApiHandler = async (event) => {
  const { period } = parsePart(figuresPathSchema, event.pathParameters, 'path');
  const { sector } = parsePart(figuresQuerySchema, event.queryStringParameters, 'query');
  const at = systemClock.now();
  const figures = await periodFigures(
    requirePeriod(period),
    { indicators, inputs: indicators },
    { sector },
  );
  return json(200, {
    period,
    label: periodLabel(requirePeriod(period)),
    computedAt: at.toISOString(),
    figures,
  });
};

export const handler = httpApi(
  dispatch<'readRollups'>({
    'GET /rollups/{period}': readSnapshots,
    'GET /rollups/{period}/{sector}': readSnapshots,
    'GET /figures/{period}': readFigures,
  }),
);

/**
 * The registry's names of the agencies the snapshots name by id (the lead agencies of
 * tasks at risk): documents show names, never ids.
 */
async function leadNames(snapshots: readonly SectorSnapshot[]): Promise<Map<string, string>> {
  const names = await catalog.names();
  const ids = new Set(snapshots.flatMap((s) => s.atRisk.flatMap((task) => task.leadAgencyIds)));
  return new Map([...ids].map((id) => [id, names.nameOf(id)]));
}
