/**
 * Issue 14's table: each goal with the figure it started from (results/before.json, the
 * commit the issue's work began on, measured by this harness) and the figure now.
 */
import { EMPTY, REFERENCES, SCHEMAS_ONLY, SDK_ONLY } from '../../bundles/references.ts';
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
    name: 'local reports/s, 10 clients over 100 tasks (on one task); CPU per report ÷ per PutItem',
    goal: '≥ 300',
    figure: (r) => {
      const spread = level(r, 10, 100);
      const one = level(r, 10, 1);
      const cpu = spread?.http.cpuMsPerRequest;
      const rawCpu = spread?.raw.cpuMsPerRequest;
      return (
        spread &&
        `${num(spread.http.throughput)} (${one ? num(one.http.throughput) : '–'})${cpu && rawCpu ? `; ${times(cpu, rawCpu)}` : ''}`
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

/** What each goal not met runs into, with the measurements that say so. */
function limits(results: BenchResults): string {
  const spread = level(results, 10, 100);
  const { empty, handlers } = functions(results);
  const sdk = results.parts.bundles?.bundles.find((b) => b.name === SDK_ONLY);
  const schemas = results.parts.bundles?.bundles.find((b) => b.name === SCHEMAS_ONLY);
  const smallest = [...(results.parts.rollup?.steps ?? [])].sort((a, b) => a.tasks - b.tasks)[0];
  const cpu = spread?.http.cpuMsPerRequest;
  const rawCpu = spread?.raw.cpuMsPerRequest;
  return `**Where the goals not met stop, and why.**

- **WCU.** A report is filed whole in one transaction (report, audit entry, its agency's
  latest state: DynamoDB bills each of the three writes twice, 6 units), and DynamoDB writes an
  entry in each index whose reads the API serves: the report in GSI1 (a task's reports) and
  GSI2 (a period's reports), the audit entry in GSI1 (the trail by month), the state in GSI2 (a
  plan's states): 4 more. The evaluation's one update of the task's summary and its GSI2 entry
  make ${capacity(results) ? num(writeUnits(capacity(results)?.request ?? []) + writeUnits(capacity(results)?.event ?? [])) : '12'}. Ordered single writes would cost 9 and leave an accepted report without its audit
  entry or state whenever a client gave up after a failure between them; 4 would take dropping
  the audit entry or a read the API serves.
- **Local latency and throughput.** Nothing waits any more (the profile's idle share went from
  39 % to a few per cent: no item is rewritten by every report); what is left is work, all in
  one process: the platform spends ${cpu ? ms(cpu) : '–'} of CPU per report against ${rawCpu ? ms(rawCpu) : '–'} per raw PutItem,
  for the gateway and its authorizer (two reads per request locally, where API Gateway caches
  them), the handler, about ten requests to the store (each through the AWS SDK on one side and
  dynalite on the other, the transaction's three writes included) and the risk evaluation.
  One core does at most ${cpu ? num(1000 / cpu) : '–'} reports a second that way; the store alone, at ten operations a report,
  would allow a tenth of its PutItem rate. Reaching the goals needs a faster store than dynalite.
- **Bundles and Init.** Every function carries the AWS SDK clients it uses${sdk ? ` (${bytes(sdk.bytes)} and +${ms(sdk.importCpuMs - (empty?.importCpuMs ?? 0))} of Init CPU alone)` : ''},
  zod's classic API with the schemas it builds at import${schemas ? ` (the API's schemas alone: ${bytes(schemas.bytes)} and +${ms(schemas.importCpuMs - (empty?.importCpuMs ?? 0))} of Init CPU)` : ''}
  and Powertools (about 30 KiB); figure 3 says why the SDK is bundled. The largest bundles
  (${handlers
    .filter((b) => b.bytes > 700 * 1024)
    .map((b) => `\`${b.name}\``)
    .join(', ')}) carry besides the Word and Excel renderers (about 430 KiB), the S3 client
  and its presigner for bodies too large for one response (about 185 KiB, \`readRollups\`
  and \`webPages\` only) or the readers of uploaded plans (\`runJobs\`, \`webAdmin\`). The
  next cut is \`zod/mini\`, for the schemas' share of both.
- **Rollup memory.** The measuring process itself (tsx, the SDK, every module, the raw read)
  peaks at ${smallest ? `${Math.round(smallest.peakRssMb)} MB with ${smallest.tasks.toLocaleString('en-US')} tasks` : 'about 200 MB'}; above that, a sector's reports, read as
  the few attributes the rollup uses, and its tasks and states. Holding less would take reading
  a period's reports task by task (their index sorted by task within the plan and period) and
  folding each task into the snapshot as it goes.
`;
}

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

${limits(results)}`;
}
