import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { startServer, runScript } from './lib/child.ts';
import { writeAll } from './rollup/bulk-write.ts';
import { agencyItems, loadTemplates, taskItems } from './rollup/synthetic-province.ts';

const dir = await mkdtemp(join(tmpdir(), 'probe-'));
const store = await startServer<{ endpoint: string }>('tests/bench/rollup/store-server.ts', [dir, 'bench-rollup']);
const db = createDocumentClient(store.ready.endpoint);
const t = loadTemplates();
await writeAll(db, 'bench-rollup', agencyItems(t));
const n = Number(process.argv[2] ?? 2000);
function* gen() { for (let i = 0; i < n; i++) yield* taskItems(t, i); }
await writeAll(db, 'bench-rollup', gen(), 8);
const r = await runScript('tests/bench/rollup/measure.ts', [store.ready.endpoint, 'bench-rollup', String(n), '2']);
console.log(JSON.stringify(r, null, 1));
await store.stop();
