/** Figure 4 in BENCHMARKS.md: the local runtime's start to its first served request. */
import type { StartupPartResult } from '../../startup/bench.ts';
import { ms, table, times } from '../format.ts';

export function startupSection(result: StartupPartResult | null): string {
  if (!result) return '## 4. Local runtime start-up\n\nNot measured in this run.\n';
  const floor = result.emptyScriptMs;
  const row = (name: string, f: StartupPartResult['cold']) => [
    name,
    ms(f.listeningMs),
    ms(f.firstResponseMs),
    times(f.firstResponseMs, floor),
  ];
  return `## 4. Local runtime: start to first served request

**What it measures.** \`npx tsx infra/local/main.ts --port <free> --data-dir <dir>\` spawned and
timed until \`GET /openapi.json\` answers 200 (polled every 20 ms), and until it prints
"listening on". Cold: a new data folder, so the table is created, the seed plans imported and
development tokens issued. Warm: a restart on the folder the cold start just filled. The
floor is \`npx tsx\` running an empty script, spawn to exit. Median of ${result.runs}; cold, warm and floor
take turns.

${table(
  ['start', 'to "listening on"', 'to first 200', 'ratio to the floor'],
  [
    row('cold (fresh data folder)', result.cold),
    row('warm (existing data)', result.warm),
    ['floor: `npx tsx` of an empty script', '', ms(floor), ''],
  ],
)}

**Limits.** The figures include npx and tsx starting, and tsx compiling TypeScript as modules
load; the first answer also loads the OpenAPI handler. The data folder is on this machine's
disk; the cores are shared.
`;
}
