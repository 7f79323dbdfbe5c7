/**
 * Reminders over HTTP on the local platform, with the clock set to the days they go out:
 * agencies with addresses (and a person with one) are reminded before the fourth
 * quarter's deadline, once, however the job is run (again, twice at once); after the
 * deadline and the grace, the provincial office hears only of those still late. Each
 * message is delivered to the data folder's outbox as an .eml file, in Vietnamese, with
 * links to the web app.
 *
 * Hand computation, from the seeds (province calendar: the 18th of the period's last
 * month; 5 days' notice, 3 days' grace):
 * - 14/12/2026: the Q4 reminders are due (13–18/12), and November's escalations (22/11–21/12).
 *   Sở Nội vụ leads KH267-V-41 and, as a member of "Các sở, ban, ngành", owes its share of
 *   the conclusion notice's item 3.1 (TBKL20260527-3-1); Thống kê tỉnh and the provincial
 *   office (Văn phòng UBND tỉnh) owe their shares of item 3.1 only. November's monthly
 *   tasks KH266-I-3 (Sở Nông nghiệp và Môi trường) and KH266-II-7 (Sở Công Thương) are
 *   late: the office hears of them.
 * - 22/12/2026: Q4 escalates. Thống kê tỉnh reported item 3.1 and Sở Nội vụ KH267-V-41
 *   after their reminders: neither is escalated for them; Sở Nội vụ is for item 3.1.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { DynamoOutboxStore } from '#shared/adapters/dynamodb/outbox-store.ts';
import { dynamoStores, type DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { OutboxMessage } from '#shared/domain/reminder/outbox-message.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { finishedJob, jobResult } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

const OFFICE = 'van-phong-ubnd-tinh';
const ITEM_3_1 = 'TBKL20260527-3-1';

let platform: TestPlatform;
let stores: DynamoStores;
let outbox: DynamoOutboxStore;
let calls = 0;

async function admin(path: string, method: string, body?: unknown) {
  const response = await platform.request(path, {
    method,
    token: platform.tokens.admin,
    headers: { 'idempotency-key': `reminders-${calls++}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return bodyOf(response);
}

/** POST /reminders/runs: 202 with a job, which the platform then runs. */
function askForRun(job: 'daily' | 'digest', key = `reminders-${calls++}`) {
  return platform.request('/reminders/runs', {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': key },
    body: JSON.stringify({ job }),
  });
}

/** A reminder run asked for over HTTP, followed to its job's result: what the run queued. */
async function reminderRun(job: 'daily' | 'digest') {
  return jobResult(platform, await askForRun(job));
}

/** A reminder run, its mail then delivered. */
async function runJob(job: 'daily' | 'digest') {
  const run = await reminderRun(job);
  for (const queue of platform.queues) await queue.drain();
  return run;
}

async function report(agencyId: string, taskId: string) {
  const response = await platform.request(`/tasks/${taskId}/reports`, {
    method: 'POST',
    token: platform.tokens.agencies[agencyId],
    headers: { 'idempotency-key': `${agencyId}-${taskId}` },
    body: JSON.stringify({ period: '2026-Q4', status: 'on_track', percentComplete: 60 }),
  });
  expect(response.status).toBe(201);
  await platform.bus.drain();
}

/** The outbox, oldest first: kind, period, recipient, addresses, claims, state. */
async function messages(): Promise<OutboxMessage[]> {
  return (await outbox.list(200)).items.reverse();
}

const claimsOf = (message: OutboxMessage | undefined) =>
  (message?.claims ?? []).map((claim) => `${claim.agencyId}|${claim.taskId}`).sort();

