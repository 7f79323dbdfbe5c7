/**
 * Every route × every kind of caller, generated from the route declarations: no foreign
 * write succeeds, and every refusal is 401 or 403 with problem+json. The agencies'
 * kinds of caller on the task KH266-I-2: its lead (the Department of Agriculture), a
 * co-lead (a commune, member of the lead collective "UBND cấp xã"), a coordinating
 * agency (the Department of Health, member of "Các sở, ban, ngành"), the collective's
 * own token (issued before collectives were refused one), the plan's reviewer (the
 * provincial office) and an unrelated agency (sent at a task that names neither).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { defaultReportTemplate } from '#shared/adapters/documents/default-report-template.ts';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import { hashToken } from '#shared/domain/access/token.ts';
import { DOCX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { ROUTES, type RouteDeclaration } from '#shared/platform/routes.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { finishedJob, jobResult } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

const HOLDER = 'so-nong-nghiep-va-moi-truong';
const CO_LEAD = 'ubnd-xa-huu-lien';
const COORDINATING = 'so-y-te';
const REVIEWER = 'van-phong-ubnd-tinh';
const OWN_TASK = 'KH266-I-2';
const FOREIGN_TASK = 'KH266-II-6'; // Sở Công Thương and the investor only

type CallerKind =
  | 'none'
  | 'malformed'
  | 'unknown'
  | 'revoked'
  | 'expired'
  | 'viewer'
  | 'admin'
  | 'holder'
  | 'coLead'
  | 'coordinating'
  | 'collective'
  | 'reviewer'
  | 'outsider';
const CALLERS: CallerKind[] = [
  'none',
  'malformed',
  'unknown',
  'revoked',
  'expired',
  'viewer',
  'admin',
  'holder',
  'coLead',
  'coordinating',
  'collective',
  'reviewer',
  'outsider',
];
const AGENCY_CALLERS: CallerKind[] = ['holder', 'coLead', 'coordinating', 'reviewer', 'outsider'];
/** The callers sent at KH266-I-2; the others at a task that names none of them. */
const ON_OWN_TASK: CallerKind[] = ['holder', 'coLead', 'coordinating'];

let platform: TestPlatform;
let setupJob: { id: string; status: string };
const tokens = {} as Record<CallerKind, string | null>;

beforeAll(async () => {
  platform = await startTestPlatform();
  const store = new DynamoTokenStore(
    createDocumentClient(process.env.DYNAMODB_ENDPOINT),
    String(process.env.TABLE_NAME),
  );
  const revoked = await issueToken(
    { role: 'agency', agencyId: HOLDER, label: 'revoked' },
    store,
    new Date(),
  );
  await store.revoke(revoked.record.tokenId, new Date());
  // A token for the collective itself, as one could be issued before the rule.
  const forCollective = await issueToken(
    { role: 'agency', agencyId: CO_LEAD, label: 'collective' },
    store,
    new Date(),
  );
  const collectiveSecret = `lsp_${'C'.repeat(43)}`;
  await store.save({
    ...forCollective.record,
    tokenId: 'tok_collective',
    tokenHash: hashToken(collectiveSecret),
    agencyId: 'ubnd-cap-xa',
  });
  const expired = await issueToken(
    { role: 'agency', agencyId: HOLDER, label: 'expired', expiresAt: new Date(Date.now() - 1000) },
    store,
    new Date(Date.now() - 60_000),
  );
  Object.assign(tokens, {
    none: null,
    malformed: 'not-a-bearer-token',
    unknown: `lsp_${'A'.repeat(43)}`,
    revoked: revoked.secret,
    expired: expired.secret,
    viewer: platform.tokens.viewer,
    admin: platform.tokens.admin,
    holder: platform.tokens.agencies[HOLDER],
    coLead: platform.tokens.agencies[CO_LEAD],
    coordinating: platform.tokens.agencies[COORDINATING],
    collective: collectiveSecret,
    reviewer: platform.tokens.agencies[REVIEWER],
    outsider: platform.tokens.agencies['so-y-te'],
  });
  // The provincial office reviews KH266 (approval itself is tested in task-roles.test.ts).
  const plan = await bodyOf(await platform.request('/plans/KH266', { token: tokens.admin }));
  const reviewer = await platform.request('/plans/KH266', {
    method: 'PATCH',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': 'matrix-reviewer' },
    body: JSON.stringify({ revision: plan.revision, reviewer: REVIEWER }),
  });
  expect(reviewer.status).toBe(200);
  // The merge route merges an agency made for it.
  const made = await platform.request('/agencies', {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': 'matrix-agency' },
    body: JSON.stringify({ id: 'co-quan-hop-nhat', name: 'Cơ quan để hợp nhất', kind: 'other' }),
  });
  expect(made.status).toBe(201);
  // The rollup reads need a rollup to read; the job route, a job.
  const run = await platform.request('/rollups/2026-Q3/runs', {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': 'matrix-setup' },
  });
  setupJob = (await finishedJob(platform, run)) as { id: string; status: string };
  expect(setupJob.status).toBe('succeeded');
});
afterAll(() => platform.stop());

