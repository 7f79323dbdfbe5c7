/**
 * The local runtime as a child process, started the way a user starts it (`npm start`
 * runs `tsx infra/local/main.ts`), on a free port with its own data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export interface ChildRuntime {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function runRuntime(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', ...args], {
    env: { ...process.env, ...env, LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}

export async function startChildRuntime(dataDir: string, port?: number): Promise<ChildRuntime> {
  const chosen = port ?? (await freePort());
  const { child, output, exited } = runRuntime(['--port', String(chosen), '--data-dir', dataDir]);
  const deadline = Date.now() + 60_000;
  while (!/listening on (http:\/\/\S+)/.test(output())) {
    if (child.exitCode !== null) throw new Error(`the runtime exited: ${output()}`);
    if (Date.now() > deadline) throw new Error(`the runtime did not start: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /listening on (http:\/\/\S+)/.exec(output())?.[1] ?? '';
  return {
    url,
    child,
    output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}
