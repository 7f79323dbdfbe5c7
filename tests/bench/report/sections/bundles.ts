/** Figure 3 in BENCHMARKS.md: Lambda bundle sizes and cold starts. */
import type { BundleFigures, BundlesPartResult } from '../../bundles/bench.ts';
import { EMPTY, REFERENCES, SCHEMAS_ONLY, SDK_ONLY } from '../../bundles/references.ts';
import { bytes, ms, num, table, times } from '../format.ts';

const nameCell = (b: BundleFigures) => (REFERENCES.has(b.name) ? `_${b.name}_` : `\`${b.name}\``);
const over = (value: number, baseline: number | undefined) =>
  baseline === undefined ? '' : `+${ms(value - baseline)}`;
/** The first invocation's answers: `200`, `404`, `returned`, `threw …`. */
const answers = (b: { outcomes: string[] }) => b.outcomes.join(', ');

export function bundlesSection(result: BundlesPartResult | null): string {
  if (!result) return '## 3. Lambda bundles\n\nNot measured in this run.\n';
  const empty = result.bundles.find((b) => b.name === EMPTY);
  const handlers = result.bundles.filter((b) => !REFERENCES.has(b.name));
  const largest = handlers.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const slowest = handlers.reduce((a, b) => (b.importMs > a.importMs ? b : a));
  const slowestCpu = handlers.reduce((a, b) => (b.importCpuMs > a.importCpuMs ? b : a));
  const sdkOnly = result.bundles.find((b) => b.name === SDK_ONLY);
  const schemasOnly = result.bundles.find((b) => b.name === SCHEMAS_ONLY);
  const zod = largest.heaviest.find((p) => p.name === 'zod');
  const initFloor =
    sdkOnly && empty
      ? `in this run the SDK clients alone take ${over(sdkOnly.importCpuMs, empty.importCpuMs)} of CPU time
over the empty handler (${over(sdkOnly.importMs, empty.importMs)} on the wall clock), more than the whole budget, and `
      : '';
  const deployedRows = result.bundles.map((b) => [
    nameCell(b),
    bytes(b.bytes),
    bytes(b.gzipBytes),
    ms(b.importMs),
    b === empty ? '' : over(b.importMs, empty?.importMs),
    ms(b.importCpuMs),
    b === empty ? '' : over(b.importCpuMs, empty?.importCpuMs),
    ms(b.firstCallMs),
    ms(b.coldStartMs),
    b === empty ? '' : over(b.coldStartMs, empty?.coldStartMs),
    answers(b),
    b.heaviest.map((p) => `${p.name} ${bytes(p.bytes)}`).join(', '),
  ]);
  // A function that imports nothing from the SDK is the same either way: not shown.
  const runtimeRows = result.bundles.flatMap((b) =>
    b.runtimeSdk && b.runtimeSdk.external.length > 0
      ? [
          [
            nameCell(b),
            bytes(b.runtimeSdk.bytes),
            ms(b.runtimeSdk.importMs),
            ms(b.runtimeSdk.importCpuMs),
            ms(b.runtimeSdk.firstCallMs),
            ms(b.runtimeSdk.coldStartMs),
            times(b.runtimeSdk.coldStartMs, b.coldStartMs),
            times(b.runtimeSdk.coldStartCpuMs, b.coldStartCpuMs),
          ],
        ]
      : [],
  );
  return `## 3. Lambda bundles: size and cold start

**What it measures.** Every entry of \`HANDLERS\` (\`shared/platform/handlers.ts\`) bundled with
\`LAMBDA_BUNDLING\` (\`infra/cdk/constructs/lambda-bundling.ts\`), the options the CDK app hands
its esbuild: ESM, minified, target ${result.target}, packages' ESM builds first, the AWS SDK inside
the bundle except the modules it loads lazily that never load on Lambda, a linked source map
without sources, and the \`createRequire\` banner. Beside them, two reference bundles built the
same way: an empty handler, and the AWS SDK clients the handlers build with nothing else
(\`tests/bench/bundles/sdk-clients-handler.ts\`). Size is the \`.mjs\` file (gzip -9
approximates what the deployment zip stores); the heaviest packages come from esbuild's
metafile.

The cold start is measured as Lambda pays it, in a fresh \`node\` process (no tsx, no loader)
with a Lambda function's environment (the variables the handlers validate at import, the
Lambda markers, credentials in the environment, \`NODE_OPTIONS=--enable-source-maps\` as the CDK
app sets it): **Init** is the import of the bundle, which builds the handler and everything
the module builds at load; **first call** is the invocation that follows, with a valid event
of the function's main route or trigger (\`tests/bench/bundles/first-events.ts\`), which pays
for whatever was left for later (SDK parts loaded on first use, credentials, signing, the
first run of the handler's path). The AWS calls go to a loopback stub that answers at once
with nothing found (\`aws-stub.ts\`), so the first call's answer is often a 404. Beside the
wall-clock times, the CPU time the process spent (all its threads): when other work shares the
cores the wall clock swells with the wait for a core, which the CPU time does not count. Median
of ${result.samples}, round-robin over the bundles; run on ${result.recordedOn}, when the 1-minute load
average was ${num(result.loadAverageAtStart)}. This part alone: \`npm run bench -- --only bundles\`.

Largest bundle: **${bytes(largest.bytes)}** (\`${largest.name}\`). Longest Init: **${ms(slowest.importMs)}**,
${over(slowest.importMs, empty?.importMs)} over the empty handler (\`${slowest.name}\`); in CPU time
${ms(slowestCpu.importCpuMs)}, ${over(slowestCpu.importCpuMs, empty?.importCpuMs)} (\`${slowestCpu.name}\`). Issue 14's goals: ≤ 250 KiB, ≤ +40 ms.
Without \`--enable-source-maps\`, the largest bundle's Init takes ${ms(largest.importMsWithoutSourceMaps)}
instead of ${ms(largest.importMs)}: what reading its source map costs.

${table(
  [
    'function',
    'bundle',
    'gzip',
    'Init',
    'over empty',
    'Init, CPU',
    'over empty',
    'first call',
    'Init + first call',
    'over empty',
    'first answer',
    'heaviest packages',
  ],
  deployedRows,
  ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
)}

**Before and after the cuts.** The bundles of commit 0fbc3e4 (Powertools Tracer with the X-Ray
SDK, the whole SDK inside, an \`Intl.DateTimeFormat\` built at import) were measured once beside
these, same probe, same rounds, on 2026-12-02 under a load average near 10: 602-697 KiB then
against 333-433 KiB now; Init 30-50 % shorter in CPU time; the first call of the API
functions 50-90 % shorter (the X-Ray SDK's handler segment and its capture of every HTTP
request; the event functions, which had no handler segment, gained nothing there); Init and
first call together 30-60 % shorter.

**The AWS SDK: bundled, or the runtime's copy.** CDK's default leaves \`@aws-sdk/*\` out of the
bundle, to be imported from the copy the Node.js runtime ships. The same functions built that
way, started the same way, in the same rounds:

${table(
  [
    'function',
    'bundle',
    'Init',
    'Init, CPU',
    'first call',
    'Init + first call',
    'over bundled SDK',
    'in CPU time',
  ],
  runtimeRows,
  ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
)}

Every function would meet the 250 KiB goal with the runtime's SDK, and its cold start would
be longer, most of all its Init: Node.js loads that copy as dozens of CommonJS packages,
unminified and whole, where the bundle carries only what esbuild kept. The platform bundles
the SDK: the cold start is what callers wait for, and the SDK version that runs is then the
one the lock file pins and the tests ran, not whichever the runtime carries that month (AWS
updates it on its own schedule and advises bundling your own for production). That is why the
size goal is not met: the SDK clients alone weigh ${sdkOnly ? bytes(sdkOnly.bytes) : '–'} (the _${SDK_ONLY}_ row), and zod's
classic API ${zod ? `${bytes(zod.bytes)} ` : ''}more in every function. The next cuts, by the
metafile: zod's small API (\`zod/mini\`, about 80 KiB less, a rewrite of every schema) and
Powertools idempotency with its JMESPath engine (about 35 KiB in the admin and registry
commands that still use it; the report path and the web pages dropped it for the report's own
conditional write); the largest bundle would still be near 300 KiB.

**The Init goal** is not met either, and not for want of cutting: ${initFloor}the
runtime's copy makes Init longer still. Above the SDK, the largest share is zod building each
function's schemas at import (a few hundred in each, every one with its methods bound;
\`zod/mini\` builds them bare)${
    schemasOnly && empty
      ? `: the API's schemas alone, with zod and no SDK (the _${SCHEMAS_ONLY}_ row), take ${over(schemasOnly.importCpuMs, empty.importCpuMs)} of CPU time over the empty handler`
      : ''
  }, then Powertools and parsing the rest of the bundle.

