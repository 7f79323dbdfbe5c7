/**
 * Who may say what on a task, over HTTP on the local store: the lead reports and moves
 * the task; a coordinating agency (named directly or through a collective) contributes;
 * each commune of a lead collective reports its own part; a collective is never a caller;
 * on a plan that requires approval, a report moves nothing until its reviewer accepts it;
 * every one of these changes is in the audit trail.
 *
 * KH266-II-2 (Quý III/2026): led by Sở Công Thương, coordinated by "Các sở, ban, ngành"
 * and UBND xã Na Dương. KH266-I-2 (tháng 7-11/2026): led by Sở Nông nghiệp và Môi trường
 * and "UBND cấp xã". The clock is 20/11/2026 in the province.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

const INDUSTRY = 'so-cong-thuong';
const AGRICULTURE = 'so-nong-nghiep-va-moi-truong';
const COORDINATING_COMMUNE = 'ubnd-xa-na-duong';
const DEPARTMENT_IN_COLLECTIVE = 'so-y-te'; // a member of "Các sở, ban, ngành"
const UNRELATED_COMMUNE = 'ubnd-xa-bac-son';
const LEAD_COMMUNE = 'ubnd-xa-huu-lien'; // a member of "UBND cấp xã"
const OTHER_LEAD_COMMUNE = 'ubnd-xa-mau-son';
const OFFICE = 'van-phong-ubnd-tinh';
const COORDINATED_TASK = 'KH266-II-2';
const CO_LED_TASK = 'KH266-I-2';

let platform: TestPlatform;
let sequence = 0;

const tokenOf = (caller: string): string => {
  if (caller === 'admin') return platform.tokens.admin;
  if (caller === 'viewer') return platform.tokens.viewer;
  const token = platform.tokens.agencies[caller];
  if (!token) throw new Error(`no token for ${caller}`);
  return token;
};

async function send(caller: string, path: string, body: unknown, method = 'POST') {
  // The clock is frozen: a minute passes between two writes, so they are ordered in time.
  vi.setSystemTime(Date.now() + 60_000);
  const response = await platform.request(path, {
    method,
    token: tokenOf(caller),
    headers: { 'idempotency-key': `roles-${(sequence += 1)}` },
    body: JSON.stringify(body),
  });
  await platform.bus.drain();
  return { status: response.status, body: await bodyOf(response) };
}

const read = async (caller: string, path: string) => {
  const response = await platform.request(path, { token: tokenOf(caller) });
  expect(response.status).toBe(200);
  return bodyOf(response);
};

const report = (percentComplete: number, extra: Record<string, unknown> = {}) => ({
  status: 'on_track',
  percentComplete,
  ...extra,
});

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T10:00:00+07:00'));
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.stop();
  vi.useRealTimers();
});

describe('roles on a task', () => {
  it('takes a progress report from the lead only, and tells the others what they may do', async () => {
    // Act
    const outcomes = Object.fromEntries(
      await Promise.all(
        [
          INDUSTRY,
          COORDINATING_COMMUNE,
          DEPARTMENT_IN_COLLECTIVE,
          UNRELATED_COMMUNE,
          'viewer',
          'admin',
        ].map(async (caller) => {
          const sent = await send(
            caller,
            `/tasks/${COORDINATED_TASK}/reports`,
            report(40, { period: '2026-Q3' }),
          );
          return [caller, sent] as const;
        }),
      ),
    );

    // Assess
    expect(outcomes[INDUSTRY]?.status).toBe(201);
    for (const coordinating of [COORDINATING_COMMUNE, DEPARTMENT_IN_COLLECTIVE]) {
      expect(outcomes[coordinating]).toMatchObject({
        status: 403,
        body: { type: expect.stringMatching(/\/not-task-lead$/) },
      });
      expect(outcomes[coordinating]?.body.detail).toContain('/contributions');
    }
    expect(outcomes[UNRELATED_COMMUNE]).toMatchObject({
      status: 403,
      body: { type: expect.stringMatching(/\/not-task-holder$/) },
    });
    expect(outcomes.viewer?.status).toBe(403);
    expect(outcomes.admin?.status).toBe(403);
    const detail = await read('viewer', `/tasks/${COORDINATED_TASK}`);
    expect(detail.latestByAgency.map((state: { agencyId: string }) => state.agencyId)).toEqual([
      INDUSTRY,
    ]);
  });

  it("takes contributions from coordinating agencies into the lead's inbox, moving nothing", async () => {
    // Prepare
    const before = await read('viewer', `/tasks/${COORDINATED_TASK}`);

    // Act
    const direct = await send(COORDINATING_COMMUNE, `/tasks/${COORDINATED_TASK}/contributions`, {
      period: '2026-Q3',
      percentComplete: 100,
      narrative: 'Đã rà soát xong các cơ sở trên địa bàn xã',
      obstacles: ['Thiếu kinh phí khảo sát'],
    });
    const throughCollective = await send(
      DEPARTMENT_IN_COLLECTIVE,
      `/tasks/${COORDINATED_TASK}/contributions`,
      { period: '2026-Q3', narrative: 'Phối hợp kiểm tra an toàn thực phẩm' },
    );
    const byLead = await send(INDUSTRY, `/tasks/${COORDINATED_TASK}/contributions`, {
      period: '2026-Q3',
      narrative: 'Không được: cơ quan chủ trì báo cáo',
    });
    const byOutsider = await send(UNRELATED_COMMUNE, `/tasks/${COORDINATED_TASK}/contributions`, {
      period: '2026-Q3',
      narrative: 'Không liên quan',
    });

    // Assess
    expect(direct.status).toBe(201);
    expect(direct.body).toMatchObject({ agencyId: COORDINATING_COMMUNE, percentComplete: 100 });
    expect(throughCollective.status).toBe(201);
    expect(byLead).toMatchObject({
      status: 403,
      body: { type: expect.stringMatching(/\/task-lead$/) },
    });
    expect(byOutsider).toMatchObject({
      status: 403,
      body: { type: expect.stringMatching(/\/not-task-holder$/) },
    });
    const inbox = await read(INDUSTRY, `/agencies/${INDUSTRY}/contributions`);
    expect(inbox.items.map((item: { agencyId: string }) => item.agencyId).sort()).toEqual(
      [COORDINATING_COMMUNE, DEPARTMENT_IN_COLLECTIVE].sort(),
    );
    const onTask = await read('viewer', `/tasks/${COORDINATED_TASK}/contributions`);
    expect(onTask.items).toHaveLength(2);
    const after = await read('viewer', `/tasks/${COORDINATED_TASK}`);
    expect(after.task.latestReport).toEqual(before.task.latestReport);
    expect(after.latestByAgency).toEqual(before.latestByAgency);
  });

  it('lets each commune of a lead collective report its own part, shown beside the others', async () => {
    // Act
    const first = await send(LEAD_COMMUNE, `/tasks/${CO_LED_TASK}/reports`, report(60));
    const second = await send(OTHER_LEAD_COMMUNE, `/tasks/${CO_LED_TASK}/reports`, report(20));
    const lead = await send(AGRICULTURE, `/tasks/${CO_LED_TASK}/reports`, report(50));

    // Assess
    expect([first.status, second.status, lead.status]).toEqual([201, 201, 201]);
    const detail = await read('viewer', `/tasks/${CO_LED_TASK}`);
    const parts = Object.fromEntries(
      detail.latestByAgency.map((state: { agencyId: string; percentComplete: number }) => [
        state.agencyId,
        state.percentComplete,
      ]),
    );
    expect(parts).toEqual({ [LEAD_COMMUNE]: 60, [OTHER_LEAD_COMMUNE]: 20, [AGRICULTURE]: 50 });
    // The task is not completed while a part is not: no part says so here.
    expect(detail.task.latestReport.status).not.toBe('completed');
  });

  it('issues no token for a collective, naming it', async () => {
    // Prepare
    const tokens = new DynamoTokenStore(
      createDocumentClient(process.env.DYNAMODB_ENDPOINT),
      String(process.env.TABLE_NAME),
    );

    // Act
    const issued = issueToken(
      { role: 'agency', agencyId: 'ubnd-cap-xa', label: 'tập thể' },
      tokens,
      new Date(),
    );

    // Assess
    await expect(issued).rejects.toMatchObject({
      kind: 'invalid',
      fields: [expect.objectContaining({ field: 'agency' })],
    });
  });
});

describe('approval of reports on a plan that asks for it', () => {
  let pending: { id: string };

  beforeAll(async () => {
    const plan = await read('admin', '/plans/KH266');
    const patched = await send(
      'admin',
      '/plans/KH266',
      { revision: plan.revision, requiresApproval: true, reviewer: OFFICE },
      'PATCH',
    );
    expect(patched.status).toBe(200);
  });

  it("holds a commune's report for the lead department; the task moves only once it is accepted", async () => {
    // Prepare
    const before = await read('viewer', `/tasks/${CO_LED_TASK}`);

    // Act: the commune reports; the office sees nothing of it; the department accepts it
    const sent = await send(LEAD_COMMUNE, `/tasks/${CO_LED_TASK}/reports`, report(80));
    pending = sent.body;
    const whileWaiting = await read('viewer', `/tasks/${CO_LED_TASK}`);
    const departmentInbox = await read(AGRICULTURE, '/reviews');
    const officeInbox = await read(OFFICE, '/reviews');
    const byOffice = await send(OFFICE, '/reviews', {
      decisions: [{ taskId: CO_LED_TASK, reportId: pending.id, decision: 'accept' }],
    });
    const accepted = await send(AGRICULTURE, '/reviews', {
      decisions: [{ taskId: CO_LED_TASK, reportId: pending.id, decision: 'accept' }],
    });
    const after = await read('viewer', `/tasks/${CO_LED_TASK}`);

    // Assess
    expect(sent).toMatchObject({ status: 201, body: { review: 'pending' } });
    expect(whileWaiting.latestByAgency).toEqual(before.latestByAgency);
    expect(departmentInbox.items).toHaveLength(1);
    expect(departmentInbox.items[0]).toMatchObject({
      review: { reportId: pending.id, agencyId: LEAD_COMMUNE, reviewerId: AGRICULTURE },
      changes: expect.arrayContaining([{ field: 'percentComplete', before: 60, after: 80 }]),
    });
    expect(officeInbox.items).toEqual([]);
    expect(byOffice.status).toBe(403);
    expect(accepted).toMatchObject({ status: 200, body: { items: [{ state: 'accepted' }] } });
    const part = after.latestByAgency.find(
      (state: { agencyId: string }) => state.agencyId === LEAD_COMMUNE,
    );
    expect(part).toMatchObject({ reportId: pending.id, percentComplete: 80 });
  });

  it("sends a department's report to the provincial office, which returns it with a reason", async () => {
    // Act
    const sent = await send(AGRICULTURE, `/tasks/${CO_LED_TASK}/reports`, report(90));
    const officeInbox = await read(OFFICE, '/reviews');
    const withoutReason = await send(OFFICE, '/reviews', {
      decisions: [{ taskId: CO_LED_TASK, reportId: sent.body.id, decision: 'return' }],
    });
    const returned = await send(OFFICE, '/reviews', {
      decisions: [
        {
          taskId: CO_LED_TASK,
          reportId: sent.body.id,
          decision: 'return',
          reason: 'Thiếu số liệu diện tích lúa',
        },
      ],
    });
    const after = await read('viewer', `/tasks/${CO_LED_TASK}`);

    // Assess
    expect(sent).toMatchObject({ status: 201, body: { review: 'pending' } });
    expect(officeInbox.items.map((item: { report: { id: string } }) => item.report.id)).toEqual([
      sent.body.id,
    ]);
    expect(withoutReason.status).toBe(422);
    expect(returned).toMatchObject({ status: 200, body: { items: [{ state: 'returned' }] } });
    const part = after.latestByAgency.find(
      (state: { agencyId: string }) => state.agencyId === AGRICULTURE,
    );
    expect(part?.percentComplete).toBe(50);
  });

  it('keeps every report, contribution, decision and snapshot run in the audit trail', async () => {
    // Prepare
    // (the rollup is a job, run as the bus is drained)
    const run = await send('admin', '/rollups/2026-Q4/runs', undefined);
    expect(run.status).toBe(202);
    expect(await read('admin', `/jobs/${run.body.id}`)).toMatchObject({ status: 'succeeded' });

    // Act
    const onTask = await read('admin', `/audit?entity=task/${CO_LED_TASK}&limit=100`);
    const onCoordinated = await read('admin', `/audit?entity=task/${COORDINATED_TASK}&limit=100`);
    const onRollup = await read('admin', '/audit?entity=rollup/2026-Q4&limit=100');

    // Assess
    const actions = (page: { items: { action: string }[] }) =>
      page.items.map((entry) => entry.action).sort();
    expect(actions(onTask)).toEqual(
      [...Array(5).fill('report.submitted'), 'review.accepted', 'review.returned'].sort(),
    );
    expect(actions(onCoordinated)).toEqual(
      ['report.submitted', 'contribution.filed', 'contribution.filed'].sort(),
    );
    expect(
      onTask.items.find((entry: { action: string }) => entry.action === 'review.returned'),
    ).toMatchObject({ actor: { agencyId: OFFICE } });
    expect(actions(onRollup)).toEqual(['rollup.run', 'rollup.run', 'rollup.run']);
  });
});
