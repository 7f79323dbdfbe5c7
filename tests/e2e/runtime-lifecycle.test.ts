/**
 * `npm start` as a user runs it: a child process on a free port with a temporary data
 * folder, driven over HTTP, stopped with SIGTERM, started again with everything still there.
 */
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devTokensSchema, type DevTokens } from '#infra/local/dev-tokens.ts';
import { runRuntime, startChildRuntime } from '../support/child-runtime.ts';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'langson-e2e-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const readTokens = async (): Promise<DevTokens> =>
  devTokensSchema.parse(JSON.parse(await readFile(join(dataDir, 'tokens.json'), 'utf8')));

describe('the local runtime', () => {
  it('serves, stops on SIGTERM and keeps everything across a restart', async () => {
    const first = await startChildRuntime(dataDir);
    const tokens = await readTokens();
    const lead = tokens.agencies['so-nong-nghiep-va-moi-truong'];
    const submitted = await fetch(`${first.url}/tasks/KH266-I-2/reports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${lead}`,
        'content-type': 'application/json',
        'idempotency-key': 'e2e-1',
      },
      body: JSON.stringify({ status: 'on_track', percentComplete: 45, actuals: { lua: 10000 } }),
    });
    expect(submitted.status).toBe(201);
    const report = (await submitted.json()) as { id: string };
    expect((await stat(join(dataDir, 'tokens.json'))).mode & 0o777).toBe(0o600);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('SIGTERM received');

    const second = await startChildRuntime(dataDir);
    try {
      expect(await readTokens()).toEqual(tokens);
      const reports = await fetch(`${second.url}/tasks/KH266-I-2/reports`, {
        headers: { authorization: `Bearer ${tokens.viewer}` },
      });
      expect(
        ((await reports.json()) as { items: { id: string }[] }).items.map((r) => r.id),
      ).toEqual([report.id]);
      const plans = await fetch(`${second.url}/plans`, {
        headers: { authorization: `Bearer ${tokens.viewer}` },
      });
      expect(((await plans.json()) as { items: unknown[] }).items).toHaveLength(3);
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  });

  it('ends with one clear line and status 1 when the port is in use', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = runRuntime([
        '--port',
        String(port),
        '--data-dir',
        await mkdtemp(join(tmpdir(), 'langson-port-')),
      ]);
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(
        new RegExp(
          `^error: port ${port} on 127\\.0\\.0\\.1 is in use; choose another with --port or PORT$`,
          'm',
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('ends with one clear line and status 1 when the data folder cannot be created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'langson-ro-'));
    await writeFile(join(parent, 'a-file'), '');
    const run = runRuntime(['--port', '0', '--data-dir', join(parent, 'a-file', 'data')]);

    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /^error: the data folder .* is not writable \(ENOTDIR\); choose another with --data-dir or DATA_DIR$/m,
    );
  });

  it('ends with one clear line and status 1 when the stored data is corrupt', async () => {
    const corrupt = await mkdtemp(join(tmpdir(), 'langson-corrupt-'));
    await mkdir(join(corrupt, 'dynamodb'));
    await writeFile(join(corrupt, 'dynamodb', 'CURRENT'), 'garbage\n');
    const run = runRuntime(['--port', '0', '--data-dir', corrupt]);

    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /^error: the data in .*dynamodb cannot be opened .* move the folder away to start afresh$/m,
    );
  });

  it('refuses a malformed port with one clear line', async () => {
    const run = runRuntime(['--port', 'eighty']);

    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/^error: invalid port: /m);
  });
});
