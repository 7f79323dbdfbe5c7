/**
 * The local runtime started in this test process, on a free port with a temporary data
 * folder (or the one given, to open a store again): real handlers, real dynalite, real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from '#infra/local/platform.ts';

export interface TestPlatform extends RunningPlatform {
  dataDir: string;
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTestPlatform(dataDir?: string): Promise<TestPlatform> {
  dataDir ??= await mkdtemp(join(tmpdir(), 'langson-progress-'));
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
  return {
    ...platform,
    dataDir,
    request: (path, init = {}) => {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (rest.body && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
      return fetch(`${platform.url}${path}`, { ...rest, headers });
    },
    stop: async () => {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A response body as JSON; tests assert on its shape, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const bodyOf = (response: Response): Promise<any> => response.json();
