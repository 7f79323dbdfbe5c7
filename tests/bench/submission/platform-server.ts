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
import { planCodeOfTask } from '#shared/domain/registry/plan-record.ts';
import { LOCAL_TABLE_NAME, startPlatform } from '#infra/local/platform.ts';
import { runMain, serve } from '../lib/child.ts';
import { REPORTED_TASKS } from './tasks.ts';

export interface PlatformInfo {
  url: string;
  storeEndpoint: string;
  tableName: string;
  /** The development token of each agency that reports a benchmark task. */
  agencyTokens: Record<string, string>;
}

runMain(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'langson-bench-platform-'));
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
  const storeEndpoint = process.env.DYNAMODB_ENDPOINT;
  if (!storeEndpoint) throw new Error('the platform started without a store');
  const agencyTokens: Record<string, string> = {};
  for (const { agencyId } of REPORTED_TASKS) {
    const token = platform.tokens.agencies[agencyId];
    if (!token) throw new Error(`the platform issued no token to ${agencyId}`);
    agencyTokens[agencyId] = token;
  }
  const info: PlatformInfo = {
    url: platform.url,
    storeEndpoint,
    tableName: LOCAL_TABLE_NAME,
    agencyTokens,
  };
  await serve(
    info,
    {
      /** CPU time this process has used (every thread), in milliseconds: work done, whatever the load. */
      cpu: async () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      },
      drain: async () => {
        const started = performance.now();
        await platform.bus.drain();
        return performance.now() - started;
      },
      /** Reports stored on the benchmark's plans describing the given periods. */
      countReports: async (periods) => {
        const db = createDocumentClient(storeEndpoint);
        const plans = new Set(REPORTED_TASKS.map(({ taskId }) => planCodeOfTask(taskId)));
        let count = 0;
        for (const [plan, period] of [...plans].flatMap((plan) =>
          (periods as string[]).map((period) => [plan, period] as const),
        )) {
          let ExclusiveStartKey: Record<string, unknown> | undefined;
          do {
            const page = await db.send(
              new QueryCommand({
                TableName: LOCAL_TABLE_NAME,
                IndexName: 'GSI2',
                KeyConditionExpression: 'GSI2PK = :pk',
                ExpressionAttributeValues: {
                  ':pk': progressKeys.reportsDescribing(plan, period),
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
