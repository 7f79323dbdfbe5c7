/**
 * `npm run dead-letters -- list` and `npm run dead-letters -- replay`: the events whose
 * delivery kept failing, kept by the running local platform's event bus.
 */
import { call, CliError, connect, dataDirFrom, runCli } from './runtime-client.ts';

runCli(async () => {
  const { dataDir, rest } = dataDirFrom(process.argv.slice(2));
  const [command] = rest;
  if (command !== 'list' && command !== 'replay')
    throw new CliError('usage: npm run dead-letters -- list|replay');
  const { runtime, adminToken } = await connect(dataDir);
  const result =
    command === 'list'
      ? await call(`${runtime.controlUrl}/dead-letters`, adminToken)
      : await call(`${runtime.controlUrl}/dead-letters/replay`, adminToken, { method: 'POST' });
  console.log(JSON.stringify(result, null, 2));
});
