/** BENCHMARKS.md from a run's results, formatted by Prettier as the repository checks it. */
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/child.ts';
import type { BenchResults } from './results.ts';
import { bundlesSection } from './sections/bundles.ts';
import { machineSection } from './sections/machine.ts';
import { rollupSection } from './sections/rollup.ts';
import { startupSection } from './sections/startup.ts';
import { submissionSection } from './sections/submission.ts';
import { webSection } from './sections/web.ts';

export async function renderBenchmarks(results: BenchResults): Promise<string> {
  const markdown = [
    machineSection(results),
    submissionSection(results.parts.submission),
    rollupSection(results.parts.rollup),
    bundlesSection(results.parts.bundles),
    startupSection(results.parts.startup),
    webSection(results.parts.web ?? null),
  ].join('\n');
  const file = join(REPO_ROOT, 'BENCHMARKS.md');
  const config = (await resolveConfig(file)) ?? {};
  return format(markdown, { ...config, filepath: file });
}
