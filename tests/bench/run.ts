/**
 * `npm run bench`: each part in a process of its own (the platform reads its environment
 * once per process, and no measurement should share a heap with another), then the results
 * as JSON and as BENCHMARKS.md. A full run rewrites results/latest.json and BENCHMARKS.md;
 * `--quick` or `--only` write results/quick.json and quick.md instead, so a smoke run never
 * replaces the reference figures, unless `--merge` asks to put the parts measured into
 * latest.json beside the others' last figures (each part says how and when it was
 * measured). `--render` only rewrites BENCHMARKS.md from latest.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT, runMain, runScript } from './lib/child.ts';
import { machineInfo } from './lib/machine.ts';
import { optionArgs, PARTS, readOptions } from './lib/options.ts';
import { progress } from './lib/progress.ts';
import type { CrashTestOutcome } from '../../scripts/crash-restart.ts';
import { renderBenchmarks } from './report/markdown.ts';
import { rounded, type BenchResults, type PartRun } from './report/results.ts';

const RESULTS_DIR = join(REPO_ROOT, 'tests/bench/results');
const BENCHMARKS_FILE = join(REPO_ROOT, 'BENCHMARKS.md');

const readResults = (name: string) => readJson<BenchResults>(name);

/** A file of results/, written by this runner or by `npm run crash-test -- --record`. */
async function readJson<T>(name: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(join(RESULTS_DIR, name), 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The parts `measured` ran, put into `latest` in place of theirs, each with how it ran. */
function mergeInto(latest: BenchResults | null, measured: BenchResults): BenchResults {
  if (!latest) return measured;
  const runOf = (results: BenchResults): PartRun => ({
    mode: results.mode,
    recordedOn: results.recordedOn,
    loadAverageAtStart: results.loadAverageAtStart,
  });
  const merged: BenchResults = {
    ...latest,
    parts: { ...latest.parts },
    partSeconds: { ...latest.partSeconds },
    partRuns: { ...latest.partRuns },
  };
  for (const part of PARTS) {
    if (!measured.parts[part]) continue;
    (merged.parts as Record<string, unknown>)[part] = measured.parts[part];
    merged.partSeconds[part] = measured.partSeconds[part] ?? 0;
  }
  for (const part of PARTS) {
    if (merged.partRuns) {
      merged.partRuns[part] = measured.parts[part]
        ? runOf(measured)
        : (latest.partRuns?.[part] ?? runOf(latest));
    }
  }
  return merged;
}

runMain(async () => {
  const options = readOptions();
  const before = await readResults('before.json');
  const crash = await readJson<CrashTestOutcome>('crash-test.json');
  if (options.render) {
    const latest = await readResults('latest.json');
    if (!latest) throw new Error('no results/latest.json to render');
    await writeFile(BENCHMARKS_FILE, await renderBenchmarks(latest, before, crash));
    progress('run', `rewrote ${BENCHMARKS_FILE} from results/latest.json`);
    return;
  }
  const reference = !options.quick && options.only.length === PARTS.length;
  const started = performance.now();
  const results: BenchResults = {
    layout: 1,
    mode: options.quick ? 'quick' : 'full',
    recordedOn: new Date().toISOString().slice(0, 10),
    machine: machineInfo(),
    loadAverageAtStart: loadavg()[0] ?? 0,
    totalSeconds: 0,
    parts: { submission: null, rollup: null, bundles: null, startup: null, web: null },
    partSeconds: {},
  };
  for (const part of PARTS) {
    if (!options.only.includes(part)) continue;
    progress(part, 'starting');
    const partStarted = performance.now();
    // Each part's result type is declared beside it; the keys match PARTS.
    (results.parts as Record<string, unknown>)[part] = await runScript(
      `tests/bench/${part}/bench.ts`,
      optionArgs(options),
    );
    results.partSeconds[part] = Math.round((performance.now() - partStarted) / 1000);
    progress(part, `done in ${results.partSeconds[part]} s`);
  }
  results.totalSeconds = Math.round((performance.now() - started) / 1000);

  const measured = rounded(results);
  const final = options.merge ? mergeInto(await readResults('latest.json'), measured) : measured;
  const kept = reference || options.merge;
  const jsonFile = join(RESULTS_DIR, kept ? 'latest.json' : 'quick.json');
  const markdownFile = kept ? BENCHMARKS_FILE : join(RESULTS_DIR, 'quick.md');
  await writeFile(
    jsonFile,
    await format(JSON.stringify(final), {
      ...(await resolveConfig(jsonFile)),
      filepath: jsonFile,
    }),
  );
  await writeFile(markdownFile, await renderBenchmarks(final, before, crash));
  progress('run', `${results.totalSeconds} s in all; wrote ${jsonFile} and ${markdownFile}`);
});
