/**
 * The registry as data, over HTTP as an officer uses it: a new plan arrives as a Word
 * document naming an agency nobody knows; the officer resolves the name and imports; an
 * agency reports on the new plan; two agencies merge; the seed notice's commune tasks are
 * listed with their dates; every change is in the history.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { planDocxFromExport } from '../support/plan-docx.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { docxOfBody } from '../support/zip-fixtures.ts';

/** A plan made for the test: three sections, one lead agency the registry does not know. */
const KH300 = [
  '**PHỤ LỤC: Nhiệm vụ phát triển năng lượng và khoáng sản năm 2027**',
  '(Kèm theo Kế hoạch số 300/KH-UBND ngày 15 tháng 11 năm 2026 của UBND tỉnh Lạng Sơn)',
  '',
  'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tKết quả cụ thể',
  'I\tLĩnh vực nông nghiệp và môi trường\t\t\t\t',
  '1\tRà soát quy hoạch vùng nguyên liệu\tSở Nông nghiệp và Môi trường\tUBND các xã, phường\tQuý I/2027\tBáo cáo rà soát',
  'II\tLĩnh vực công nghiệp\t\t\t\t',
  '1\tĐôn đốc dự án điện gió\tSở Năng lượng và Khoáng sản\tSở Công Thương\tTrước 30/6/2027\tĐóng điện tối thiểu 50 MW',
  'III\tLĩnh vực thương mại, dịch vụ\t\t\t\t',
  '1\tXúc tiến thương mại vùng biên\tSở Công Thương\tCác sở, ban, ngành\tTháng 9/2027\tTổ chức 2 hội chợ',
].join('\n');

const UNKNOWN = 'Sở Năng lượng và Khoáng sản';

let platform: TestPlatform;
let docx: string;
let key = 0;

const post = (path: string, body: unknown, method = 'POST') =>
  platform.request(path, {
    method,
    token: platform.tokens.admin,
    headers: { 'idempotency-key': `registry-${key++}` },
    body: JSON.stringify(body),
  });
const get = async (path: string) =>
  bodyOf(await platform.request(path, { token: platform.tokens.admin }));

beforeAll(async () => {
  platform = await startTestPlatform();
  docx = Buffer.from(await planDocxFromExport(KH300)).toString('base64');
});
afterAll(() => platform.stop());

describe('a new plan as a Word document, with a name nobody knows', () => {
  it('previews the plan and every unresolved name with its cells and closest agencies, writing nothing', async () => {
    // Act
    const response = await post('/plans', {
      file: 'kh300.docx',
      docx,
      dryRun: true,
    });

    // Assess
    expect(response.status).toBe(200);
    const preview = await bodyOf(response);
    expect(preview.plan).toMatchObject({ code: 'KH300', issuedOn: '2026-11-15' });
    expect(preview.tasks.map((t: { id: string }) => t.id)).toEqual([
      'KH300-I-1',
      'KH300-II-1',
      'KH300-III-1',
    ]);
    expect(preview.unresolved).toEqual([
      expect.objectContaining({
        name: UNKNOWN,
        cells: [expect.objectContaining({ file: 'kh300.docx' })],
      }),
    ]);
    expect((await platform.request('/plans/KH300', { token: platform.tokens.admin })).status).toBe(
      404,
    );
  });

  it('refuses the import with 422 naming the unresolved name, and stores nothing', async () => {
    // Act
    const response = await post('/plans', { file: 'kh300.docx', docx });

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await bodyOf(response);
    expect(problem.type).toMatch(/unresolved-agencies$/);
    expect(problem.unresolved.map((u: { name: string }) => u.name)).toEqual([UNKNOWN]);
    expect(problem.detail).toContain(UNKNOWN);
    expect((await platform.request('/plans/KH300', { token: platform.tokens.admin })).status).toBe(
      404,
    );
  });

  it('imports once the name is answered as a new agency, and the agency reports on its task', async () => {
    // Prepare
    const resolutions = [{ name: UNKNOWN, newAgency: { kind: 'department' } }];

    // Act
    const imported = await post('/plans', {
      file: 'kh300.docx',
      docx,
      resolutions,
    });
    const stores = dynamoStores(
      createDocumentClient(process.env.DYNAMODB_ENDPOINT),
      String(process.env.TABLE_NAME),
    );
    const { secret } = await issueToken(
      { role: 'agency', agencyId: 'so-nang-luong-va-khoang-san', label: 'test' },
      stores.tokens,
      new Date(),
    );
    // The plan is for 2027: its tasks are reported on once 2027 has begun.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-01T10:00:00+07:00'));
    const report = await platform.request('/tasks/KH300-II-1/reports', {
      method: 'POST',
      token: secret,
      headers: { 'idempotency-key': 'kh300-report' },
      body: JSON.stringify({ status: 'on_track', percentComplete: 10 }),
    });
    vi.useRealTimers();

    // Assess
    expect(imported.status).toBe(201);
    const result = await bodyOf(imported);
    expect(result.agencyChanges.created).toEqual(['so-nang-luong-va-khoang-san']);
    expect(result.tasks.created).toHaveLength(3);
    expect(report.status).toBe(201);
    const plan = await get('/plans/KH300');
    expect(plan).toMatchObject({ code: 'KH300', status: 'active', currentVersion: 1 });
    expect(plan.sections.map((s: { sector: string }) => s.sector)).toEqual([
      'agriculture',
      'industry',
      'services',
    ]);
    const history = await get('/audit?entity=plan/KH300');
    expect(history.items).toEqual([
      expect.objectContaining({ action: 'plan.imported', entity: 'plan/KH300' }),
    ]);
  });

  it('refuses a .docx without a table, and a table whose STT repeats, with 422 and nothing written', async () => {
    // Prepare
    const noTable = Buffer.from(docxOfBody('<w:p><w:r><w:t>Không có bảng</w:t></w:r></w:p>'));
    const repeated = KH300.replace('1\tXúc tiến', '1\tXúc tiến').replace(
      'III\tLĩnh vực thương mại, dịch vụ\t\t\t\t\n',
      '',
    );

    // Act
    const first = await post('/plans', { file: 'empty.docx', docx: noTable.toString('base64') });
    const second = await post('/plans', {
      file: 'kh300.txt',
      text: repeated,
    });

    // Assess
    expect(first.status).toBe(422);
    expect(second.status).toBe(422);
    expect((await bodyOf(second)).detail).toMatch(/kh300\.txt/);
    expect((await get('/plans/KH300')).currentVersion).toBe(1);
  });
});

