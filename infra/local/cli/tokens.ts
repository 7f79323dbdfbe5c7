/**
 * `npm run tokens -- issue|list|revoke …` against the running local platform: the admin
 * command line of functions/cli/tokens.ts, pointed at the local store found through the
 * data folder. With TABLE_NAME set it talks to that table instead (a deployed one).
 */
import { CliError, dataDirFrom, runCli } from './runtime-client.ts';
import { readRuntimeInfo } from '../runtime-file.ts';

runCli(async () => {
  const { dataDir, rest } = dataDirFrom(process.argv.slice(2));
  if (!process.env.TABLE_NAME) {
    const runtime = await readRuntimeInfo(dataDir);
    if (!runtime)
      throw new CliError(
        `no running platform uses ${dataDir}; start it with npm start, or set TABLE_NAME`,
      );
    process.env.TABLE_NAME = runtime.tableName;
    process.env.DYNAMODB_ENDPOINT = runtime.storeEndpoint;
  }
  process.argv = [...process.argv.slice(0, 2), ...rest];
  await import('#functions/cli/tokens.ts');
});
