/**
 * Part 4: the local runtime from `npx tsx infra/local/main.ts` to its first served request.
 * Cold: a fresh data folder (the table is created, the seed plans imported, development
 * tokens issued). Warm: a restart on the folder the cold start just filled. Cold, warm and
 * the empty-script floor take turns, so the three see the same machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/child-runtime.ts';
import { runMeasurement } from '../lib/child.ts';
import { readOptions } from '../lib/options.ts';
import { progress } from '../lib/progress.ts';
import { median } from '../lib/stats.ts';
import { emptyStart, startOnce, type StartSample } from './start-once.ts';

export interface StartupFigures {
  listeningMs: number;
  firstResponseMs: number;
}

export interface StartupPartResult {
  runs: number;
  cold: StartupFigures;
  warm: StartupFigures;
  /** `npx tsx` of an empty script, to the process's exit. */
  emptyScriptMs: number;
}

const medianOf = (samples: StartSample[]): StartupFigures => ({
  listeningMs: median(samples.map((s) => s.listeningMs)),
  firstResponseMs: median(samples.map((s) => s.firstResponseMs)),
});

runMeasurement(async () => {
  const { quick } = readOptions();
  const runs = quick ? 1 : 3;
  const cold: StartSample[] = [];
  const warm: StartSample[] = [];
  const empty: number[] = [];
  for (let run = 0; run < runs; run++) {
    progress('startup', `run ${run + 1} of ${runs}: empty script, cold start, warm restart`);
    empty.push(await emptyStart());
    const dataDir = await mkdtemp(join(tmpdir(), 'langson-bench-startup-'));
    try {
      cold.push(await startOnce(await freePort(), dataDir));
      warm.push(await startOnce(await freePort(), dataDir));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return {
    runs,
    cold: medianOf(cold),
    warm: medianOf(warm),
    emptyScriptMs: median(empty),
  } satisfies StartupPartResult;
});
