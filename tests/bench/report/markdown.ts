/** BENCHMARKS.md from a run's results, formatted by Prettier as the repository checks it. */
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/child.ts';
import type { BenchResults } from './results.ts';
import type { CrashTestOutcome } from '../../../scripts/crash-restart.ts';
import { bundlesSection } from './sections/bundles.ts';
import { crashSection } from './sections/crash.ts';
import { goalsSection } from './sections/goals.ts';
import { machineSection } from './sections/machine.ts';
import { rollupSection } from './sections/rollup.ts';
import { startupSection } from './sections/startup.ts';
import { submissionSection } from './sections/submission.ts';
import { webSection } from './sections/web.ts';

/** `before`: the figures issue 14's goals start from (results/before.json), when present. */
export async function renderBenchmarks(
  results: BenchResults,
  before: BenchResults | null,
  crash: CrashTestOutcome | null,
): Promise<string> {
  const markdown = [
    machineSection(results),
    goalsSection(results, before),
    submissionSection(results.parts.submission),
    rollupSection(results.parts.rollup),
    bundlesSection(results.parts.bundles),
    startupSection(results.parts.startup),
    webSection(results.parts.web ?? null),
    crashSection(crash),
  ].join('\n');
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  const config = (await resolveConfig(file)) ?? {};
  return format(markdown, { ...config, filepath: file });
}
