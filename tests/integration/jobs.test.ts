/**
 * Long work over HTTP: a rollup run, the risk scan and the import of a large document
 * answer 202 with a job at once; GET /jobs/{id} follows it to its result (or its
 * problems); a retry under the same Idempotency-Key finds the same job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_JOB_MIN_BYTES } from '#functions/api/import-deps.ts';
import { formatPeriod } from '#shared/domain/period/period.ts';
import { currentPeriod } from '#shared/domain/period/period-relations.ts';
import { finishedJob } from '../support/jobs.ts';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { seedSources } from '../support/seed-tasks.ts';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const quarter = () => formatPeriod(currentPeriod('quarter', new Date()));

function post(path: string, key: string, body?: unknown) {
  return platform.request(path, {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': key },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const getJob = (id: string, token = platform.tokens.admin) =>
  platform.request(`/jobs/${id}`, { token });

describe('POST /rollups/{period}/runs', () => {
  it('answers 202 with a queued job and where to follow it, then the job holds the snapshots', async () => {
    // Act
    const response = await post(`/rollups/${quarter()}/runs`, 'jobs-rollup');
    const accepted = await bodyOf(response.clone());
    const job = await finishedJob(platform, response);

    // Assess
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toBe(`/jobs/${accepted.id}`);
    expect(accepted).toMatchObject({
      id: expect.stringMatching(/^job_/),
      work: { kind: 'rollup', period: quarter() },
      status: expect.stringMatching(/^(queued|running|succeeded)$/),
      createdBy: { tokenId: expect.any(String), agencyId: null },
    });
    expect(job).toMatchObject({
      id: accepted.id,
      status: 'succeeded',
      attempts: 1,
      errors: [],
      finishedAt: expect.any(String),
      // The last step told: the third sector, two of three done before it.
      progress: { done: 2, total: 3, step: 'Tổng hợp lĩnh vực dịch vụ' },
      result: {
        period: quarter(),
        sectors: ['agriculture', 'industry', 'services'].map((sector) =>
          expect.objectContaining({ sector, written: true }),
        ),
      },
    });
  });

  it('finds the same job when retried under the same key, and runs nothing more', async () => {
    // Prepare
    const first = await finishedJob(
      platform,
      await post(`/rollups/${quarter()}/runs`, 'jobs-again'),
    );

    // Act
    const again = await post(`/rollups/${quarter()}/runs`, 'jobs-again');
    const replayed = await finishedJob(platform, again.clone());

    // Assess
    expect(again.status).toBe(202);
    expect((await bodyOf(again)).id).toBe(first.id);
    expect(replayed).toEqual(first);
  });

  it('refuses with 422 a key already used for another period', async () => {
    // Prepare
    await finishedJob(platform, await post(`/rollups/${quarter()}/runs`, 'jobs-reused'));

    // Act
    const response = await post('/rollups/2026-H2/runs', 'jobs-reused');

    // Assess
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toMatchObject({
      type: expect.stringMatching(/\/idempotency-key-reused$/),
    });
  });

  it('refuses at once, with 422 and no job, a period no plan covers', async () => {
    // Act
    const response = await post('/rollups/2001-Q1/runs', 'jobs-no-plans');

    // Assess
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toMatchObject({
      type: expect.stringMatching(/\/period-without-plans$/),
    });
  });
});

describe('POST /risks/scans', () => {
  it('answers 202, and the job holds what the scan found', async () => {
    // Act
    const job = await finishedJob(platform, await post('/risks/scans', 'jobs-scan'));

    // Assess
    expect(job).toMatchObject({
      work: { kind: 'risk-scan' },
      status: 'succeeded',
      result: { evaluated: expect.any(Number), atRiskBySector: expect.any(Object) },
    });
    expect(job.result.evaluated).toBeGreaterThan(100);
  });
});

describe('GET /jobs/{id}', () => {
  it('answers 404 for a job never asked for, and 400 for an id no POST could answer', async () => {
    // Act
    const unknown = await getJob(`job_${'A'.repeat(22)}`);
    const malformed = await getJob('not-a-job');

    // Assess
    expect(unknown.status).toBe(404);
    expect(await bodyOf(unknown)).toMatchObject({ type: expect.stringMatching(/job-not-found$/) });
    expect(malformed.status).toBe(400);
  });

  it('is for admins only', async () => {
    // Prepare
    const job = await finishedJob(platform, await post('/risks/scans', 'jobs-viewer'));

    // Act
    const response = await getJob(job.id, platform.tokens.viewer);

    // Assess
    expect(response.status).toBe(403);
  });
});

describe('POST /plans with a large document', () => {
  it('answers 202 and imports it in a job whose result is the import', async () => {
    // Prepare: KH266 with a long expected result on every task, past the size for a job
    const seed = seedSources().find((source) => source.file.startsWith('kh266'));
    if (!seed) throw new Error('no KH266 seed');
    const long = 'Tiếp tục theo dõi, đôn đốc và báo cáo kết quả thực hiện định kỳ. '.repeat(90);
    const text = seed.text
      .split('\n')
      .map((line) => (/^\d[\d.]*\t/.test(line) ? `${line} ${long}` : line))
      .join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(IMPORT_JOB_MIN_BYTES);

    // Act
    const response = await post('/plans', 'jobs-import', {
      file: seed.file,
      text,
      overrides: seed.overrides,
    });
    const job = await finishedJob(platform, response);
    const plan = await bodyOf(
      await platform.request('/plans/KH266', { token: platform.tokens.viewer }),
    );

    // Assess
    expect(response.status).toBe(202);
    expect(job).toMatchObject({
      work: { kind: 'import', file: seed.file, documentKind: 'plan' },
      status: 'succeeded',
      result: { plan: { code: 'KH266' }, outcome: 'updated', version: 2 },
    });
    expect(plan.currentVersion).toBe(2);
  });
});
