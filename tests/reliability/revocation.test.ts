/**
 * Revocation is immediate on the local platform: the gateway asks the authorizer on every
 * request (on AWS the authorizer's cache keeps an answer up to 60 s), and the control
 * server checks the store's token records, not tokens.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import type { Role } from '#shared/domain/access/caller.ts';
import { ROUTES } from '#shared/platform/routes.ts';
import { issueToken } from '#shared/use-cases/access.ts';
import { LOCAL_TABLE_NAME } from '#infra/local/platform.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
let tokens: DynamoTokenStore;
beforeAll(async () => {
  platform = await startTestPlatform();
  tokens = new DynamoTokenStore(createDocumentClient(), LOCAL_TABLE_NAME);
});
afterAll(() => platform.stop());

const issue = async (role: Role, agencyId?: string) => {
  const issued = await issueToken({ role, agencyId, label: 'revocation test' }, tokens, new Date());
  return { secret: issued.secret, tokenId: issued.record.tokenId };
};

const SAMPLE_PARAMETERS: Record<string, string> = {
  taskId: 'KH266-I-2',
  agencyId: 'so-nong-nghiep-va-moi-truong',
  code: 'KH266',
  period: '2026-Q3',
  sector: 'agriculture',
};
const tokenRoutes = ROUTES.filter((route) => route.access !== 'public').map((route) => [
  route.method,
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMETERS[name] ?? name),
]);

const control = (path: string, secret: string, method = 'GET') =>
  fetch(`${platform.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}` },
  });

describe('a revoked token', () => {
  it('is refused on the very next request', async () => {
    // Prepare
    const viewer = await issue('viewer');
    const before = await platform.request('/tasks?limit=1', { token: viewer.secret });

    // Act
    await tokens.revoke(viewer.tokenId, new Date());
    const after = await platform.request('/tasks?limit=1', { token: viewer.secret });

    // Assess
    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
  });

  it.each(tokenRoutes)('is refused at once on %s %s', async (method, path) => {
    // Prepare: the token is used on the route first, so a cached answer would exist.
    const admin = await issue('admin');
    const headers = { 'idempotency-key': `revoked-${method}-${path}` };
    await platform.request(path, { method, token: admin.secret, headers });

    // Act
    await tokens.revoke(admin.tokenId, new Date());
    const response = await platform.request(path, { method, token: admin.secret, headers });

    // Assess
    expect(response.status).toBe(401);
  });
});

describe('the control server', () => {
  it('accepts an admin token the store holds, not only the one in tokens.json', async () => {
    // Prepare
    const admin = await issue('admin');

    // Act
    const response = await control('/dead-letters', admin.secret);

    // Assess
    expect(response.status).toBe(200);
  });

  it('refuses a token of another role', async () => {
    // Prepare
    const viewer = await issue('viewer');

    // Act
    const response = await control('/dead-letters', viewer.secret);

    // Assess
    expect(response.status).toBe(403);
  });

  it('refuses the development admin token once it is revoked', async () => {
    // Prepare
    const accepted = await control('/dead-letters', platform.tokens.admin);
    const listed = await tokens.list();
    const development = listed.find((record) => record.label === 'development admin');

    // Act
    await tokens.revoke(development?.tokenId ?? 'none', new Date());
    const refused = await control('/dead-letters', platform.tokens.admin);
    const replay = await control('/dead-letters/replay', platform.tokens.admin, 'POST');

    // Assess
    expect(accepted.status).toBe(200);
    expect(refused.status).toBe(401);
    expect(replay.status).toBe(401);
  });
});
