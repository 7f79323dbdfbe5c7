/**
 * Snapshots too large for one response, over HTTP on the local runtime: the same store
 * opened twice, first as deployed (every body in the response), then with the threshold
 * lowered so that every body goes through the 303 and the runtime's signed route. Following
 * the Location gives exactly the bytes and type of the first; a tampered or expired URL is
 * refused 403 as problem+json.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import { jobResult } from '../support/jobs.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const AGRICULTURE = 'so-nong-nghiep-va-moi-truong';
const READS = [
  { path: '/rollups/2026-Q4', accept: 'application/json' },
  { path: '/rollups/2026-Q4/agriculture', accept: 'application/json' },
  { path: '/rollups/2026-Q4?format=csv', accept: 'text/csv' },
  { path: '/rollups/2026-Q4/agriculture?format=xlsx', accept: XLSX_MEDIA_TYPE },
  { path: '/rollups/2026-Q4?format=docx', accept: DOCX_MEDIA_TYPE },
] as const;

interface Answer {
  status: number;
  contentType: string | null;
  disposition: string | null;
  bytes: Buffer;
}

let dataDir: string;
let platform: TestPlatform;
const small = new Map<string, Answer>();

const answerOf = async (response: Response): Promise<Answer> => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  disposition: response.headers.get('content-disposition'),
  bytes: Buffer.from(await response.arrayBuffer()),
});

function get(path: string, accept: string, token: string | null = platform.tokens.viewer) {
  return fetch(`${platform.url}${path}`, {
    headers: { accept, ...(token && { authorization: `Bearer ${token}` }) },
    redirect: 'manual',
  });
}

/** A quarter with reports in it, closed into its official snapshot by the rollup job. */
async function closedQuarter(): Promise<void> {
  vi.setSystemTime(new Date('2026-10-20T12:00:00+07:00'));
  const report = await platform.request('/tasks/KH266-I-2/reports', {
    method: 'POST',
    token: platform.tokens.agencies[AGRICULTURE],
    headers: { 'idempotency-key': 'large-bodies-1' },
    body: JSON.stringify({ period: '2026-Q4', status: 'delayed', percentComplete: 50 }),
  });
  expect(report.status).toBe(201);
  await platform.bus.drain();
  vi.setSystemTime(new Date('2027-01-01T00:05:00+07:00'));
  const accepted = await platform.request('/rollups/2026-Q4/runs', {
    method: 'POST',
    token: platform.tokens.admin,
    headers: { 'idempotency-key': 'large-bodies-run' },
  });
  await jobResult(platform, accepted);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-10-01T12:00:00+07:00'));
  dataDir = await mkdtemp(join(tmpdir(), 'langson-large-bodies-'));
  platform = await startTestPlatform(dataDir);
  await closedQuarter();
  for (const read of READS) small.set(read.path, await answerOf(await get(read.path, read.accept)));
  await platform.close();

  // The same store, served by handlers loaded afresh with a threshold every body exceeds.
  vi.resetModules();
  process.env.LARGE_BODY_THRESHOLD_BYTES = '512';
  platform = await startTestPlatform(dataDir);
}, 120_000);
afterAll(async () => {
  vi.useRealTimers();
  delete process.env.LARGE_BODY_THRESHOLD_BYTES;
  await platform?.stop();
});

describe('a snapshot too large for one response', () => {
  it.each(READS)('$path answers 303 to a URL that serves the same bytes', async (read) => {
    // Prepare
    const inline = small.get(read.path);

    // Act
    const redirect = await get(read.path, read.accept);
    const location = redirect.headers.get('location') ?? '';
    // The URL carries its own authority: no bearer token follows it.
    const followed = await answerOf(await get(location, read.accept, null));

    // Assess
    expect(inline?.status).toBe(200);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    expect(location).toMatch(/^\/tep-lon\/rollups%2F2026-Q4%2F.+\?expires=\d+&signature=/);
    expect(followed.status).toBe(200);
    expect(followed.contentType).toBe(inline?.contentType);
    expect(followed.disposition).toBe(inline?.disposition);
    expect(followed.bytes.equals(inline?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('is stored under a key that names it, so a repeated read reuses the name', async () => {
    // Prepare
    const path = '/rollups/2026-Q4/agriculture?format=xlsx';

    // Act
    const first = (await get(path, XLSX_MEDIA_TYPE)).headers.get('location') ?? '';
    const second = (await get(path, XLSX_MEDIA_TYPE)).headers.get('location') ?? '';

    // Assess
    const keyOf = (location: string) => decodeURIComponent(location.split('?')[0] ?? '');
    expect(keyOf(first)).toBe(
      '/tep-lon/rollups/2026-Q4/agriculture/agriculture-r1/rollup-2026-Q4-agriculture.xlsx',
    );
    expect(keyOf(second)).toBe(keyOf(first));
  });

  it('refuses a URL whose signature or key was changed, 403 as problem+json', async () => {
    // Prepare
    const location = new URL(
      (await get('/rollups/2026-Q4', 'application/json')).headers.get('location') ?? '',
      platform.url,
    );
    const forged = new URL(location);
    const signature = forged.searchParams.get('signature') ?? '';
    forged.searchParams.set(
      'signature',
      `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
    );
    const otherKey = new URL(location);
    otherKey.pathname = otherKey.pathname.replace('2026-Q4', '2026-Q3');

    // Act
    const answers = await Promise.all(
      [forged, otherKey].map((url) => get(`${url.pathname}${url.search}`, '*/*', null)),
    );

    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(await answer.json()).toMatchObject({
        status: 403,
        detail: 'Đường dẫn tải xuống không hợp lệ.',
      });
    }
  });

  it('refuses a genuine URL once its 15 minutes have passed, 403 as problem+json', async () => {
    // Prepare
    const location = (await get('/rollups/2026-Q4', 'application/json')).headers.get('location');

    // Act
    vi.setSystemTime(new Date(Date.now() + 15 * 60 * 1000 + 1000));
    const answer = await get(location ?? '', 'application/json', null);

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await answer.json()).toMatchObject({
      status: 403,
      detail: expect.stringMatching(/hết hạn/),
    });
  });
});
