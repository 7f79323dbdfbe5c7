/**
 * Heap retained per request by the running platform, measured in a process started with
 * `--expose-gc` (the soak test spawns it): a warm-up, a forced collection, 2,000
 * `GET /tasks?limit=5` at ten at a time, another forced collection, and the difference.
 * Prints one JSON line, `{ "requests": …, "retainedBytesPerRequest": … }`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '#infra/local/platform.ts';

const WARM_UP = 300;
const REQUESTS = Number(process.argv[2] ?? 2_000);
const CONCURRENCY = 10;

const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');

function get(url: string, token: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function load(count: number, send: () => Promise<number>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next++ < count) {
      const status = await send();
      if (status !== 200) throw new Error(`GET answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Collects until the heap stops shrinking: one gc() can leave work for the next. */
async function settledHeap(): Promise<number> {
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc?.();
    const used = process.memoryUsage().heapUsed;
    if (used >= previous) return used;
    previous = used;
  }
  return previous;
}

const dataDir = await mkdtemp(join(tmpdir(), 'langson-soak-'));
const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const send = () => get(`${platform.url}/tasks?limit=5`, platform.tokens.viewer, agent);
try {
  await load(WARM_UP, send);
  const heaps = [await settledHeap()];
  for (const round of [1, 2]) {
    await load(REQUESTS / 2, send);
    heaps[round] = await settledHeap();
  }
  const [, middle = 0, end = 0] = heaps;
  const retainedBytesPerRequest = Math.max(0, Math.round((end - middle) / (REQUESTS / 2)));
  process.stdout.write(
    `${JSON.stringify({ requests: REQUESTS, retainedBytesPerRequest, heaps })}\n`,
  );
} finally {
  agent.destroy();
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
}
