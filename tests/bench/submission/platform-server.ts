/**
 * The local runtime in a process of its own, as `npm start` runs it but on a free port and
 * a temporary data folder, so the load generator does not share its event loop. The
 * parent calls `drain` between phases: each accepted report publishes an event that the
 * local bus delivers to the risk evaluator in this same process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { progressKeys } from '#shared/adapters/dynamodb/keys.ts';
import { LOCAL_TABLE_NAME, startPlatform } from '#infra/local/platform.ts';
import { runMain, serve } from '../lib/child.ts';
import { REPORTING_AGENCY } from './tasks.ts';

export interface PlatformInfo {
  url: string;
  storeEndpoint: string;
  tableName: string;
  agencyToken: string;
}

runMain(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'langson-bench-platform-'));
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
  const agencyToken = platform.tokens.agencies[REPORTING_AGENCY];
  const storeEndpoint = process.env.DYNAMODB_ENDPOINT;
  if (!agencyToken || !storeEndpoint)
    throw new Error('the platform started without a token or a store');
  const info: PlatformInfo = {
    url: platform.url,
    storeEndpoint,
    tableName: LOCAL_TABLE_NAME,
    agencyToken,
  };
  await serve(
    info,
    {
      drain: async () => {
        const started = performance.now();
        await platform.bus.drain();
        return performance.now() - started;
      },
      /** Reports stored on plan KH266 describing the given periods. */
      countReports: async (periods) => {
        const db = createDocumentClient(storeEndpoint);
        let count = 0;
        for (const period of periods as string[]) {
          let ExclusiveStartKey: Record<string, unknown> | undefined;
          do {
            const page = await db.send(
              new QueryCommand({
                TableName: LOCAL_TABLE_NAME,
                IndexName: 'GSI2',
                KeyConditionExpression: 'GSI2PK = :pk',
                ExpressionAttributeValues: {
                  ':pk': progressKeys.reportsDescribing('KH266', period),
                },
                Select: 'COUNT',
                ExclusiveStartKey,
              }),
            );
            count += page.Count ?? 0;
            ExclusiveStartKey = page.LastEvaluatedKey;
          } while (ExclusiveStartKey);
        }
        db.destroy();
        return count;
      },
    },
    async () => {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  );
});
