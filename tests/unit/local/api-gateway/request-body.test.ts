/**
 * The gateway decides before it reads a body: a request it refuses (no route, no or a bad
 * token, a declared length over the limit) is answered while its body is still on the way,
 * and a body that passes the limit is refused as soon as it does. Nothing refused is
 * buffered, so forty anonymous 10 MB uploads cost no memory.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenAuthorizerHandler } from '#infra/local/api-gateway/authorizer.ts';
import { echoEvent, policy, startGateway, type RunningGateway } from './gateway-fixtures.ts';

let gateway: RunningGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** Longer than any answer takes; past it the gateway was waiting for the body to end. */
const GUARD_MS = 5_000;

interface EarlyAnswer {
  status: number;
  body: string;
}

/**
 * Sends the headers and the first part of a body, never the end, and resolves with the
 * answer; rejects when none comes while the body is unfinished.
 */
function sendUnfinished(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  firstPart: Buffer,
): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}${path}`, { method: 'POST', headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        clearTimeout(guard);
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    outgoing.on('error', () => undefined);
    const guard = setTimeout(() => {
      outgoing.destroy();
      reject(new Error('no answer while the body was still being sent'));
    }, GUARD_MS);
    outgoing.write(firstPart);
  });
}

const MB = 1024 * 1024;
const unauthorized: TokenAuthorizerHandler = async () => {
  throw new Error('Unauthorized');
};

describe('the local gateway and request bodies', () => {
  it('answers an anonymous upload 401 before its body has arrived', async () => {
    // Prepare
    const importPlan = vi.fn(echoEvent);
    gateway = await startGateway({ handlers: { importPlan } });

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/plans',
      { 'content-type': 'application/json', 'content-length': String(10 * MB) },
      Buffer.alloc(64 * 1024, 0x20),
    );

    // Assess
    expect(answer.status).toBe(401);
    expect(importPlan).not.toHaveBeenCalled();
  });

  it('answers 401 for a token the authorizer refuses before the body has arrived', async () => {
    // Prepare
    gateway = await startGateway({ authorizer: unauthorized, handlers: { importPlan: echoEvent } });

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/plans',
      { authorization: 'Bearer revoked', 'transfer-encoding': 'chunked' },
      Buffer.alloc(64 * 1024, 0x20),
    );

    // Assess
    expect(answer.status).toBe(401);
  });

  it('answers 403 for a policy that denies the route before the body has arrived', async () => {
    // Prepare
    const deny: TokenAuthorizerHandler = async () =>
      policy('Deny', 'arn:aws:execute-api:local:000000000000:local/*');
    gateway = await startGateway({ authorizer: deny, handlers: { importPlan: echoEvent } });

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/plans',
      { authorization: 'Bearer t', 'transfer-encoding': 'chunked' },
      Buffer.alloc(1024, 0x20),
    );

    // Assess
    expect(answer.status).toBe(403);
  });

  it('answers 404 for an unknown path before the body has arrived', async () => {
    // Prepare
    gateway = await startGateway({});

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/nowhere',
      { authorization: 'Bearer t', 'transfer-encoding': 'chunked' },
      Buffer.alloc(1024, 0x20),
    );

    // Assess
    expect(answer.status).toBe(404);
  });

  it('answers 413 from the declared length before reading any of the body', async () => {
    // Prepare
    const authorizer = vi.fn(unauthorized);
    gateway = await startGateway({ authorizer, maxBodyBytes: MB });

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/plans',
      { authorization: 'Bearer t', 'content-length': String(MB + 1) },
      Buffer.alloc(0),
    );

    // Assess
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, title: 'Content Too Large' });
    expect(authorizer).not.toHaveBeenCalled();
  });

  it('answers 413 as soon as a body without a length passes the limit', async () => {
    // Prepare
    const importPlan = vi.fn(echoEvent);
    gateway = await startGateway({ handlers: { importPlan }, maxBodyBytes: MB });

    // Act
    const answer = await sendUnfinished(
      gateway.baseUrl,
      '/plans',
      { authorization: 'Bearer t', 'transfer-encoding': 'chunked' },
      Buffer.alloc(MB + 1, 0x20),
    );

    // Assess
    expect(answer.status).toBe(413);
    expect(importPlan).not.toHaveBeenCalled();
  });
});
