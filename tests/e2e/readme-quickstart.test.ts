/**
 * The README's quick start, run line for line against a started platform: if the README
 * says it, it works.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildRuntime, type ChildRuntime } from '../support/child-runtime.ts';

const run = promisify(execFile);
let dataDir: string;
let runtime: ChildRuntime;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'langson-readme-'));
  runtime = await startChildRuntime(dataDir);
});
afterAll(async () => {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
  for (const file of ['agriculture.csv', 'agriculture.xlsx', 'bao-cao-quy.docx']) {
    await rm(file, { force: true });
  }
});

async function quickStart(): Promise<string> {
  const readme = await readFile('README.md', 'utf8');
  const block = /<!-- quickstart:begin -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(
    readme,
  )?.[1];
  if (!block) throw new Error('README.md has no quick start block');
  return block;
}

describe('the README quick start', () => {
  it('runs as written against a started platform', async () => {
    const script = await quickStart();

    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      env: { ...process.env, API: runtime.url, DATA_DIR: dataDir },
      timeout: 120_000,
    });

    expect(stdout).toContain('"id":"KH266-I-1"');
    expect(stdout).toMatch(/"taskId":"KH266-I-2","agencyId":"so-nong-nghiep-va-moi-truong"/);
    expect(stdout).toMatch(/"code":"SELF_REPORTED"/);
    expect(stdout).toMatch(/"sector":\s*"agriculture",\s*"status":\s*"preliminary"/);
    expect(stdout).toMatch(/"counts":\{"completedOnTime":0/);
    const csv = await readFile('agriculture.csv', 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Sở Nông nghiệp và Môi trường');
    // Both documents are zip packages (they start "PK"), not base64 text.
    for (const file of ['agriculture.xlsx', 'bao-cao-quy.docx']) {
      expect((await readFile(file)).subarray(0, 2).toString('latin1')).toBe('PK');
    }
  });
});
