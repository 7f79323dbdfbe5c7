/**
 * The command lines as a user runs them (`npm run --silent …`), against a running platform
 * found through its data folder: complete output into a slow pipe, status 2 and the flags
 * that exist for a flag or argument they do not know, and nothing but what the command
 * has to say (no AWS SDK warning).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { DynamoOutboxStore } from '#shared/adapters/dynamodb/outbox-store.ts';
import { draftMessage } from '#shared/domain/reminder/outbox-message.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const exec = promisify(execFile);
const PLANS = ['seeds/plans/kh266-phu-luc-8.txt', 'seeds/plans/kh267-phu-luc-iii.txt'];

let platform: TestPlatform;
let scratch: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  scratch = await mkdtemp(join(tmpdir(), 'langson-cli-'));
});
afterAll(async () => {
  await platform.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** A shell line run as a user types it, in the platform's data folder's environment. */
async function shell(line: string): Promise<Outcome> {
  // TABLE_NAME (set for the test process) would point the commands at another table.
  const { TABLE_NAME: _table, ...env } = process.env;
  try {
    const { stdout, stderr } = await exec('bash', ['-o', 'pipefail', '-c', line], {
      env: { ...env, DATA_DIR: platform.dataDir },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { status: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('output into a pipe', () => {
  it('import --dry-run --json prints the whole document to a slow reader', async () => {
    // Prepare
    const file = join(scratch, 'plans.json');
    await shell(`npm run --silent import -- --dry-run --json ${PLANS.join(' ')} > ${file}`);
    const { size } = await stat(file);

    // Act
    const piped = await shell(
      `npm run --silent import -- --dry-run --json ${PLANS.join(' ')} | (sleep 1; wc -c)`,
    );

    // Assess
    expect(size).toBeGreaterThan(128 * 1024);
    expect(piped.status).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(size);
  });
});

// Independent child processes: run side by side.
describe.concurrent('flags and arguments a command does not know', () => {
  it.each([
    ['import -- --dryrun x.txt', 'unknown flag --dryrun; the flags are --dry-run, --json'],
    [
      'rollup -- 2026-Q4 --cutoff calendar',
      'unknown flag --cutoff; the flags are --data-dir VALUE',
    ],
    ['rollup -- 0000-Q1', '0000-Q1 is not a period code'],
    ['risk-scan -- extra', 'unexpected argument extra'],
    ['dead-letters -- list extra', 'unexpected argument extra'],
    [
      'dead-letters -- list --queue',
      'unknown flag --queue; the flags are --queues, --data-dir VALUE',
    ],
    ['tokens -- list --rol admin', 'unknown flag --rol; the flags are --role VALUE'],
    ['tokens -- issue --role', '--role needs a value'],
    ['tokens -- lst', 'unknown command lst; the commands are issue, list, rotate, revoke'],
    ['outbox -- --limt 5', 'unknown flag --limt; the flags are --limit VALUE, --data-dir VALUE'],
    ['outbox -- shw', 'unknown command shw; the commands are list, show'],
    ['outbox -- show', 'show needs a MESSAGE_ID'],
  ])('npm run %s ends with status 2 and says what exists', async (command, message) => {
    // Act
    const outcome = await shell(`npm run --silent ${command}`);

    // Assess
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(`error: ${message}`);
    expect(outcome.stderr).toContain('usage: npm run');
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
    expect(outcome.stdout).toBe('');
  });
});

describe('the running platform, through its data folder', () => {
  it('import without --dry-run writes to it', async () => {
    // Act
    const outcome = await shell(`npm run --silent import -- ${PLANS[0]}`);

    // Assess
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toContain(
      'KH266 version 1 unchanged (tasks: 0 created, 0 updated, 49 unchanged, 0 retired)',
    );
    expect(outcome.stderr).toBe('');
  });

  it('tokens list says only what the command has to say', async () => {
    // Act
    const outcome = await shell('npm run --silent tokens -- list');

    // Assess
    expect(outcome.status).toBe(0);
    expect(outcome.stdout.trim().split('\n').length).toBeGreaterThan(3);
    expect(outcome.stderr).toBe('');
  });

  it('rollup tells the job’s progress on stderr and prints the run, nothing else', async () => {
    // Act
    const outcome = await shell('npm run --silent rollup -- 2026-Q3');

    // Assess
    expect(outcome.status).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ period: '2026-Q3' });
    const told = outcome.stderr.trim().split('\n');
    expect(told.every((line) => /^job_[\w-]{22}: /.test(line))).toBe(true);
    expect(told.at(-1)).toMatch(/: Tổng hợp lĩnh vực dịch vụ \(2\/3\)$/);
  });

  it('outbox lists the messages, and shows one as it reads', async () => {
    // Prepare: a reminder in the outbox, queued
    const outbox = new DynamoOutboxStore(
      createDocumentClient(process.env.DYNAMODB_ENDPOINT),
      String(process.env.TABLE_NAME),
    );
    const at = '2026-12-14T03:00:00.000Z';
    const claims = [{ agencyId: 'so-y-te', taskId: 'KH267-VI-43', recipientId: 'so-y-te' }];
    await outbox.saveDraft(
      draftMessage(
        {
          id: 'msg_cli',
          kind: 'reminder',
          period: '2026-Q4',
          recipientId: 'so-y-te',
          to: ['vanthu@soyte.langson.gov.vn'],
          content: {
            kind: 'reminder',
            period: '2026-Q4',
            deadline: '2026-12-18',
            on: '2026-12-14',
            recipient: { id: 'so-y-te', name: 'Sở Y tế' },
            tasks: [
              {
                id: 'KH267-VI-43',
                title: 'Trợ giúp xã hội',
                plan: 'Kế hoạch số 267/KH-UBND',
                section: 'VI',
                ordinal: '43',
              },
            ],
          },
          claims,
        },
        at,
      ),
    );

    // Act
    const listed = await shell('npm run --silent outbox');
    const shown = await shell('npm run --silent outbox -- show msg_cli');
    const missing = await shell('npm run --silent outbox -- show msg_none');

    // Assess
    expect(listed.status).toBe(0);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      expect.objectContaining({
        id: 'msg_cli',
        kind: 'reminder',
        recipient: 'Sở Y tế',
        state: 'draft',
        subject: 'Nhắc gửi báo cáo Quý IV/2026: 1 nhiệm vụ chưa báo cáo, hạn 18/12/2026',
      }),
    ]);
    expect(shown.stdout).toContain('To: vanthu@soyte.langson.gov.vn\n');
    expect(shown.stdout).toContain(`${platform.url}/co-quan/so-y-te`);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('error: no message msg_none');
  });

  it('dead-letters lists and replays the queues’ letters with --queues', async () => {
    // Act
    const listed = await shell('npm run --silent dead-letters -- list --queues');
    const replayed = await shell('npm run --silent dead-letters -- replay --queues');

    // Assess
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ items: [] });
    expect(replayed.status).toBe(0);
    expect(JSON.parse(replayed.stdout)).toEqual({ replayed: 0, failed: [] });
  });

  it('tokens revoke of an unknown token ends with status 1 and one line', async () => {
    // Act
    const outcome = await shell('npm run --silent tokens -- revoke tok_nothing');

    // Assess
    expect(outcome.status).toBe(1);
    expect(outcome.stderr.trim()).toBe('error: no token tok_nothing');
  });
});
