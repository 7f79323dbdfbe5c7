/**
 * The local platform keeps its store and its data to the user who runs it: dynalite (and
 * the bus and notification endpoints beside it) answer only on sockets in an owner-only
 * folder, never on a TCP port a web page or another user could reach, and everything in
 * the data folder is readable by its owner alone.
 */
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '#shared/adapters/aws-clients.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { startPlatform } from '#infra/local/platform.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const LEAD = 'so-nong-nghiep-va-moi-truong';

/** Every path under a folder, the folder included. */
async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return [folder, ...entries.map((entry) => join(entry.parentPath, entry.name))];
}

async function groupOrOtherAccess(folder: string): Promise<string[]> {
  const open: string[] = [];
  for (const path of await walk(folder)) {
    const { mode } = await lstat(path);
    if (mode & 0o077) open.push(`${path} ${(mode & 0o777).toString(8)}`);
  }
  return open;
}

const socketOf = (endpoint: string | undefined) =>
  endpoint?.startsWith('unix:') ? fileURLToPath(endpoint.replace(/^unix:/, 'file:')) : null;

describe('the local store and endpoints', () => {
  it.each(['DYNAMODB_ENDPOINT', 'EVENTBRIDGE_ENDPOINT', 'SNS_ENDPOINT'])(
    '%s is a socket in an owner-only folder, not a TCP port',
    async (name) => {
      // Act
      const socket = socketOf(process.env[name]);

      // Assess
      expect(socket, `${name}=${process.env[name]}`).not.toBeNull();
      const folder = await stat(dirname(socket ?? ''));
      expect(folder.mode & 0o777).toBe(0o700);
      expect(folder.uid).toBe(process.getuid?.());
      expect((await stat(socket ?? '')).isSocket()).toBe(true);
    },
  );

  it('is found by the command lines through runtime.json and answers there', async () => {
    // Act
    const runtime = await readRuntimeInfo(platform.dataDir);
    const client = createDynamoClient(runtime?.storeEndpoint);
    const tables = await client.send(new ListTablesCommand({}));
    client.destroy();

    // Assess
    expect(socketOf(runtime?.storeEndpoint)).not.toBeNull();
    expect(tables.TableNames).toContain(runtime?.tableName);
  });
});

describe('the data folder', () => {
  it('gives no access to group or others, LevelDB files and notifications included', async () => {
    // Prepare: a delayed report flags the task, and the flag writes a notification.
    await platform.request('/tasks/KH266-I-9/reports', {
      method: 'POST',
      token: platform.tokens.agencies[LEAD],
      headers: { 'idempotency-key': 'privacy-1' },
      body: JSON.stringify({ status: 'delayed', percentComplete: 10 }),
    });
    await platform.bus.drain();

    // Act
    const paths = await walk(platform.dataDir);
    const open = await groupOrOtherAccess(platform.dataDir);

    // Assess
    expect(paths.map((path) => path.split('/').at(-1))).toEqual(
      expect.arrayContaining(['notifications.jsonl', 'tokens.json', 'runtime.json', 'CURRENT']),
    );
    expect(open).toEqual([]);
  });

  it('closes a data folder that earlier versions left open', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'langson-open-'));
    await chmod(dataDir, 0o755);
    await mkdir(join(dataDir, 'dynamodb'), { mode: 0o755 });
    await writeFile(join(dataDir, 'notifications.jsonl'), '', { mode: 0o644 });
    await chmod(join(dataDir, 'notifications.jsonl'), 0o644);

    // Act
    const started = await startPlatform({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      logFormat: 'json',
    });
    try {
      // Assess
      expect(await groupOrOtherAccess(dataDir)).toEqual([]);
    } finally {
      await started.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
