/**
 * `npm start`: the whole platform on this machine. Prints `listening on http://HOST:PORT`
 * once it serves; stops cleanly on SIGINT or SIGTERM, finishing work in flight.
 * Bad configuration ends with one line saying what is wrong and what to do, and status 1.
 */
import { ConfigurationError } from '#shared/config/env.ts';
import { readLocalConfig } from './config.ts';
import { startPlatform } from './platform.ts';

async function main(): Promise<void> {
  const config = readLocalConfig(process.argv.slice(2));
  const platform = await startPlatform(config);
  const someAgency = Object.keys(platform.tokens.agencies)[0] ?? '<agency id>';
  console.log(`listening on ${platform.url}`);
  console.log(
    `development tokens are in ${platform.tokensFile}; for example:\n` +
      `  curl -H "Authorization: Bearer $(node -p "require('${platform.tokensFile}').agencies['${someAgency}']")" ${platform.url}/tasks?sector=agriculture`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing work in flight`);
    // The process ends by itself once closed, its output flushed; should something still
    // hold it open, it is ended after a grace period (the timer holds nothing open itself).
    const ended = (status: number) => {
      process.exitCode = status;
      setTimeout(() => process.exit(), 10_000).unref();
    };
    platform.close().then(
      () => ended(0),
      (error: unknown) => {
        console.error(error);
        ended(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error('error: the platform could not start:', error);
  }
  process.exitCode = 1;
});
