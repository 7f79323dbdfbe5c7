import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { startServer } from './lib/child.ts';
import { writeAll } from './rollup/bulk-write.ts';
import { agencyItems, loadTemplates, taskItems } from './rollup/synthetic-province.ts';

const dir = await mkdtemp(join(tmpdir(), 'probe-'));
const store = await startServer<{ endpoint: string }>('tests/bench/rollup/store-server.ts', [process.argv[4] ?? dir, 'bench-rollup']);
const db = createDocumentClient(store.ready.endpoint);
const t = loadTemplates();
await writeAll(db, 'bench-rollup', agencyItems(t));
const n = Number(process.argv[2] ?? 2000);
const par = Number(process.argv[3] ?? 8);
function* gen() { for (let i = 0; i < n; i++) yield* taskItems(t, i); }
const t0 = performance.now();
const w = await writeAll(db, 'bench-rollup', gen(), par);
const ms = performance.now() - t0;
console.log(w, 'items', ms.toFixed(0), 'ms', (w / ms * 1000).toFixed(0), 'items/s');
console.log(JSON.stringify(taskItems(t, 5)[1]).length, JSON.stringify(taskItems(t, 5)[0]).length);
await store.stop();
