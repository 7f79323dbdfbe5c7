/**
 * One province size, measured in a fresh process (no heap left over from generating it):
 * the rollup of the quarter over all three sectors, side by side with the raw read of the
 * same items, alternating, then one pass of each through the capacity proxy.
 *
 * Every timed rollup does the whole use case: the stored snapshot heads are deleted first,
 * so each run computes, finds nothing to compare with, and writes its snapshot again.
 */
import { gzipSync } from 'node:zlib';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { rollupKeys } from '#shared/adapters/dynamodb/keys.ts';
import { DynamoRollupStore } from '#shared/adapters/dynamodb/rollup-store.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { runRollup } from '#shared/use-cases/run-rollup.ts';
import { startCapacityProxy, summarise, type CapacityLine } from '../lib/capacity-proxy.ts';
import { runMain, sendResult } from '../lib/child.ts';
import { median } from '../lib/stats.ts';
import { rawRead } from './raw-read.ts';
import { QUARTER, ROLLUP_NOW } from './synthetic-province.ts';

export interface RollupMeasurement {
  tasks: number;
  rollupMs: number[];
  rawMs: number[];
  itemsRead: number;
  snapshotJsonBytes: number;
  snapshotGzipBytes: number;
  rollupCapacity: CapacityLine[];
  rawCapacity: CapacityLine[];
}

async function rollup(db: DynamoDBDocumentClient, tableName: string): Promise<SectorSnapshot[]> {
  for (const sector of SECTORS) {
    await db.send(
      new DeleteCommand({
        TableName: tableName,
        Key: rollupKeys.snapshot(QUARTER, 'calendar', sector),
      }),
    );
  }
  return runRollup(
    { quarter: QUARTER, cutoff: 'calendar', sectors: SECTORS },
    {
      rollups: new DynamoRollupStore(db, tableName),
      events: { publish: async () => undefined },
      clock: { now: () => ROLLUP_NOW },
    },
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

runMain(async () => {
  const [endpoint, tableName, tasks, runs] = process.argv.slice(2);
  if (!endpoint || !tableName || !tasks || !runs) {
    throw new Error('usage: measure.ts <endpoint> <table> <tasks> <runs>');
  }
  const db = createDocumentClient(endpoint);
  const rollupMs: number[] = [];
  const rawMs: number[] = [];
  let itemsRead = 0;
  let snapshots: SectorSnapshot[] = [];
  for (let run = 0; run < Number(runs); run++) {
    const raw = await timed(() => rawRead(db, tableName));
    rawMs.push(raw.ms);
    itemsRead = raw.value;
    const rolled = await timed(() => rollup(db, tableName));
    rollupMs.push(rolled.ms);
    snapshots = rolled.value;
  }
  const counted = snapshots.reduce((sum, s) => sum + s.basis.tasks, 0);
  if (counted !== Number(tasks)) throw new Error(`the rollup saw ${counted} tasks, not ${tasks}`);

  const proxy = await startCapacityProxy(endpoint);
  const metered = createDocumentClient(proxy.endpoint);
  await rollup(metered, tableName);
  const rollupRecords = proxy.take().filter((r) => !r.label.startsWith('DeleteItem'));
  await rawRead(metered, tableName);
  const rawRecords = proxy.take();
  metered.destroy();
  await proxy.close();
  db.destroy();

  const json = JSON.stringify(snapshots);
  const result: RollupMeasurement = {
    tasks: Number(tasks),
    rollupMs,
    rawMs,
    itemsRead,
    snapshotJsonBytes: Buffer.byteLength(json),
    snapshotGzipBytes: gzipSync(json).byteLength,
    rollupCapacity: summarise(rollupRecords, 1),
    rawCapacity: summarise(rawRecords, 1),
  };
  process.stderr.write(
    `[bench rollup] ${tasks} tasks: rollup ${median(rollupMs).toFixed(0)} ms, raw read ${median(rawMs).toFixed(0)} ms\n`,
  );
  await sendResult(result);
});
