/**
 * `npm run rollup -- 2026-Q3 [--cutoff decree-09-2019] [--data-dir DIR]`: run a quarter's
 * rollup now on the running local platform (the current quarter gives a preliminary snapshot).
 */
import { randomUUID } from 'node:crypto';
import { parseCommandLine, runCommand, UsageError } from '#functions/cli/command-line.ts';
import { dataDirOf, DATA_DIR_OPTION } from '#functions/cli/command-table.ts';
import { call, connect } from './runtime-client.ts';

const USAGE =
  'usage: npm run rollup -- YYYY-QN [--cutoff calendar|decree-09-2019] [--data-dir DIR]';
const ROLLUP_COMMAND = {
  usage: USAGE,
  options: { cutoff: { type: 'string', default: 'calendar' }, ...DATA_DIR_OPTION },
  positionals: { min: 1, max: 1 },
} as const;

runCommand(USAGE, async () => {
  const { values, positionals } = parseCommandLine(ROLLUP_COMMAND, process.argv.slice(2));
  const [quarter = ''] = positionals;
  if (!/^\d{4}-Q[1-4]$/.test(quarter))
    throw new UsageError(`${quarter} is not a quarter like 2026-Q3`);
  const { runtime, adminToken } = await connect(dataDirOf(values['data-dir']));
  const query = new URLSearchParams({ cutoff: values.cutoff });
  const result = await call(`${runtime.apiUrl}/rollups/${quarter}/runs?${query}`, adminToken, {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
  });
  console.log(JSON.stringify(result, null, 2));
  return 0;
});
