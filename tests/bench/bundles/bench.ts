/**
 * Part 3: every Lambda entry in HANDLERS bundled as the CDK app bundles it, its size, and
 * its module initialisation time in fresh processes, next to an empty handler's bundle.
 * Samples are taken round-robin (one of each bundle, then again), so a slow moment of a
 * shared machine spreads over all bundles instead of landing on one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import { runMeasurement } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import { median } from '../lib/stats.ts';
import { bundle, type BuiltBundle } from './build.ts';
import { EMPTY, EMPTY_ENTRY } from './empty.ts';
import { LAMBDA_ENV, measureInit } from './init-time.ts';

export interface BundleFigures extends Omit<BuiltBundle, 'file'> {
  name: HandlerName | typeof EMPTY;
  entry: string;
  /** Median over the samples, milliseconds. */
  importMs: number;
  /** The same without --enable-source-maps: what parsing the source map costs at start. */
  importMsWithoutSourceMaps: number;
  sinceStartMs: number;
}

export interface BundlesPartResult {
  samples: number;
  target: string;
  bundles: BundleFigures[];
}

runMeasurement(async () => {
  const { quick } = readOptions();
  const samples = quick ? 3 : 10;
  const outRoot = await mkdtemp(join(tmpdir(), 'langson-bench-bundles-'));
  try {
    const entries: { name: BundleFigures['name']; entry: string }[] = [
      { name: EMPTY, entry: EMPTY_ENTRY },
      ...(Object.keys(HANDLERS) as HandlerName[]).map((name) => ({
        name,
        entry: HANDLERS[name].entry,
      })),
    ];
    progress('bundles', `bundling ${entries.length} entries with esbuild`);
    const built = await Promise.all(
      entries.map(async (e) => ({ ...e, ...(await bundle(e.entry, join(outRoot, e.name))) })),
    );

    progress('bundles', `initialising each bundle ${samples} times in fresh processes`);
    const withMaps = new Map<string, { importMs: number; sinceStartMs: number }[]>();
    const withoutMaps = new Map<string, number[]>();
    const noMapsEnv = { ...LAMBDA_ENV, NODE_OPTIONS: '' };
    for (const b of built) await measureInit(b.file); // warms the file cache; not counted
    for (let round = 0; round < samples; round++) {
      for (const b of built) {
        withMaps.set(b.name, [...(withMaps.get(b.name) ?? []), await measureInit(b.file)]);
        const bare = await measureInit(b.file, noMapsEnv);
        withoutMaps.set(b.name, [...(withoutMaps.get(b.name) ?? []), bare.importMs]);
      }
    }
    const bundles = built.map(({ file: _file, ...b }): BundleFigures => {
      const runs = withMaps.get(b.name) ?? [];
      return {
        ...b,
        importMs: median(runs.map((r) => r.importMs)),
        importMsWithoutSourceMaps: median(withoutMaps.get(b.name) ?? []),
        sinceStartMs: median(runs.map((r) => r.sinceStartMs)),
      };
    });
    return { samples, target: 'node24', bundles } satisfies BundlesPartResult;
  } finally {
    await rm(outRoot, { recursive: true, force: true });
  }
});
