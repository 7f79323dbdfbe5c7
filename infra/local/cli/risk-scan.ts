/** `npm run risk-scan [-- --data-dir DIR]`: run the daily risk scan now on the running local platform. */
import { randomUUID } from 'node:crypto';
import { parseCommandLine, runCommand } from '#functions/cli/command-line.ts';
import { dataDirOf, DATA_DIR_OPTION } from '#functions/cli/command-table.ts';
import { connect, runJob } from './runtime-client.ts';

const USAGE = 'usage: npm run risk-scan [-- --data-dir DIR]';
const RISK_SCAN_COMMAND = { usage: USAGE, options: { ...DATA_DIR_OPTION } } as const;

runCommand(USAGE, async () => {
  const { values } = parseCommandLine(RISK_SCAN_COMMAND, process.argv.slice(2));
  const { runtime, adminToken } = await connect(dataDirOf(values['data-dir']));
  const result = await runJob(runtime.apiUrl, '/risks/scans', adminToken, {
    headers: { 'idempotency-key': randomUUID() },
  });
  console.log(JSON.stringify(result, null, 2));
  return 0;
});
