/**
 * `npm run bench`: each part in a process of its own (the platform reads its environment
 * once per process, and no measurement should share a heap with another), then the results
 * as JSON and as BENCHMARKS.md. A full run rewrites results/latest.json and BENCHMARKS.md;
 * `--quick` or `--only` write results/quick.json and quick.md instead, so a smoke run never
 * replaces the reference figures. `--render` only rewrites BENCHMARKS.md from latest.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT, runMain, runScript } from './lib/child.ts';
import { machineInfo } from './lib/machine.ts';
import { optionArgs, PARTS, readOptions } from './lib/options.ts';
import { progress } from './lib/progress.ts';
import { renderBenchmarks } from './report/markdown.ts';
import { rounded, type BenchResults } from './report/results.ts';

const RESULTS_DIR = join(REPO_ROOT, 'tests/bench/results');
const BENCHMARKS_FILE = join(REPO_ROOT, 'BENCHMARKS.md');

runMain(async () => {
  const options = readOptions();
  if (options.render) {
    const latest = JSON.parse(
      await readFile(join(RESULTS_DIR, 'latest.json'), 'utf8'),
    ) as BenchResults;
    await writeFile(BENCHMARKS_FILE, await renderBenchmarks(latest));
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

  const final = rounded(results);
  const jsonFile = join(RESULTS_DIR, reference ? 'latest.json' : 'quick.json');
  const markdownFile = reference ? BENCHMARKS_FILE : join(RESULTS_DIR, 'quick.md');
  // The repository's Prettier settings, as `npm test` checks the file.
  const prettierConfig = (await resolveConfig(jsonFile)) ?? {};
  await writeFile(
    jsonFile,
    await format(JSON.stringify(final), { ...prettierConfig, filepath: jsonFile }),
  );
  await writeFile(markdownFile, await renderBenchmarks(final));
  progress('run', `${results.totalSeconds} s in all; wrote ${jsonFile} and ${markdownFile}`);
});
