/**
 * One province size, measured in a fresh process (no heap left over from generating it):
 * the rollup of the quarter over all three sectors, side by side with the raw read of the
 * same items, taking turns at going first, then one pass of each through the capacity proxy.
 *
 * Every timed rollup does the whole use case, figures included: the stored revision heads
 * are deleted before (untimed), so each run takes the official snapshot again (the quarter's
 * deadline has passed at ROLLUP_NOW), computes it and writes it.
 */
import { gzipSync } from 'node:zlib';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { rollupKeys } from '#shared/adapters/dynamodb/keys.ts';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { rollupDeps } from '#functions/wiring.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { runRollup, SCHEDULE_ACTOR } from '#shared/use-cases/run-rollup.ts';
import { startCapacityProxy, summarise, type CapacityLine } from '../lib/capacity-proxy.ts';
import { runMeasurement } from '../lib/child.ts';
import { progress } from '../lib/progress.ts';
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
  /** The measuring process's peak resident memory (the rollup holds a sector's reports). */
  peakRssMb: number;
  /** Per rollup of the three sectors; null where metering was skipped to save time. */
  capacity: { rollup: CapacityLine[]; raw: CapacityLine[] } | null;
}

/** Removes the stored heads, so the next rollup computes and writes its snapshots again. */
async function resetSnapshots(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  for (const sector of SECTORS) {
    await db.send(
      new DeleteCommand({ TableName: tableName, Key: rollupKeys.revision(QUARTER, sector, 1) }),
    );
  }
}

async function rollup(db: DynamoDBDocumentClient, tableName: string): Promise<SectorSnapshot[]> {
  const deps = rollupDeps(
    dynamoStores(db, tableName),
    { publish: async () => undefined },
    { now: () => ROLLUP_NOW },
  );
  const runs = await runRollup({ period: QUARTER, sectors: SECTORS, actor: SCHEDULE_ACTOR }, deps);
  return runs.map((run) => run.snapshot);
}

/** One more rollup and raw read, through the capacity proxy (untimed: the proxy costs time). */
async function meterCapacity(endpoint: string, tableName: string) {
  const proxy = await startCapacityProxy(endpoint);
  const metered = createDocumentClient(proxy.endpoint);
  try {
    await resetSnapshots(metered, tableName);
    proxy.take(); // the reset is the benchmark's, not the rollup's
    await rollup(metered, tableName);
    const rollupRecords = proxy.take();
    await rawRead(metered, tableName);
    return { rollup: summarise(rollupRecords, 1), raw: summarise(proxy.take(), 1) };
  } finally {
    metered.destroy();
    await proxy.close();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

runMeasurement(async () => {
  const [endpoint, tableName, tasks, runs, meter] = process.argv.slice(2);
  if (!endpoint || !tableName || !tasks || !runs) {
    throw new Error('usage: measure.ts <endpoint> <table> <tasks> <runs> [--meter]');
  }
  const db = createDocumentClient(endpoint);
  const rollupMs: number[] = [];
  const rawMs: number[] = [];
  let itemsRead = 0;
  let snapshots: SectorSnapshot[] = [];
  const measureRaw = async () => {
    const raw = await timed(() => rawRead(db, tableName));
    rawMs.push(raw.ms);
    itemsRead = raw.value;
  };
  const measureRollup = async () => {
    await resetSnapshots(db, tableName);
    const rolled = await timed(() => rollup(db, tableName));
    rollupMs.push(rolled.ms);
    snapshots = rolled.value;
  };
  // The first run in a fresh process also warms the JIT and the SDK: take turns at going first.
  for (let run = 0; run < Number(runs); run++) {
    for (const measure of run % 2 === 0
      ? [measureRaw, measureRollup]
      : [measureRollup, measureRaw]) {
      await measure();
    }
  }
  const counted = snapshots.reduce((sum, s) => sum + s.basis.tasks, 0);
  if (counted !== Number(tasks)) throw new Error(`the rollup saw ${counted} tasks, not ${tasks}`);

  const capacity = meter === '--meter' ? await meterCapacity(endpoint, tableName) : null;
  db.destroy();

  const json = JSON.stringify(snapshots);
  const result: RollupMeasurement = {
    tasks: Number(tasks),
    rollupMs,
    rawMs,
    itemsRead,
    snapshotJsonBytes: Buffer.byteLength(json),
    snapshotGzipBytes: gzipSync(json).byteLength,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    capacity,
  };
  progress(
    'rollup',
    `${tasks} tasks: rollup ${median(rollupMs).toFixed(0)} ms, raw read ${median(rawMs).toFixed(0)} ms`,
  );
  return result;
});
