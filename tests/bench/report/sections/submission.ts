/** Figure 1 in BENCHMARKS.md: report submission over HTTP against a raw PutItem, and capacity. */
import type { CapacityLine } from '../../lib/capacity-proxy.ts';
import type { SubmissionPartResult } from '../../submission/bench.ts';
import { int, ms, num, table, times } from '../format.ts';

const sum = (lines: CapacityLine[], pick: (l: CapacityLine) => number, kind: 'read' | 'write') =>
  lines.filter((l) => l.kind === kind).reduce((total, l) => total + pick(l), 0);

function capacityRows(title: string, lines: CapacityLine[]): string[][] {
  return lines.map((l) => [
    `${title}: ${l.label}`,
    num(l.requests),
    l.kind === 'read' ? num(l.capacityUnits) : '',
    l.kind === 'write' ? num(l.capacityUnits) : '',
    l.kind === 'write' ? num(l.withIndexWrites) : '',
  ]);
}

function totalRow(title: string, lines: CapacityLine[]): string[] {
  return [
    `**${title}**`,
    `**${num(lines.reduce((total, l) => total + l.requests, 0))}**`,
    `**${num(sum(lines, (l) => l.capacityUnits, 'read'))}**`,
    `**${num(sum(lines, (l) => l.capacityUnits, 'write'))}**`,
    `**${num(sum(lines, (l) => l.withIndexWrites, 'write'))}**`,
  ];
}

/** `10 over 100 tasks`, `10 on one task`. */
export function clientsLabel(level: { connections: number; tasks?: number }): string {
  const tasks = level.tasks ?? 11;
  return `${level.connections} ${tasks === 1 ? 'on one task' : `over ${tasks} tasks`}`;
}

/**
 * The work behind the times: the platform process's CPU per accepted request, which the
 * other work on a shared machine does not change as it changes the wall clock.
 */
function cpuTable(result: SubmissionPartResult): string {
  const measured = result.levels.filter((l) => l.http.cpuMsPerRequest && l.raw.cpuMsPerRequest);
  if (measured.length === 0) return '';
  return `The same phases by the CPU time the platform's process spent (all its threads: the gateway,
the handlers, the store, the bus and the risk evaluations it runs), per accepted report or
PutItem, once the evaluations queued by the phase had run; one core spent this way serves at
most 1,000 ÷ that per second:

${table(
  ['clients', 'CPU per report', 'CPU per PutItem', 'ratio', 'reports/s per core at most'],
  measured.map((l) => [
    clientsLabel(l),
    ms(l.http.cpuMsPerRequest ?? 0),
    ms(l.raw.cpuMsPerRequest ?? 0),
    times(l.http.cpuMsPerRequest ?? 0, l.raw.cpuMsPerRequest ?? 0),
    num(1000 / (l.http.cpuMsPerRequest ?? 1)),
  ]),
)}`;
}

/** What the first report on a task costs, beside the steady state of the table. */
function firstReportSentence(capacity: SubmissionPartResult['capacity']): string {
  const first = capacity.firstReport;
  if (!first) return '';
  const requests = (lines: CapacityLine[]) => lines.reduce((total, l) => total + l.requests, 0);
  const units = (lines: CapacityLine[]) => sum(lines, (l) => l.withIndexWrites, 'write');
  return `The first report on a task (the first round) costs ${num(requests(first.request))} requests on the
request path and ${num(requests(first.event))} in the evaluation, ${num(units(first.request) + units(first.event))} WCU with index writes: it
usually changes the task's risk (the flag written, the transition announced, then recorded as
announced), and the first reads fill the caches (the registry, the plan's current version).`;
}