describe('merging two agencies', () => {
  const FROM = 'ubnd-xa-huu-lien';
  const INTO = 'ubnd-xa-bac-son';

  it('shows the reports of both under the survivor, keeps the ids they were filed under, and re-points tokens and links', async () => {
    // Prepare: each commune reports on a task it leads.
    const fromTask = 'KH266-III-30';
    const report = await platform.request(`/tasks/${fromTask}/reports`, {
      method: 'POST',
      token: platform.tokens.agencies[FROM],
      headers: { 'idempotency-key': 'merge-from' },
      body: JSON.stringify({ status: 'on_track', percentComplete: 30 }),
    });
    expect(report.status).toBe(201);

    // Act
    const merged = await post(`/agencies/${FROM}/merge`, { into: INTO });

    // Assess
    expect(merged.status).toBe(200);
    const outcome = await bodyOf(merged);
    expect(outcome.survivor.aliases).toContain('UBND xã Hữu Liên');
    expect(outcome.merged).toMatchObject({ id: FROM, active: false, mergedInto: INTO });
    const survivorTasks = await get(`/agencies/${INTO}/tasks`);
    expect(survivorTasks.items.map((t: { id: string }) => t.id)).toContain(fromTask);
    const reports = await get(`/tasks/${fromTask}/reports`);
    expect(reports.items[0]).toMatchObject({ agencyId: FROM, agencyName: 'UBND xã Bắc Sơn' });
    const detail = await get(`/tasks/${fromTask}`);
    expect(detail.task.lead).toEqual([{ id: INTO, name: 'UBND xã Bắc Sơn' }]);
    // The merged commune's token now acts for the survivor.
    const again = await platform.request(`/tasks/${fromTask}/reports`, {
      method: 'POST',
      token: platform.tokens.agencies[FROM],
      headers: { 'idempotency-key': 'merge-after' },
      body: JSON.stringify({ status: 'on_track', percentComplete: 35 }),
    });
    expect(again.status).toBe(201);
    expect((await bodyOf(again)).agencyId).toBe(INTO);
    const history = await get(`/audit?entity=agency/${FROM}`);
    expect(history.items.map((e: { action: string }) => e.action)).toContain('agency.merged');
  });

  it('refuses a merge into itself or into a deactivated agency with 422, changing nothing', async () => {
    // Act
    const self = await post(`/agencies/${INTO}/merge`, { into: INTO });
    const inactive = await post(`/agencies/ubnd-xa-mau-son/merge`, { into: FROM });

    // Assess
    expect(self.status).toBe(422);
    expect(inactive.status).toBe(422);
    expect((await bodyOf(inactive)).errors).toEqual([
      expect.objectContaining({ field: 'body.into' }),
    ]);
    expect((await get('/agencies/ubnd-xa-mau-son')).active).toBe(true);
  });
});

describe('the seed conclusion notice', () => {
  it("lists a commune's tasks with their dates", async () => {
    // Act
    const tasks = await get('/agencies/ubnd-xa-nhan-ly/tasks');

    // Assess
    const notice = tasks.items.filter((t: { plan: string }) => t.plan === 'TBKL20260527');
    expect(notice.length).toBeGreaterThan(0);
    expect(notice).toContainEqual(
      expect.objectContaining({ schedule: expect.objectContaining({ due: '2026-06-10' }) }),
    );
  });
});

describe('agencies are managed as data', () => {
  it('creates, renames (keeping the old name as an alias) and deactivates an agency, recording each change', async () => {
    // Act
    const created = await post('/agencies', {
      name: 'Ban Quản lý dự án thử nghiệm',
      kind: 'board',
    });
    const renamed = await post(
      '/agencies/ban-quan-ly-du-an-thu-nghiem',
      { name: 'Ban Quản lý dự án chuyển đổi số' },
      'PATCH',
    );
    const deactivated = await post(
      '/agencies/ban-quan-ly-du-an-thu-nghiem',
      { active: false },
      'PATCH',
    );

    // Assess
    expect(created.status).toBe(201);
    expect(renamed.status).toBe(200);
    expect(await bodyOf(renamed)).toMatchObject({
      name: 'Ban Quản lý dự án chuyển đổi số',
      aliases: ['Ban Quản lý dự án thử nghiệm'],
    });
    expect((await bodyOf(deactivated)).active).toBe(false);
    const history = await get('/audit?entity=agency/ban-quan-ly-du-an-thu-nghiem');
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'agency.updated',
      'agency.updated',
      'agency.created',
    ]);
  });

  it('refuses an alias another agency already has, naming it', async () => {
    // Act
    const response = await post('/agencies/so-y-te', { addAliases: ['Sở Tài chính'] }, 'PATCH');

    // Assess
    expect(response.status).toBe(422);
    expect((await bodyOf(response)).detail).toMatch(/so-tai-chinh/);
  });
});
