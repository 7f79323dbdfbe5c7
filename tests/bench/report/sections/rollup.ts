/** Figure 2 in BENCHMARKS.md: rollup time against province size, beside the raw read. */
import type { CapacityLine } from '../../lib/capacity-proxy.ts';
import { growthExponent, median } from '../../lib/stats.ts';
import type { RollupPartResult } from '../../rollup/bench.ts';
import { LINKED_TASKS } from '../../rollup/synthetic-province.ts';
import { bytes, int, ms, num, table, times } from '../format.ts';

const units = (lines: CapacityLine[], kind: 'read' | 'write') =>
  lines.filter((l) => l.kind === kind).reduce((total, l) => total + l.capacityUnits, 0);

export function rollupSection(result: RollupPartResult | null): string {
  if (!result) return '## 2. Rollup\n\nNot measured in this run.\n';
  const steps = result.steps.map((step) => ({
    ...step,
    rollup: median(step.rollupMs),
    raw: median(step.rawMs),
  }));
  const rows = steps.map((s) => [
    int(s.tasks),
    int(s.tasks * result.reportsPerTask),
    int(s.itemsRead),
    ms(s.rollup),
    ms(s.raw),
    times(s.rollup, s.raw),
    `${bytes(s.snapshotJsonBytes)} / ${bytes(s.snapshotGzipBytes)}`,
    `${int(s.peakRssMb)} MB`,
    String(s.rollupMs.length),
  ]);
  const exponent = (pick: (s: (typeof steps)[number]) => number) =>
    steps.length >= 2 ? num(growthExponent(steps.map((s) => ({ x: s.tasks, y: pick(s) })))) : '–';
  const metered = steps.filter((s) => s.capacity);
  const capacityRows = metered.map((s) => {
    const rollup = s.capacity?.rollup ?? [];
    const raw = s.capacity?.raw ?? [];
    return [
      int(s.tasks),
      num(units(rollup, 'read')),
      num(units(raw, 'read')),
      num(units(rollup, 'read') / s.tasks),
      num(units(rollup, 'write')),
    ];
  });
  const generation = steps.map(
    (s) =>
      `${int(s.generatedItems)} items up to ${int(s.tasks)} tasks in ${ms(s.generationMs)} (${int(s.generatedItems / (s.generationMs / 1000))} items/s)`,
  );
  return `## 2. Rollup time against province size

**What it measures.** \`runRollup\` (\`shared/use-cases/run-rollup.ts\`) of quarter 2026-Q3 over
the three sectors with \`DynamoRollupStore\`, on synthetic provinces: tasks in equal thirds per
sector, cloned from the seed plans with their targets, schedules and agencies, each with
${result.reportsPerTask} reports on the quarter received during it and its lead agency's latest state; the province's
indicators (the seed registry) with two years of monthly values each, and the targets of the
first ${LINKED_TASKS} tasks linked to them; all written as the stores write them (same key helpers, same
attributes). Each timed rollup is the whole use case, at 30/09/2026, after the quarter's
deadline: it reads the sectors' tasks, latest states, agencies, and the reports describing the
quarter and its months (one partition per plan and period described), computes the figures of
every indicator (values, linked targets and the linked tasks' reports), computes the official
snapshots and writes them (the stored revision heads are removed first, so no run stops at
"nothing new"). The raw read issues the same queries, page for page, and does nothing with the
items. The store is dynalite on disk in a process of its own, reached over a socket as DynamoDB
is; each size is measured in a fresh process, raw read and rollup alternating; the median is
shown.

${table(
  [
    'tasks',
    'reports',
    'items read',
    'rollup',
    'raw read',
    'ratio',
    'snapshots (JSON / gzip)',
    'peak RSS',
    'runs',
  ],
  rows,
)}

Growth exponent (slope of log time against log tasks; 1 is linear): rollup **${exponent((s) => s.rollup)}**,
raw read **${exponent((s) => s.raw)}**.

Capacity, counted by the same proxy as in figure 1 on one extra run of each (not timed):

${
  capacityRows.length > 0
    ? table(
        ['tasks', 'RCU rollup', 'RCU raw read', 'RCU per task', 'WCU (snapshots)'],
        capacityRows,
      )
    : 'Not metered in this run.'
}

Generating the provinces (BatchWriteItem, 25 items a request, 8 requests in flight):
${generation.join('; ')}.

**Limits.** dynalite serves queries through JavaScript streams over LevelDB, which dominates
both columns; DynamoDB returns 1 MB pages in milliseconds, so on AWS the computation's share,
and the ratio, would be larger. The peak RSS is the measuring process's (raw reads included);
the quarter-close function has 2,048 MB. Larger sizes are run fewer times to keep the run
within a quarter of an hour.
`;
}
