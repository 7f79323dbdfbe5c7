/**
 * The local runtime with the seed plans, as `npm start` runs it but on a free port and a
 * temporary data folder, in a process of its own so that the timing client does not share
 * its event loop. It issues three personal accounts (what `npm run tokens -- issue --person`
 * does) for the people who open the pages: a leader, an agency's officer and an admin, and
 * tells its CPU time, which the machine's other work does not inflate as it does the wall clock.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { LOCAL_TABLE_NAME, startPlatform } from '#infra/local/platform.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { runMain, serve } from '../lib/child.ts';
import { OFFICER_AGENCY, type Viewer } from './pages.ts';

export interface Account {
  login: string;
  secret: string;
}

export interface WebPlatformInfo {
  url: string;
  accounts: Record<Exclude<Viewer, 'nobody'>, Account>;
}

runMain(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'langson-bench-web-'));
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir, logFormat: 'json' });
  const runtime = await readRuntimeInfo(dataDir);
  if (!runtime) throw new Error('the platform started without writing runtime.json');
  const db = createDocumentClient(runtime.storeEndpoint);
  const { tokens } = dynamoStores(db, LOCAL_TABLE_NAME);
  const personal = async (
    role: 'viewer' | 'agency' | 'admin',
    person: string,
    agencyId?: string,
  ): Promise<Account> => {
    const { secret, record } = await issueToken(
      { role, agencyId, label: person, person },
      tokens,
      new Date(),
    );
    return { login: record.tokenId, secret };
  };
  const info: WebPlatformInfo = {
    url: platform.url,
    accounts: {
      leader: await personal('viewer', 'Lê Thị Lãnh Đạo'),
      officer: await personal('agency', 'Nguyễn Văn An', OFFICER_AGENCY),
      admin: await personal('admin', 'Trần Quản Trị'),
    },
  };
  await serve(
    info,
    {
      /** CPU time this process has used, its threads included (dynalite's LevelDB work too). */
      cpuMs: async () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      },
    },
    async () => {
      db.destroy();
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  );
});
