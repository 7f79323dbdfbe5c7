/** `npm run risk-scan`: run the daily risk scan now on the running local platform. */
import { randomUUID } from 'node:crypto';
import { call, connect, dataDirFrom, runCli } from './runtime-client.ts';

runCli(async () => {
  const { dataDir } = dataDirFrom(process.argv.slice(2));
  const { runtime, adminToken } = await connect(dataDir);
  const result = await call(`${runtime.apiUrl}/risks/scans`, adminToken, {
    method: 'POST',
    headers: { 'idempotency-key': randomUUID() },
  });
  console.log(JSON.stringify(result, null, 2));
});