const emlFiles = async () => readdir(join(platform.dataDir, 'outbox')).catch(() => []);

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-14T10:00:00+07:00'));
  platform = await startTestPlatform();
  const runtime = await readRuntimeInfo(platform.dataDir);
  const db = createDocumentClient(runtime?.storeEndpoint);
  stores = dynamoStores(db, LOCAL_TABLE_NAME);
  outbox = new DynamoOutboxStore(db, LOCAL_TABLE_NAME);
  for (const [id, address] of [
    ['thong-ke-tinh', 'vanthu@thongke.langson.gov.vn'],
    ['so-noi-vu', 'vanthu@snv.langson.gov.vn'],
    [OFFICE, 'vanthu@vpubnd.langson.gov.vn'],
  ] as const) {
    await admin(`/agencies/${id}`, 'PATCH', { emails: [address] });
  }
  await issueToken(
    {
      role: 'agency',
      agencyId: 'so-noi-vu',
      label: 'An',
      person: 'Nguyễn Văn An',
      email: 'an@snv.langson.gov.vn',
    },
    stores.tokens,
    new Date(),
  );
  await issueToken(
    {
      role: 'viewer',
      label: 'Lãnh đạo',
      person: 'Lê Văn Lãnh Đạo',
      email: 'lanhdao@langson.gov.vn',
    },
    stores.tokens,
    new Date(),
  );
  await admin('/reminder-settings', 'PUT', {
    provincialOffice: OFFICE,
    daysBefore: 5,
    graceDays: 3,
  });
});
afterAll(async () => {
  vi.useRealTimers();
  await platform.stop();
});

describe('before the deadline', () => {
  it('reminds each agency with an address once, however often and however concurrently the job runs', async () => {
    // Act: two runs at once, then another
    const [first, second] = await Promise.all([reminderRun('daily'), reminderRun('daily')]);
    const third = await runJob('daily');

    // Assess
    const outbox = await messages();
    expect(
      outbox.map((message) => `${message.kind} ${message.period} ${message.recipientId}`).sort(),
    ).toEqual([
      `escalation 2026-11 ${OFFICE}`,
      'reminder 2026-Q4 so-noi-vu',
      'reminder 2026-Q4 thong-ke-tinh',
      `reminder 2026-Q4 ${OFFICE}`,
    ]);
    const byRecipient = (id: string, kind = 'reminder') =>
      outbox.find((message) => message.recipientId === id && message.kind === kind);
    expect(claimsOf(byRecipient('so-noi-vu'))).toEqual([
      'so-noi-vu|KH267-V-41',
      `so-noi-vu|${ITEM_3_1}`,
    ]);
    expect(byRecipient('so-noi-vu')?.to).toEqual([
      'vanthu@snv.langson.gov.vn',
      'an@snv.langson.gov.vn',
    ]);
    expect(claimsOf(byRecipient('thong-ke-tinh'))).toEqual([`thong-ke-tinh|${ITEM_3_1}`]);
    expect(claimsOf(byRecipient(OFFICE, 'escalation'))).toEqual([
      'so-cong-thuong|KH266-II-7',
      'so-nong-nghiep-va-moi-truong|KH266-I-3',
    ]);
    const queued = [...first.messages, ...second.messages].filter(
      (message: { queued: boolean }) => message.queued,
    );
    expect(queued).toHaveLength(4);
    expect(third.messages).toEqual([]);
    expect(outbox.every((message) => message.state === 'sent')).toBe(true);
    expect(await emlFiles()).toHaveLength(4);
  });

  it('sends the reminder in Vietnamese, with the deadline, the tasks and the agency’s page', async () => {
    // Prepare: sent in the test above
    const outbox = await messages();

    // Act
    const words = outbox.find((message) => message.recipientId === 'so-noi-vu')?.sent;

    // Assess
    expect(words?.subject).toBe(
      'Nhắc gửi báo cáo Quý IV/2026: 2 nhiệm vụ chưa báo cáo, hạn 18/12/2026',
    );
    expect(words?.text).toContain('Kính gửi: Sở Nội vụ');
    expect(words?.text).toContain('là hết ngày 18/12/2026 (còn 4 ngày)');
    expect(words?.text).toContain('Kế hoạch số 267/KH-UBND, mục V, STT 41:');
    expect(words?.text).toContain(`${platform.url}/co-quan/so-noi-vu\n`);
  });
});

