/**
 * Issue 14's table: each goal with the figure it started from (results/before.json, the
 * commit the issue's work began on, measured by this harness) and the figure now.
 */
import { EMPTY, REFERENCES } from '../../bundles/references.ts';
import type { CapacityLine } from '../../lib/capacity-proxy.ts';
import { median } from '../../lib/stats.ts';
import { bytes, ms, num, table, times } from '../format.ts';
import type { BenchResults } from '../results.ts';

type Figure = (results: BenchResults) => string | null;

const requests = (lines: CapacityLine[]) => lines.reduce((sum, line) => sum + line.requests, 0);
const writeUnits = (lines: CapacityLine[]) =>
  lines.filter((line) => line.kind === 'write').reduce((sum, l) => sum + l.withIndexWrites, 0);

const capacity = (results: BenchResults) => results.parts.submission?.capacity ?? null;

const level = (results: BenchResults, connections: number, tasks: number) =>
  results.parts.submission?.levels.find(
    (l) => l.connections === connections && (l.tasks ?? 11) === tasks,
  ) ?? null;

const functions = (results: BenchResults) => {
  const bundles = results.parts.bundles?.bundles ?? [];
  return {
    empty: bundles.find((b) => b.name === EMPTY),
    handlers: bundles.filter((b) => !REFERENCES.has(b.name)),
  };
};

const largestRollup = (results: BenchResults) =>
  [...(results.parts.rollup?.steps ?? [])].sort((a, b) => b.tasks - a.tasks)[0] ?? null;

const FIGURES: { name: string; goal: string; figure: Figure }[] = [
  {
    name: 'DynamoDB requests per accepted report, request path / with the event’s consumers (the first on a task)',
    goal: '≤ 3 / ≤ 5',
    figure: (r) => {
      const c = capacity(r);
      const pair = (p: { request: CapacityLine[]; event: CapacityLine[] }) =>
        `${num(requests(p.request))} / ${num(requests(p.request) + requests(p.event))}`;
      return c && `${pair(c)}${c.firstReport ? ` (${pair(c.firstReport)})` : ''}`;
    },
  },
  {
    name: 'WCU per accepted report, with index writes (the first on a task)',
    goal: '≤ 4',
    figure: (r) => {
      const c = capacity(r);
      const units = (p: { request: CapacityLine[]; event: CapacityLine[] }) =>
        num(writeUnits(p.request) + writeUnits(p.event));
      return c && `${units(c)}${c.firstReport ? ` (${units(c.firstReport)})` : ''}`;
    },
  },
  {
    name: 'local p50, HTTP ÷ raw PutItem, 1 client',
    goal: '≤ ×5',
    figure: (r) => {
      const l = level(r, 1, 100) ?? level(r, 1, 11);
      return l && `${times(l.http.p50Ms, l.raw.p50Ms)} (${ms(l.http.p50Ms)})`;
    },
  },
  {
    name: 'local reports/s, 10 clients over 100 tasks (on one task); CPU per report',
    goal: '≥ 300',
    figure: (r) => {
      const spread = level(r, 10, 100);
      const one = level(r, 10, 1);
      const cpu = spread?.http.cpuMsPerRequest;
      return (
        spread &&
        `${num(spread.http.throughput)} (${one ? num(one.http.throughput) : '–'})${cpu ? `; ${ms(cpu)}` : ''}`
      );
    },
  },
  {
    name: 'largest Lambda bundle',
    goal: '≤ 250 KiB',
    figure: (r) => {
      const [largest] = functions(r).handlers.sort((a, b) => b.bytes - a.bytes);
      return largest ? `${bytes(largest.bytes)} (\`${largest.name}\`)` : null;
    },
  },
  {
    name: 'Init over an empty handler, longest (in CPU time)',
    goal: '≤ +40 ms',
    figure: (r) => {
      const { empty, handlers } = functions(r);
      const [slowest] = handlers.sort((a, b) => b.importMs - a.importMs);
      const [slowestCpu] = handlers.sort((a, b) => b.importCpuMs - a.importCpuMs);
      if (!empty || !slowest || !slowestCpu) return null;
      return `+${ms(slowest.importMs - empty.importMs)} (+${ms(slowestCpu.importCpuMs - empty.importCpuMs)})`;
    },
  },
  {
    name: 'rollup ÷ raw read at the largest province; peak memory',
    goal: '≤ ×1.2; ≤ 200 MB',
    figure: (r) => {
      const step = largestRollup(r);
      return (
        step &&
        `${times(median(step.rollupMs), median(step.rawMs))}; ${Math.round(step.peakRssMb)} MB (${step.tasks.toLocaleString('en-US')} tasks)`
      );
    },
  },
];

export function goalsSection(results: BenchResults, before: BenchResults | null): string {
  if (!before) return '';
  const rows = FIGURES.map(({ name, goal, figure }) => [
    name,
    figure(before) ?? '–',
    figure(results) ?? 'not measured',
    goal,
  ]);
  return `## Issue 14's goals

Where each figure started (commit ${before.base?.commit ?? '?'}: ${before.base?.note ?? ''}) and
where it stands in the figures below. Ratios are within one run; absolute times depend on the
load of the shared machine.

${table(['figure', 'before', 'now', 'goal'], rows)}
`;
}
