import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { reportItems } from '../support/table-items.ts';

let platform: TestPlatform;
const LEAD = 'so-nong-nghiep-va-moi-truong';

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const agencyToken = (id: string) => {
  const token = platform.tokens.agencies[id];
  if (!token) throw new Error(`no dev token for ${id}`);
  return token;
};

async function storedReports(taskId: string) {
  const db = createDocumentClient(process.env.DYNAMODB_ENDPOINT);
  try {
    return await reportItems(db, process.env.TABLE_NAME ?? '', taskId);
  } finally {
    db.destroy();
  }
}

function post(path: string, body: unknown, token: string, key: string) {
  return platform.request(path, {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

describe('the API over HTTP on the local store', () => {
  it('stores a report once and replays the first response for the same key', async () => {
    const body = {
      period: '2026-Q3',
      status: 'on_track',
      percentComplete: 35,
      actuals: { lua: 12000 },
    };

    const first = await post('/tasks/KH266-I-2/reports', body, agencyToken(LEAD), 'api-test-1');
    const replay = await post('/tasks/KH266-I-2/reports', body, agencyToken(LEAD), 'api-test-1');

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    const stored = await bodyOf(first);
    expect(await bodyOf(replay)).toEqual(stored);
    expect((await storedReports('KH266-I-2')).map((r) => r.id)).toEqual([stored.id]);
  });

  it('refuses the same key with a different body with 422, and stores nothing new', async () => {
    const body = { status: 'on_track', percentComplete: 10 };
    await post('/tasks/KH266-I-3/reports', body, agencyToken(LEAD), 'api-test-2');

    const response = await post(
      '/tasks/KH266-I-3/reports',
      { ...body, percentComplete: 11 },
      agencyToken(LEAD),
      'api-test-2',
    );

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await storedReports('KH266-I-3')).toHaveLength(1);
  });

  it('shows the latest state per agency on the task and filters tasks by status', async () => {
    await post(
      '/tasks/KH266-I-4/reports',
      { status: 'delayed', percentComplete: 20, obstacles: ['Thiếu cây giống'] },
      agencyToken(LEAD),
      'api-test-3',
    );

    const detail = await bodyOf(
      await platform.request('/tasks/KH266-I-4', { token: platform.tokens.viewer }),
    );
    const delayed = await bodyOf(
      await platform.request('/tasks?status=delayed', { token: platform.tokens.viewer }),
    );

    expect(detail.latestByAgency).toMatchObject([
      { agencyId: LEAD, status: 'delayed', percentComplete: 20, hasObstacles: true },
    ]);
    expect(detail.task.latestReport).toMatchObject({ status: 'delayed' });
    expect(delayed.items.map((t: { id: string }) => t.id)).toContain('KH266-I-4');
  });

  it('lists reports newest first with cursor pagination', async () => {
    for (const [i, percent] of [10, 20, 30].entries()) {
      await post(
        '/tasks/KH266-I-5/reports',
        { status: 'on_track', percentComplete: percent },
        agencyToken(LEAD),
        `page-${i}`,
      );
    }

    const first = await bodyOf(
      await platform.request('/tasks/KH266-I-5/reports?limit=2', { token: platform.tokens.viewer }),
    );
    const second = await bodyOf(
      await platform.request(`/tasks/KH266-I-5/reports?limit=2&cursor=${first.nextCursor}`, {
        token: platform.tokens.viewer,
      }),
    );

    expect(first.items.map((r: { percentComplete: number }) => r.percentComplete)).toEqual([
      30, 20,
    ]);
    expect(second.items.map((r: { percentComplete: number }) => r.percentComplete)).toEqual([10]);
    expect(second.nextCursor).toBeNull();
  });

  it('pages through every task of a sector exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/tasks?sector=industry&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await bodyOf(await platform.request(query, { token: platform.tokens.viewer }));
      seen.push(...page.items.map((t: { id: string }) => t.id));
      cursor = page.nextCursor;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('KH266-II-19');
    expect(seen).toContain('KH267-XIII-85');
  });

  it('lists agencies and the tasks of one agency with its role', async () => {
    const agencies = await bodyOf(
      await platform.request('/agencies?limit=100', { token: platform.tokens.viewer }),
    );
    const tasks = await bodyOf(
      await platform.request('/agencies/ubnd-xa-huu-lien/tasks', { token: platform.tokens.viewer }),
    );

    expect(agencies.items.map((a: { id: string }) => a.id)).toContain('so-cong-thuong');
    expect(tasks.items).toMatchObject([{ id: 'KH266-III-30', role: 'lead' }]);
  });

  it('reads plans and imports a plan table as admin, reporting what changed', async () => {
    const plans = await bodyOf(await platform.request('/plans', { token: platform.tokens.viewer }));
    const text = readFileSync('seeds/plans/kh266-phu-luc-8.txt', 'utf8');

    const response = await post(
      '/plans',
      {
        file: 'kh266-phu-luc-8.txt',
        text,
        overrides: {
          period: { start: '2026-07-01', end: '2026-12-31' },
          sectors: { I: 'agriculture', II: 'industry', III: 'services' },
        },
      },
      platform.tokens.admin,
      'import-1',
    );

    expect(plans.items.map((p: { code: string }) => p.code)).toEqual([
      'KH266',
      'KH267',
      'TBKL20260527',
    ]);
    expect(response.status).toBe(200);
    const summary = await bodyOf(response);
    expect(summary.outcome).toBe('unchanged');
    expect(summary.tasks.unchanged).toHaveLength(49);
    expect(summary.warnings).toEqual([]);
  });

  it('refuses a plan table it cannot read with 422 naming the line', async () => {
    const response = await post(
      '/plans',
      { file: 'bad.txt', text: 'not a table' },
      platform.tokens.admin,
      'import-2',
    );

    expect(response.status).toBe(422);
    expect((await bodyOf(response)).detail).toMatch(/bad\.txt/);
  });

  it('serves the OpenAPI document without a token', async () => {
    const response = await platform.request('/openapi.json');

    expect(response.status).toBe(200);
    const document = await bodyOf(response);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/tasks/{taskId}/reports'].post.requestBody).toBeDefined();
  });
});
