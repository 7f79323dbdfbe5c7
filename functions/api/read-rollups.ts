/** GET /rollups/{quarter} and /rollups/{quarter}/{sector}, as JSON or CSV (?format=csv). */
import { DynamoRollupStore } from '#shared/adapters/dynamodb/rollup-store.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { toCsv } from '#shared/domain/rollup/csv.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { tableAccess } from '../wiring.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { rollupPathSchema, rollupQuerySchema } from './schemas/requests.ts';

const { db, tableName } = tableAccess();
const store = new DynamoRollupStore(db, tableName);

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
  if (format === 'csv') {
    const name = `rollup-${quarter}${sector ? `-${sector}` : ''}-${cutoff}.csv`;
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      },
      body: toCsv({ snapshots }),
    };
  }
  return json(200, sector ? snapshots[0] : { quarter, cutoff, sectors: snapshots });
});
