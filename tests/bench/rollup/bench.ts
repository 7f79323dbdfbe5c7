/**
 * Part 2: rollup time as the province grows. One dynalite store (its own process, on
 * disk) is filled in steps, 1,000 then 10,000 then 50,000 tasks, each step adding to the
 * last; after each step a fresh process measures the rollup against the raw read of the
 * same items. Generation time is reported too: at 50,000 tasks it is most of this part.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { runMeasurement, runScript, startServer } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import { writeAll } from './bulk-write.ts';
import type { RollupMeasurement } from './measure.ts';
import {
  agencyItems,
  indicatorItems,
  loadTemplates,
  REPORTS_PER_TASK,
  taskItems,
} from './synthetic-province.ts';

const TABLE = 'bench-rollup';

export interface RollupStep extends RollupMeasurement {
  /** Items written to grow the province from the previous step to this one. */
  generatedItems: number;
  generationMs: number;
}

export interface RollupPartResult {
  reportsPerTask: number;
  runsPerSize: Record<string, number>;
  steps: RollupStep[];
}

/**
 * Sizes, how many timed runs each (the median is reported; small sizes are cheap, so more),
 * and whether to meter capacity (one more run of each, through the proxy). At 50,000 tasks
 * one run of each takes minutes: metering is shown at the smaller sizes, where it is per task
 * the same.
 */
const plan = (quick: boolean) =>
  quick
    ? [
        { tasks: 1_000, runs: 3, meter: true },
        { tasks: 10_000, runs: 1, meter: false },
      ]
    : [
        { tasks: 1_000, runs: 5, meter: true },
        { tasks: 10_000, runs: 3, meter: true },
        { tasks: 50_000, runs: 1, meter: false },
      ];

runMeasurement(async () => {
  const options = readOptions();
  const dir = await mkdtemp(join(tmpdir(), 'langson-bench-rollup-'));
  const store = await startServer<{ endpoint: string }>('tests/bench/rollup/store-server.ts', [
    join(dir, 'dynamodb'),
    TABLE,
  ]);
  try {
    const db = createDocumentClient(store.ready.endpoint);
    const templates = loadTemplates();
    await writeAll(db, TABLE, [...agencyItems(templates), ...indicatorItems(templates)]);
    const steps: RollupStep[] = [];
    const runsPerSize: Record<string, number> = {};
    let generated = 0;
    for (const { tasks, runs, meter } of plan(options.quick)) {
      progress(
        'rollup',
        `generating tasks ${generated + 1}..${tasks} with ${REPORTS_PER_TASK} reports each`,
      );
      const from = generated;
      function* items() {
        for (let index = from; index < tasks; index++) yield* taskItems(templates, index);
      }
      const started = performance.now();
      const written = await writeAll(db, TABLE, items());
      const generationMs = performance.now() - started;
      generated = tasks;
      progress(
        'rollup',
        `${written} items in ${(generationMs / 1000).toFixed(1)} s (${Math.round(written / (generationMs / 1000))} items/s); measuring`,
      );
      const measured = await runScript<RollupMeasurement>(
        'tests/bench/rollup/measure.ts',
        [
          store.ready.endpoint,
          TABLE,
          String(tasks),
          String(runs),
          meter ? '--meter' : '--no-meter',
        ],
        // To see where a rollup spends its time: BENCH_CPU_PROFILE_DIR=/tmp/x npm run bench …
        process.env.BENCH_CPU_PROFILE_DIR
          ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] }
          : {},
      );
      runsPerSize[String(tasks)] = runs;
      steps.push({ ...measured, generatedItems: written, generationMs });
    }
    db.destroy();
    return {
      reportsPerTask: REPORTS_PER_TASK,
      runsPerSize,
      steps,
    } satisfies RollupPartResult;
  } finally {
    await store.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