describe('after the deadline and the grace', () => {
  it('escalates to the provincial office only what is still owed, once', async () => {
    // Prepare: two agencies report after their reminders
    vi.setSystemTime(new Date('2026-12-16T10:00:00+07:00'));
    await report('thong-ke-tinh', ITEM_3_1);
    await report('so-noi-vu', 'KH267-V-41');
    vi.setSystemTime(new Date('2026-12-22T10:00:00+07:00'));

    // Act
    await Promise.all([runJob('daily'), runJob('daily')]);
    await runJob('daily');

    // Assess
    const escalations = (await messages()).filter(
      (message) => message.kind === 'escalation' && message.period === '2026-Q4',
    );
    expect(escalations.map((message) => message.recipientId)).toEqual([OFFICE]);
    const [escalation] = escalations;
    const late = claimsOf(escalation);
    expect(late).toContain(`so-noi-vu|${ITEM_3_1}`);
    expect(late).not.toContain('so-noi-vu|KH267-V-41');
    expect(late.filter((claim) => claim.startsWith('thong-ke-tinh|'))).toEqual([]);
    // The office's own share is late too: it is never escalated to itself.
    expect(late.filter((claim) => claim.startsWith(`${OFFICE}|`))).toEqual([]);
    expect(escalation?.sent?.subject).toMatch(
      /^Báo cáo Quý IV\/2026 quá hạn: \d+ cơ quan chưa báo cáo \d+ nhiệm vụ$/,
    );
    expect(escalation?.sent?.text).toContain('Sở Nội vụ (1 nhiệm vụ)');
    expect(escalation?.sent?.text).not.toContain('Thống kê tỉnh');
  });
});

describe('the weekly digest', () => {
  it('goes to the leaders and the provincial office once a week', async () => {
    // Prepare: Monday 21/12 is in the week of 22/12; the digest of 22/12 covers it
    vi.setSystemTime(new Date('2026-12-22T10:30:00+07:00'));

    // Act
    const first = await runJob('digest');
    const again = await runJob('digest');

    // Assess
    expect(first.messages).toEqual([expect.objectContaining({ kind: 'digest', queued: true })]);
    expect(again.messages).toEqual([]);
    const digests = (await messages()).filter((message) => message.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.to).toEqual(['lanhdao@langson.gov.vn', 'vanthu@vpubnd.langson.gov.vn']);
    expect(digests[0]?.sent?.text).toContain('II. BÁO CÁO MỚI QUÁ HẠN');
    expect(digests[0]?.sent?.text).toContain('Sở Nội vụ, báo cáo Quý IV/2026 (hạn 18/12/2026):');
  });
});

describe('POST /reminders/runs', () => {
  it('answers 202 with a job told in Vietnamese, found again by its key, audited with who asked', async () => {
    // Prepare: the day of the escalations above, all of them sent
    vi.setSystemTime(new Date('2026-12-22T11:00:00+07:00'));

    // Act
    const response = await askForRun('daily', 'reminders-as-a-job');
    const accepted = await bodyOf(response.clone());
    const job = await finishedJob(platform, response);
    const again = await askForRun('daily', 'reminders-as-a-job');
    const audit = await platform.request('/audit?entity=reminders/daily&action=reminders.run', {
      token: platform.tokens.admin,
    });

    // Assess
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/jobs/${accepted.id}`);
    expect(accepted).toMatchObject({ work: { kind: 'reminders', job: 'daily' } });
    expect(job).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progress: { done: 2, total: 3, step: 'Soạn và gửi thư nhắc hạn, thư báo quá hạn' },
      result: { job: 'daily', on: '2026-12-22', recovered: [], messages: [] },
    });
    expect(again.status).toBe(202);
    expect(await bodyOf(again)).toMatchObject({ id: accepted.id, status: 'succeeded' });
    const entries = (await bodyOf(audit)).items;
    expect(entries).toContainEqual(
      expect.objectContaining({
        id: `aud_${accepted.id}`,
        actor: accepted.createdBy,
        after: expect.objectContaining({ on: '2026-12-22', queued: [] }),
      }),
    );
  });

  it('refuses another body under the same key with 422', async () => {
    // Act
    const response = await askForRun('digest', 'reminders-as-a-job');

    // Assess
    expect(response.status).toBe(422);
  });
});
