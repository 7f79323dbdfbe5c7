/**
 * The province's figures over HTTP, as the acceptance case asks: a plan with a
 * rice target is imported, the import suggests the rice area indicator and an admin
 * confirms it, the Department of Agriculture enters the first half of 2024 as history and
 * reports the first half of 2025 through the task, and the figures read back the line of
 * the province's 2025 six-month report word for word. Bad input along the way is refused
 * and writes nothing. The clock is the province's on 20 June 2025.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finishedJob, jobResult } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

const AGRICULTURE = 'so-nong-nghiep-va-moi-truong';
const FINANCE = 'so-tai-chinh';
const HEALTH = 'so-y-te';
const TASK = 'KH100-I-1';
const RICE_LINE = 'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ';

const PLAN_TEXT = [
  '**PHỤ LỤC: Các giải pháp thực hiện mục tiêu tăng trưởng 6 tháng đầu năm 2025**',
  '(Kèm theo Kế hoạch số 100 /KH-UBND ngày 05 tháng 01 năm 2025 của UBND tỉnh Lạng Sơn)',
  '',
  'STT\tGiải pháp, công việc cụ thể\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tKết quả cụ thể',
  '<b>I</b>\t<b>Lĩnh vực nông, lâm nghiệp và thủy sản</b>\t\t\t\t',
  '1\tChỉ đạo sản xuất vụ Đông Xuân\tSở Nông nghiệp và Môi trường\tSở Tài chính\tTháng 1-6/2025\t- Lúa: 15.000 ha',
  '',
].join('\n');

let platform: TestPlatform;
let serial = 0;

async function send(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Response> {
  serial += 1;
  const response = await platform.request(path, {
    method,
    token: token ?? null,
    headers: { 'idempotency-key': `figures-${serial}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await platform.bus.drain();
  return response;
}

const agency = (id: string) => platform.tokens.agencies[id];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-06-20T12:00:00+07:00'));
  platform = await startTestPlatform();
});
afterAll(async () => {
  vi.useRealTimers();
  await platform.stop();
});

describe('a plan with a rice target, and the figures it feeds', () => {
  it('imports the plan and suggests the rice area for its target', async () => {
    // Prepare: the plan for the first half of 2025
    const body = {
      file: 'kh100.txt',
      text: PLAN_TEXT,
      overrides: { period: { start: '2025-01-01', end: '2025-06-30' } },
    };

    // Act
    const imported = await send('POST', '/plans', platform.tokens.admin, body);
    const links = await bodyOf(
      await send('GET', '/plans/KH100/indicator-links', platform.tokens.viewer),
    );

    // Assess
    expect(imported.status).toBe(201);
    expect(links.items).toEqual([
      expect.objectContaining({
        taskId: TASK,
        targetKey: 'lua',
        indicator: 'dien-tich-lua',
        state: 'suggested',
      }),
    ]);
  });

  it('refuses a link between different units, naming both, and writes nothing', async () => {
    // Prepare: the rice target (ha) onto the vaccination rate (%)
    const body = {
      links: [{ taskId: TASK, targetKey: 'lua', indicator: 'ty-le-tiem-phong-vat-nuoi' }],
    };

    // Act
    const refused = await send('PUT', '/plans/KH100/indicator-links', platform.tokens.admin, body);
    const links = await bodyOf(
      await send('GET', '/plans/KH100/indicator-links', platform.tokens.viewer),
    );

    // Assess
    expect(refused.status).toBe(422);
    expect((await bodyOf(refused)).detail).toContain('đơn vị khác nhau');
    expect(links.items[0]).toMatchObject({ indicator: 'dien-tich-lua', state: 'suggested' });
  });

  it('lets an admin confirm the suggested link', async () => {
    // Prepare
    const body = { links: [{ taskId: TASK, targetKey: 'lua', indicator: 'dien-tich-lua' }] };

    // Act
    const confirmed = await send(
      'PUT',
      '/plans/KH100/indicator-links',
      platform.tokens.admin,
      body,
    );

    // Assess
    expect(confirmed.status).toBe(200);
    expect((await bodyOf(confirmed)).items[0]).toMatchObject({ state: 'confirmed' });
  });

  it('takes 2024 as history from the agency that owns the indicator, and from no other', async () => {
    // Prepare
    const value = { period: '2024-H1', value: 15_559, status: 'final' };

    // Act
    const owner = await send(
      'POST',
      '/indicators/dien-tich-lua/values',
      agency(AGRICULTURE),
      value,
    );
    const other = await send('POST', '/indicators/dien-tich-lua/values', agency(HEALTH), value);

    // Assess
    expect(owner.status).toBe(201);
    expect(other.status).toBe(403);
  });

  it('refuses a malformed period (400) and a period that has not begun (422)', async () => {
    // Prepare
    const post = (period: string) =>
      send('POST', '/indicators/dien-tich-lua/values', agency(AGRICULTURE), {
        period,
        value: 1,
        status: 'estimate',
      });

    // Act
    const malformed = await post('2025-Q5');
    const future = await post('2025-Q4');

    // Assess
    expect(malformed.status).toBe(400);
    expect(future.status).toBe(422);
  });

  it('takes the 2025 estimate through the task’s target', async () => {
    // Prepare: the lead's report on the first half, before it ends: an estimate
    const body = {
      period: '2025-H1',
      status: 'on_track',
      percentComplete: 90,
      actuals: { lua: 14_562 },
    };

    // Act
    const response = await send('POST', `/tasks/${TASK}/reports`, agency(AGRICULTURE), body);

    // Assess
    expect(response.status).toBe(201);
    expect(await bodyOf(response)).toMatchObject({
      period: '2025-H1',
      actualsStatus: 'estimate',
      deadline: '2025-06-18',
      timeliness: 'late',
    });
  });

  it('reads the rice line back word for word', async () => {
    // Prepare: the figures of the first half of 2025. Act
    const response = await send(
      'GET',
      '/figures/2025-H1?sector=agriculture',
      platform.tokens.viewer,
    );
    const { figures } = await bodyOf(response);
    const rice = figures.find(
      (f: { inPeriod: { indicator: string } }) => f.inPeriod.indicator === 'dien-tich-lua',
    );

    // Assess: 14.562 of 15.000 ha is 97,08%; of 15.559 ha a year before, 93,59%
    expect(response.status).toBe(200);
    expect(rice.inPeriod).toMatchObject({
      plan: { value: 15_000 },
      actual: { value: 14_562, status: 'estimate' },
      attainmentText: 'đạt 97,08% kế hoạch',
      previousYear: { value: 15_559 },
      yearOnYearText: 'bằng 93,59% cùng kỳ',
      sentence: RICE_LINE,
    });
  });

  it('carries the line into the six months’ snapshot and its documents', async () => {
    // Prepare: the half's preliminary snapshot
    const run = await finishedJob(
      platform,
      await send('POST', '/rollups/2025-H1/runs', platform.tokens.admin),
    );

    // Act
    const snapshot = await bodyOf(
      await send('GET', '/rollups/2025-H1/agriculture', platform.tokens.viewer),
    );
    const csv = await (
      await send('GET', '/rollups/2025-H1/agriculture?format=csv', platform.tokens.viewer)
    ).text();

    // Assess: the half's deadline, 18/06, has passed: the snapshot is the official one
    expect(run.status).toBe('succeeded');
    expect(snapshot).toMatchObject({ period: '2025-H1', status: 'official', revision: 1 });
    const rice = snapshot.figures.find(
      (f: { inPeriod: { indicator: string } }) => f.inPeriod.indicator === 'dien-tich-lua',
    );
    // The estimate came after the deadline: the official snapshot does not know it yet
    expect(rice.inPeriod.actual).toBeNull();
    expect(csv).not.toContain(RICE_LINE);
  });

  it('makes a revision with the line when the late figure is taken in', async () => {
    // Prepare: the next day
    vi.setSystemTime(new Date('2025-06-21T09:00:00+07:00'));

    // Act
    const run = await jobResult(
      platform,
      await send('POST', '/rollups/2025-H1/runs', platform.tokens.admin),
    );
    const latest = await bodyOf(
      await send('GET', '/rollups/2025-H1/agriculture', platform.tokens.viewer),
    );
    const official = await bodyOf(
      await send('GET', '/rollups/2025-H1/agriculture?revision=1', platform.tokens.viewer),
    );
    const csv = await (
      await send('GET', '/rollups/2025-H1/agriculture?format=csv', platform.tokens.viewer)
    ).text();

    // Assess
    const agriculture = run.sectors.find((s: { sector: string }) => s.sector === 'agriculture');
    expect(agriculture).toMatchObject({ status: 'official', revision: 2, written: true });
    expect(latest.revision).toBe(2);
    expect(latest.changes.figures).toContainEqual({
      indicator: 'dien-tich-lua',
      period: '2025-H1',
      before: null,
      after: RICE_LINE,
    });
    expect(official.revision).toBe(1);
    expect(csv).toContain(RICE_LINE);
  });
});

describe('reports on periods outside a task’s life, or on history', () => {
  it('refuses a period outside the task’s life with 422 naming its window', async () => {
    // Prepare: the task lives in the first half of 2025
    const body = { period: '2024-Q2', status: 'on_track', percentComplete: 10 };

    // Act
    const response = await send('POST', `/tasks/${TASK}/reports`, agency(AGRICULTURE), body);

    // Assess
    expect(response.status).toBe(422);
    expect((await bodyOf(response)).detail).toContain('từ ngày 01/01/2025 đến ngày 30/06/2025');
  });

  it('refuses a period that has not begun with 422 naming the window', async () => {
    // Prepare
    const body = { period: '2025-Q3', status: 'on_track', percentComplete: 10 };

    // Act
    const response = await send('POST', `/tasks/${TASK}/reports`, agency(AGRICULTURE), body);

    // Assess
    expect(response.status).toBe(422);
    expect((await bodyOf(response)).detail).toContain('chưa bắt đầu');
  });

  it('refuses history from an agency that does not lead the task (403)', async () => {
    // Prepare: the Department of Finance coordinates; Q1's deadline (18/03) has passed
    const body = { period: '2025-Q1', status: 'on_track', percentComplete: 10 };

    // Act
    const response = await send('POST', `/tasks/${TASK}/reports`, agency(FINANCE), body);

    // Assess
    expect(response.status).toBe(403);
  });

  it('refuses a malformed period with 400', async () => {
    // Prepare
    const body = { period: '0000-Q1', status: 'on_track', percentComplete: 10 };

    // Act
    const response = await send('POST', `/tasks/${TASK}/reports`, agency(AGRICULTURE), body);

    // Assess
    expect(response.status).toBe(400);
  });

  it('stored none of the refused reports', async () => {
    // Prepare: the task's reports. Act
    const { items } = await bodyOf(
      await send('GET', `/tasks/${TASK}/reports`, platform.tokens.viewer),
    );

    // Assess: the 2025-H1 report only
    expect(items.map((r: { period: string }) => r.period)).toEqual(['2025-H1']);
  });
});