export function submissionSection(result: SubmissionPartResult | null): string {
  if (!result) return '## 1. Report submission\n\nNot measured in this run.\n';
  const { capacity } = result;
  const rows = result.levels.map((level) => [
    clientsLabel(level),
    ms(level.http.p50Ms),
    ms(level.raw.p50Ms),
    times(level.http.p50Ms, level.raw.p50Ms),
    ms(level.http.p99Ms),
    ms(level.raw.p99Ms),
    times(level.http.p99Ms, level.raw.p99Ms),
    num(level.http.throughput),
    num(level.raw.throughput),
    times(level.http.throughput, level.raw.throughput),
  ]);
  const rejected = result.levels.flatMap((level) =>
    (['http', 'raw'] as const).flatMap((target) =>
      Object.entries(level[target].rejected).map(
        ([status, count]) => `${count} × ${status} (${target}, ${clientsLabel(level)})`,
      ),
    ),
  );
  const both = [...capacity.request, ...capacity.event];
  const answered = result.levels.map((level) => level.http.accepted);
  const fewest = Math.max(1, Math.floor(Math.min(...answered) / 100));
  const most = Math.max(1, Math.floor(Math.max(...answered) / 100));
  const tail = fewest === most ? int(fewest) : `${int(fewest)} to ${int(most)}`;
  return `## 1. Report submission: local HTTP against a raw PutItem

**What it measures.** \`POST /tasks/{taskId}/reports\` through the local runtime (the API
Gateway emulation, the token authorizer (run on every request locally, so that a revoked token
stops at once; API Gateway caches its answer for 60 s), the
submit handler with middy and zod, its reads and its one filing transaction, and the
\`ProgressReported\` event) against one DynamoDB \`PutItem\` of the same report item
(the keys, attributes and condition \`DynamoProgressStore.fileReport\` puts it with) sent
straight to the same dynalite store. The same load generator drives both: autocannon in its own process,
closed loop (each client sends its next request when its last is answered), ${result.secondsPerPhase} s per
phase, raw then HTTP at each level, after a warm-up. Every request is a new report (a new
\`Idempotency-Key\`, or a new report id): ${int(result.reportsStored)} reports were stored for
${int(result.reportsAnswered)} answers counted (requests in flight when a phase stops are stored but not
counted). Ratios are HTTP ÷ raw: how many times slower, or how many times the throughput.

${table(
  [
    'clients',
    'p50 HTTP',
    'p50 raw',
    'ratio',
    'p99 HTTP',
    'p99 raw',
    'ratio',
    'reports/s HTTP',
    'puts/s raw',
    'ratio',
  ],
  rows,
)}

${cpuTable(result)}

Risk evaluations still queued when each HTTP phase ended took ${result.levels
    // Below a millisecond the bus was simply idle: no need for decimals.
    .map((l) => `${ms(Math.round(l.httpBacklogDrainMs))} at ${clientsLabel(l)}`)
    .join(', ')} to finish: under load, the local bus
runs them in the same process as the API, so the HTTP throughput above includes most of them.
${rejected.length > 0 ? `Answers other than 2xx: ${rejected.join('; ')}.` : 'Every answer was a 2xx.'}

**Limits.** dynalite runs in the platform's process and parses every condition and update
expression in JavaScript, so a raw PutItem costs well under a millisecond here, while on
DynamoDB it costs a network round trip of a few milliseconds: the ratio would be far smaller
on AWS, and the HTTP figures are the local runtime's, not Lambda's (where the risk evaluation
runs in another function). The load generator, the platform and the store share the cores.
A p99 rests on the slowest 1% of a phase's answers: over HTTP, ${tail} of them.

### Capacity units per accepted report

**Method.** A loopback proxy between the code and dynalite adds
\`ReturnConsumedCapacity: TOTAL\` to every request and sums what dynalite returns
(\`tests/bench/lib/capacity-proxy.ts\`). Handlers read \`DYNAMODB_ENDPOINT\` when their module
loads: the benchmark loads the submit handler through one proxy and the event's consumers
through another before the platform first uses them, then sends a report on each of
${capacity.reports} tasks, one at a time, each until its event's deliveries end, then a second one on
each: the table is the second round divided by ${capacity.reports}, a task's steady state. The authorizer's reads
(${capacity.authorizer.map((l) => l.label).join(', ')}: ${num(sum(capacity.authorizer, (l) => l.capacityUnits, 'read'))} RCU) are counted by
running its use case through a proxy; on AWS, cached for 60 s, they are paid once per token per
minute, not per report.

${table(
  ['per accepted report', 'requests', 'RCU', 'WCU (dynalite)', 'WCU with index writes'],
  [
    ...capacityRows('request', capacity.request),
    totalRow('request path', capacity.request),
    ...capacityRows('event', capacity.event),
    totalRow('event (risk evaluation)', capacity.event),
    totalRow('both', both),
  ],
)}

${firstReportSentence(capacity)}

**Limits.** dynalite rounds sizes as DynamoDB does (reads per 4 KB, halved when eventually
consistent; writes per 1 KB) but bills the base table only; the local store bills a
transaction's writes twice, as DynamoDB does. DynamoDB also bills each global index entry a
write touches; the last column adds one write per index the written item is in, sized as what
that index projects of it (the proxy reads each written item aside, uncounted), at the
standard rate. A write whose condition fails costs DynamoDB a unit and dynalite nothing
(${capacity.conditionFailures} failed here).
`;
}
