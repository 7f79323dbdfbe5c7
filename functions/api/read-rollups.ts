/**
 * GET /rollups/{quarter} and /rollups/{quarter}/{sector}: JSON, or ?format=csv, xlsx (an
 * Excel workbook) or docx (the quarterly report in Word, in the current report template).
 * The document renderers are imported when asked for, so a JSON read never loads them.
 */
import { NotFoundError } from '#shared/domain/errors.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { tableStores } from '../wiring.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { rollupDocument } from './rollup-documents.ts';
import { rollupPathSchema, rollupQuerySchema } from './schemas/requests.ts';

const { stores } = tableStores();
const store = stores.rollups;

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

  const name = `rollup-${quarter}${sector ? `-${sector}` : ''}-${cutoff}`;
  return rollupDocument(snapshots, format, name, stores);
});