function expectedStatus(route: RouteDeclaration, caller: CallerKind): number {
  if (route.access === 'public') return 200;
  if (['none', 'malformed', 'unknown', 'revoked', 'expired', 'collective'].includes(caller))
    return 401;
  const role = AGENCY_CALLERS.includes(caller) ? 'agency' : caller;
  if (!route.access.includes(role as never)) return 403;
  // Only a lead reports; only a coordinating agency contributes.
  if (route.method === 'POST' && route.path === '/tasks/{taskId}/reports')
    return caller === 'holder' || caller === 'coLead' ? 201 : 403;
  if (route.method === 'POST' && route.path === '/tasks/{taskId}/contributions')
    return caller === 'coordinating' ? 201 : 403;
  if (route.method === 'POST' && route.path === '/agencies') return 201;
  // No report waits for anyone here.
  if (route.method === 'POST' && route.path === '/reviews') return 404;
  if (route.method === 'POST' && route.path === '/indicators') return 201;
  // Long work answers at once with the job that does it.
  if (
    route.method === 'POST' &&
    ['/risks/scans', '/rollups/{period}/runs', '/reminders/runs'].includes(route.path)
  )
    return 202;
  // The Department of Agriculture owns the rice area; the Department of Health does not.
  if (route.method === 'POST' && route.path === '/indicators/{code}/values')
    return caller === 'admin' || caller === 'holder' ? 201 : 403;
  return 200;
}

/** Those the task names write to it; everyone else is sent at a foreign one. */
function pathFor(route: RouteDeclaration, caller: CallerKind): string {
  const taskId = ON_OWN_TASK.includes(caller) ? OWN_TASK : FOREIGN_TASK;
  const agencyId = route.path.endsWith('/merge') ? 'co-quan-hop-nhat' : 'so-cong-thuong';
  const code = route.path.startsWith('/indicators') ? 'dien-tich-lua' : 'KH266';
  return route.path
    .replace('{taskId}', taskId)
    .replace('{agencyId}', agencyId)
    .replace('{code}', code)
    .replace('{period}', '2026-Q3')
    .replace('{sector}', 'agriculture')
    .replace('{id}', setupJob.id);
}

