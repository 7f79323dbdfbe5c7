// Regressions: inputs the reliability suites once found answered with a 5xx or accepted wrongly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { closeRawConnections, rawRequest } from '../support/raw-http.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  closeRawConnections();
  await platform.stop();
});
const viewer = () => ({ authorization: `Bearer ${platform.tokens.viewer}` });

describe('found by the reliability suites', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'GET /tasks?%s=1 is a 4xx problem, not a 502',
    async (key) => {
      const response = await rawRequest(platform.url, {
        method: 'GET',
        target: `/tasks?${key}=1`,
        headers: viewer(),
      });
      expect(response.status).toBe(400);
    },
  );
  it('a header named constructor is not a 502', async () => {
    const response = await rawRequest(platform.url, {
      method: 'GET',
      target: '/tasks',
      headers: { ...viewer(), constructor: 'x' },
    });
    expect(response.status).toBe(200);
  });
  it.each(['/tasks', '/tasks/KH266-I-2/reports', '/risks', '/agencies'])(
    '%s with a forged cursor is a 400',
    async (path) => {
      const cursor = Buffer.from(JSON.stringify({ p: 0, k: { PK: 'TASK#x', SK: 1 } })).toString(
        'base64url',
      );
      const response = await rawRequest(platform.url, {
        method: 'GET',
        target: `${path}?cursor=${cursor}`,
        headers: viewer(),
      });
      expect(response.status).toBe(400);
    },
  );
  it.each([
    ['0000-Q1', 400],
    ['2026-Q3?cutoff=decree-09-2019', 400],
    ['0001-Q1', 422],
  ] as const)('POST /rollups/%s/runs is a %i', async (period, status) => {
    const response = await rawRequest(platform.url, {
      method: 'POST',
      target: `/rollups/${period.replace('?', '/runs?')}${period.includes('?') ? '' : '/runs'}`,
      headers: {
        authorization: `Bearer ${platform.tokens.admin}`,
        'idempotency-key': `q-${period}`,
      },
    });
    expect(response.status).toBe(status);
  });
  it('refuses invalid UTF-8 in an otherwise valid report', async () => {
    const body = Buffer.concat([
      Buffer.from('{"status":"on_track","percentComplete":5,"narrative":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    const response = await rawRequest(platform.url, {
      method: 'POST',
      target: '/tasks/KH266-I-2/reports',
      headers: {
        authorization: `Bearer ${platform.tokens.agencies['so-nong-nghiep-va-moi-truong']}`,
        'content-type': 'application/json',
        'idempotency-key': 'invalid-utf8',
      },
      body,
    });
    expect(response.status).toBe(400);
  });
  it('refuses "__proto__" as an actuals key like any other unknown target', async () => {
    const response = await rawRequest(platform.url, {
      method: 'POST',
      target: '/tasks/KH266-I-2/reports',
      headers: {
        authorization: `Bearer ${platform.tokens.agencies['so-nong-nghiep-va-moi-truong']}`,
        'content-type': 'application/json',
        'idempotency-key': 'proto-actuals',
      },
      body: '{"status":"on_track","percentComplete":5,"actuals":{"__proto__":1}}',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
  it('answers a request target with raw non-ASCII bytes, or headers over 16 KB, with problem+json', async () => {
    const latin = await rawRequest(platform.url, {
      method: 'GET',
      target: '/tasks/\xe9',
      headers: viewer(),
    });
    const big = await rawRequest(platform.url, {
      method: 'GET',
      target: '/tasks',
      headers: { ...viewer(), 'x-big': 'x'.repeat(20_000) },
    });
    expect([latin.headers['content-type'], big.headers['content-type']]).toEqual([
      'application/problem+json',
      'application/problem+json',
    ]);
  });
});
