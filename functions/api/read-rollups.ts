/**
 * GET /rollups/{period} and /rollups/{period}/{sector}: the latest revision of each
 * sector's snapshot (the preliminary one before the deadline), or `?revision=N`; as JSON,
 * or ?format=csv, xlsx (an Excel workbook) or docx (the period's report in Word, in the
 * current report template). GET /figures/{period}: the indicator figures as they stand.
 * The document renderers are imported when asked for, so a JSON read never loads them.
 */
import { NotFoundError } from '#shared/domain/errors.ts';
import { SECTOR_LABELS } from '#shared/domain/indicator/wording.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { storedSnapshot } from '#shared/use-cases/read-snapshot.ts';
import { periodFigures } from '#shared/use-cases/indicators/indicator-figures.ts';
import { largeBodies } from '../large-body-wiring.ts';
import { systemClock, tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { downloadResponse, type Download } from './http/downloads.ts';
import { httpApi, json, JSON_MEDIA_TYPE, type ApiHandler } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { rollupDocument, snapshotBodyKey } from './rollup-documents.ts';
import {
  figuresPathSchema,
  figuresQuerySchema,
  rollupPathSchema,
  rollupQuerySchema,
} from './schemas/requests.ts';

const { stores } = tableStores();
const { rollups: store, indicators } = stores;
const large = largeBodies();

const readSnapshots: ApiHandler = async (event) => {
  const { period, sector } = parsePart(rollupPathSchema, event.pathParameters, 'path');
  const { revision, format } = parsePart(rollupQuerySchema, event.queryStringParameters, 'query');
  const snapshots: SectorSnapshot[] = [];
  for (const each of sector ? [sector] : SECTORS) {
    const snapshot = await storedSnapshot(period, each, store, revision);
    if (snapshot) snapshots.push(snapshot);
  }
  if (snapshots.length === 0) {
    throw new NotFoundError(
      'rollup-not-found',
      revision === undefined
        ? `chưa có số liệu tổng hợp ${periodLabel(requirePeriod(period), 'inline')}${sector ? ` của lĩnh vực ${SECTOR_LABELS[sector]}` : ''}; quản trị viên chạy tổng hợp bằng POST /rollups/${period}/runs`
        : `không có lần tổng hợp ${revision} ${periodLabel(requirePeriod(period), 'inline')}${sector ? ` của lĩnh vực ${SECTOR_LABELS[sector]}` : ''}`,
    );
  }
  const name = `rollup-${period}${sector ? `-${sector}` : ''}${revision ? `-r${revision}` : ''}`;
  // A snapshot in JSON is read in place; only its stored copy is named, by its key.
  const download: Download =
    format === 'json'
      ? {
          body: JSON.stringify(sector ? snapshots[0] : { period, sectors: snapshots }),
          contentType: JSON_MEDIA_TYPE,
        }
      : await rollupDocument(snapshots, format, name, stores);
  const fileName = download.fileName ?? `${name}.json`;
  return downloadResponse(download, snapshotBodyKey(period, snapshots, fileName), large);
};

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
