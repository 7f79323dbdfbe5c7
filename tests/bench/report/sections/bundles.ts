/** Figure 3 in BENCHMARKS.md: Lambda bundle sizes and module initialisation times. */
import type { BundlesPartResult } from '../../bundles/bench.ts';
import { EMPTY } from '../../bundles/empty.ts';
import { bytes, ms, table, times } from '../format.ts';

export function bundlesSection(result: BundlesPartResult | null): string {
  if (!result) return '## 3. Lambda bundles\n\nNot measured in this run.\n';
  const empty = result.bundles.find((b) => b.name === EMPTY);
  const rows = result.bundles.map((b) => [
    b.name === EMPTY ? `_${b.name}_` : `\`${b.name}\``,
    bytes(b.bytes),
    bytes(b.gzipBytes),
    bytes(b.mapBytes),
    ms(b.importMs),
    b.name === EMPTY || !empty ? '' : times(b.importMs, empty.importMs),
    ms(b.importMsWithoutSourceMaps),
    b.heaviest.map((p) => `${p.name} ${bytes(p.bytes)}`).join(', '),
  ]);
  return `## 3. Lambda bundles: size and module initialisation

**What it measures.** Every entry of \`HANDLERS\` (\`shared/platform/handlers.ts\`) bundled as
\`infra/cdk/constructs/house-function.ts\` has CDK bundle it: esbuild, ESM, minified, target
${result.target}, platform node, packages' ESM builds first, the AWS SDK inside the bundle, a linked source
map without sources, and the \`createRequire\` banner; and an empty handler bundled the same
way. Size is the \`.mjs\` file (gzip -9 approximates what the deployment zip stores); the
heaviest packages come from esbuild's metafile. Initialisation is a fresh \`node\` process (no
tsx) importing the bundle and timing the import, which is the part of a cold start's Init phase
the code decides, median of ${result.samples}, round-robin over the bundles, in a Lambda-like environment
(the variables the handlers validate at import, the Lambda markers Powertools reads, and
\`NODE_OPTIONS=--enable-source-maps\` as the CDK app sets it); also without source maps.

${table(
  [
    'function',
    'bundle',
    'gzip',
    'source map',
    'init',
    'ratio to empty',
    'init, no source maps',
    'heaviest packages',
  ],
  rows,
  ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
)}

**Limits.** Node.js here is the machine's (see above), Lambda runs Node.js 24; a Lambda
function's CPU share grows with its memory setting, so its Init phase is slower than this
machine's at small sizes. The figure leaves out what Lambda does before the import (fetching and
unpacking the package, starting the runtime).
`;
}