**Tracing.** Powertools Tracer and the X-Ray SDK under it (about 120 KiB per bundle with its
dependencies, end of support February 2027) are gone. Every function keeps Lambda's active
tracing, which needs no SDK: Lambda records each invocation's segments (Init, Invocation,
Overhead) and links them to the caller's trace, so the service map still shows API Gateway →
Lambda and EventBridge → Lambda with their latencies, and the AWS SDK still forwards the trace
header (its recursion-detection middleware) to the services it calls. Lost: a subsegment per
AWS call (DynamoDB, EventBridge and SNS as nodes of the map, each call's latency inside an
invocation) and the handler subsegment's ColdStart and Service annotations. If per-call
segments are wanted back, the ADOT Lambda layer (OpenTelemetry) adds them without any code in
the bundle, at the cost of its own Init time.

**Limits.** Node.js here is the machine's (see above), Lambda runs Node.js 24; a Lambda
function's CPU share grows with its memory setting, so its Init phase is slower than this
machine's at small sizes. The figure leaves out what Lambda does before the import (fetching and
unpacking the package, starting the runtime, whose own modules may already hold some of the
Node.js built-ins the bundles load). The first call's AWS answers come from loopback without
TLS, while on AWS its first request to each service also opens a TLS connection. The runtime's
SDK is measured with this repository's copy of the same packages, not the one the runtime ships.
`;
}