/** A body each write route accepts from a caller allowed to make it. */
const BODIES: Record<string, unknown> = {
  'POST /tasks/{taskId}/reports': { period: '2026-Q4', status: 'on_track', percentComplete: 5 },
  'POST /plans': {
    file: 'tiny.txt',
    text: 'PHỤ LỤC 8: 6 tháng cuối năm 2026\n(Kèm theo Kế hoạch số 266 /KH-UBND ngày 07 tháng 7 năm 2026 của UBND tỉnh Lạng Sơn)\nSTT\tGiải pháp\tCơ quan chủ trì\n',
    dryRun: true,
  },
  'PATCH /plans/{code}': { title: 'Kế hoạch 266 (đã sửa tiêu đề)' },
  'POST /agencies': { name: 'Cơ quan mới trong ma trận', kind: 'other' },
  'PATCH /agencies/{agencyId}': { addAliases: ['Sở CT tỉnh Lạng Sơn'] },
  'POST /agencies/{agencyId}/merge': { into: 'so-cong-thuong' },
  'POST /tasks/{taskId}/contributions': { period: '2026-Q4', narrative: 'Phối hợp rà soát' },
  'POST /reviews': { decisions: [{ taskId: OWN_TASK, reportId: 'rep_none', decision: 'accept' }] },
  'POST /indicators': {
    code: 'chi-tieu-ma-tran',
    name: 'Chỉ tiêu trong ma trận quyền',
    unit: 'ha',
    sector: 'agriculture',
    aggregation: 'sum',
    direction: 'higher_is_better',
  },
  'PATCH /indicators/{code}': { aliases: ['Lúa cả năm'] },
  'POST /indicators/{code}/values': { period: '2026-Q3', value: 14000, status: 'estimate' },
  'POST /reminders/runs': { job: 'daily' },
  'PUT /reminder-settings': {
    provincialOffice: 'van-phong-ubnd-tinh',
    daysBefore: 5,
    graceDays: 3,
  },
  'PUT /plans/{code}/indicator-links': {
    links: [{ taskId: 'KH266-I-2', targetKey: 'lua', indicator: 'dien-tich-lua' }],
  },
};
const bodyFor = (route: RouteDeclaration) => BODIES[`${route.method} ${route.path}`];

/** The request each route needs to succeed when allowed: a body for writes. */
function requestFor(route: RouteDeclaration, caller: CallerKind): RequestInit {
  if (route.method === 'POST' || route.method === 'PATCH' || bodyFor(route) !== undefined) {
    return {
      headers: { 'idempotency-key': `matrix-${caller}-${route.path}` },
      body: JSON.stringify(bodyFor(route)),
    };
  }
  if (route.method === 'PUT' && route.path === '/report-template') {
    return { headers: { 'content-type': DOCX_MEDIA_TYPE }, body: defaultReportTemplate() };
  }
  return {};
}

const cases = ROUTES.flatMap((route) =>
  CALLERS.map((caller) => [`${route.method} ${route.path}`, caller, route] as const),
);

describe('access matrix', () => {
  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const response = await platform.request(pathFor(route, caller), {
      method: route.method,
      token: tokens[caller],
      ...requestFor(route, caller),
    });

    const expected = expectedStatus(route, caller);
    expect(response.status).toBe(expected);
    if (expected === 401 || expected === 403) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await bodyOf(response)).toMatchObject({
        status: expected,
        title: expect.any(String),
        detail: expect.any(String),
      });
    }
  });

  it('left no report on the foreign task', async () => {
    const response = await platform.request(`/tasks/${FOREIGN_TASK}/reports`, {
      token: platform.tokens.viewer,
    });

    expect((await bodyOf(response)).items).toEqual([]);
  });

  it('left the task moved by its leads alone, and counted only theirs in the rollup', async () => {
    // Act
    await platform.bus.drain();
    const detail = await bodyOf(
      await platform.request(`/tasks/${OWN_TASK}`, { token: platform.tokens.viewer }),
    );
    const run = await jobResult(
      platform,
      await platform.request('/rollups/2026-Q4/runs', {
        method: 'POST',
        token: platform.tokens.admin,
        headers: { 'idempotency-key': 'matrix-after' },
      }),
    );
    const snapshot = await bodyOf(
      await platform.request('/rollups/2026-Q4/agriculture', { token: platform.tokens.viewer }),
    );

    // Assess
    expect(run).toMatchObject({ period: '2026-Q4' });
    const states = detail.latestByAgency.map((state: { agencyId: string }) => state.agencyId);
    expect(states.sort()).toEqual([CO_LEAD, HOLDER].sort());
    expect(detail.task.latestReport.agencyId).toMatch(new RegExp(`^(${HOLDER}|${CO_LEAD})$`));
    const row = snapshot.tasks.find((task: { taskId: string }) => task.taskId === OWN_TASK);
    expect(row).toMatchObject({ percentComplete: 5 });
  });
});
