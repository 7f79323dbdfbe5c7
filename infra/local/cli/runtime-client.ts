/**
 * What the local command lines share: find the running runtime through the data folder
 * (DATA_DIR or --data-dir, default .data), call it with the admin token, and report in
 * one clear line when something is missing.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { devTokensSchema } from '../dev-tokens.ts';
import { readRuntimeInfo, type RuntimeInfo } from '../runtime-file.ts';

export class CliError extends Error {}

export function dataDirFrom(argv: string[]): { dataDir: string; rest: string[] } {
  const index = argv.indexOf('--data-dir');
  const dataDir = index >= 0 ? argv[index + 1] : process.env.DATA_DIR;
  const rest = index >= 0 ? [...argv.slice(0, index), ...argv.slice(index + 2)] : argv;
  return { dataDir: resolve(dataDir ?? '.data'), rest };
}

export async function connect(
  dataDir: string,
): Promise<{ runtime: RuntimeInfo; adminToken: string }> {
  const runtime = await readRuntimeInfo(dataDir);
  if (!runtime) throw new CliError(`no running platform uses ${dataDir}; start it with npm start`);
  const tokens = devTokensSchema.parse(
    JSON.parse(await readFile(join(dataDir, 'tokens.json'), 'utf8')),
  );
  return { runtime, adminToken: tokens.admin };
}

export async function call(url: string, token: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
  } catch (error) {
    throw new CliError(
      `the platform at ${new URL(url).origin} does not answer (${(error as Error).message}); is it running?`,
    );
  }
  const body: unknown = await response.json();
  if (!response.ok) {
    const detail = (body as { detail?: string }).detail ?? response.statusText;
    throw new CliError(`${response.status}: ${detail}`);
  }
  return body;
}

export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof CliError ? error.message : String(error)}`);
    process.exit(1);
  });
}
