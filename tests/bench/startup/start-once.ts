/**
 * One start of the local runtime the way a developer starts it, `npx tsx infra/local/main.ts`,
 * timed from the spawn to the first 200 from `GET /openapi.json` (polled every 20 ms), and
 * to the "listening on" line. The runtime runs in a process group of its own, so that
 * stopping it stops npx, tsx and node together, by the group's id.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from '../lib/child.ts';

export interface StartSample {
  listeningMs: number;
  firstResponseMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runtimes started and not yet stopped, by process group id. A group of its own does not
 * get the terminal's ^C: if this process is interrupted, it stops them itself.
 */
const running = new Set<number>();
const stopRunning = () => {
  for (const pid of running) process.kill(-pid, 'SIGTERM');
};
process.once('exit', stopRunning);
process.once('SIGINT', () => {
  stopRunning();
  process.exit(130);
});

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function startOnce(port: number, dataDir: string): Promise<StartSample> {
  const started = performance.now();
  const child = spawn(
    'npx',
    ['tsx', 'infra/local/main.ts', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const exited = once(child, 'exit');
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  let listeningMs = Number.NaN;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (Number.isNaN(listeningMs) && output.includes('listening on')) {
      listeningMs = performance.now() - started;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  try {
    const deadline = started + 120_000;
    while (!(await answers(`http://127.0.0.1:${port}/openapi.json`))) {
      if (child.exitCode !== null) throw new Error(`the runtime exited: ${output}`);
      if (performance.now() > deadline) throw new Error(`the runtime did not answer: ${output}`);
      await sleep(20);
    }
    return { listeningMs, firstResponseMs: performance.now() - started };
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
    if (child.pid !== undefined) running.delete(child.pid);
  }
}

/** `npx tsx` running an empty script: the same spawn, nothing to start. */
export async function emptyStart(): Promise<number> {
  const started = performance.now();
  const child = spawn('npx', ['tsx', 'tests/bench/startup/empty.ts'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npx tsx of an empty script ended with ${code}`);
  return performance.now() - started;
}
