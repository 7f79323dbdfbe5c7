/**
 * `npm run rollup -- 2026-Q3 [--cutoff decree-09-2019]`: run a quarter's rollup now on the
 * running local platform (the current quarter gives a preliminary snapshot).
 */
import { randomUUID } from 'node:crypto';
import { call, CliError, connect, dataDirFrom, runCli } from './runtime-client.ts';

runCli(async () => {
  const { dataDir, rest } = dataDirFrom(process.argv.slice(2));
  const [quarter] = rest.filter((arg) => !arg.startsWith('--'));
  const cutoffIndex = rest.indexOf('--cutoff');
  const cutoff = cutoffIndex >= 0 ? rest[cutoffIndex + 1] : 'calendar';
  if (!quarter || !/^\d{4}-Q[1-4]$/.test(quarter)) {
    throw new CliError('usage: npm run rollup -- YYYY-QN [--cutoff calendar|decree-09-2019]');
  }
  const { runtime, adminToken } = await connect(dataDir);
  const result = await call(
    `${runtime.apiUrl}/rollups/${quarter}/runs?cutoff=${cutoff}`,
    adminToken,
    {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
    },
  );
  console.log(JSON.stringify(result, null, 2));
});
