/**
 * Where the local runtime spends a submission: the platform (platform-server.ts) started
 * under `node --cpu-prof`, loaded by the benchmark's clients for a while, stopped, and its
 * profile summed: the share of samples the main thread was idle (waiting on the store's
 * locks, sockets or timers), and the functions and packages with the most self time.
 *
 *   npx tsx tests/bench/submission/profile.ts [--clients 10] [--tasks 100] [--seconds 10]
 *
 * Writes the .cpuprofile under a temporary folder (printed) for Chrome's DevTools.
 */
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { runMain, startServer } from '../lib/child.ts';
import { runLoad } from './load.ts';
import type { PlatformInfo } from './platform-server.ts';
import { reportRequest, tasksOfLevel } from './tasks.ts';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
});

/** `node_modules/dynalite/db/index.js` → `dynalite`; the project's own files → their path. */
function placeOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match?.[1]) return match[1];
  const own = /\/(shared|functions|infra|tests)\/.*$/.exec(url);
  return own ? own[0].slice(1) : url || '(native)';
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '10' },
      tasks: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '10' },
    },
  });
  const dir = await mkdtemp(join(tmpdir(), 'langson-profile-'));
  const server = await startServer<PlatformInfo>('tests/bench/submission/platform-server.ts', [], {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const tasks = tasksOfLevel(Number(values.tasks));
  const { url, agencyTokens } = server.ready;
  const result = await runLoad({
    url,
    connections: Number(values.clients),
    seconds: Number(values.seconds),
    request: (n) => {
      const report = reportRequest('profile', n, tasks);
      return {
        path: report.path,
        headers: {
          authorization: `Bearer ${agencyTokens[report.agencyId] ?? ''}`,
          'content-type': 'application/json',
          'idempotency-key': report.idempotencyKey,
        },
        body: report.body,
      };
    },
  });
  await server.call('drain');
  await server.stop();

  // One profile per thread (the module loader's too): the main thread's is the largest.
  const files = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
  const sizes = await Promise.all(files.map(async (name) => (await stat(join(dir, name))).size));
  const file = files[sizes.indexOf(Math.max(...sizes))];
  if (!file) throw new Error(`no profile in ${dir}`);
  const profile = profileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id);
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${placeOf(frame.url)}:${frame.lineNumber + 1}`
      : '?';
    functions.set(name, (functions.get(name) ?? 0) + 1);
    const place = frame
      ? frame.functionName.startsWith('(')
        ? frame.functionName
        : placeOf(frame.url)
      : '?';
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  const total = profile.samples.length;
  const top = (counts: Map<string, number>, n: number) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => `  ${((count / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(
    [
      `${result.accepted} reports in ${result.seconds} s (${result.throughput.toFixed(1)}/s, p50 ${result.p50Ms.toFixed(1)} ms); ${total} samples; profile ${join(dir, file)}`,
      'by place (self time):',
      top(places, 15),
      'by function (self time):',
      top(functions, 25),
    ].join('\n'),
  );
});
