import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenAuthorizerHandler } from '#infra/local/api-gateway/authorizer.ts';
import type { ProxyHandler } from '#infra/local/api-gateway/http-gateway.ts';
import {
  allowAll,
  echoEvent,
  policy,
  silentLogger,
  startGateway,
  type RunningGateway,
} from './gateway-fixtures.ts';

let gateway: RunningGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('createHttpGateway: routing and responses', () => {
  it('round-trips a JSON POST into a 201 with a JSON body', async () => {
    // Prepare
    const submitReport: ProxyHandler = async (event) => ({
      statusCode: 201,
      headers: {
        'Content-Type': 'application/json',
        Location: `/tasks/${event.pathParameters?.taskId}/reports/r-1`,
      },
      body: JSON.stringify({
        received: JSON.parse(event.body ?? 'null'),
        requestId: event.requestContext.requestId,
      }),
    });
    gateway = await startGateway({ handlers: { submitReport } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks/KH266-I-1.1/reports`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'on-track', percentComplete: 40 }),
    });

    // Assess
    const body = await json(response);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('location')).toBe('/tasks/KH266-I-1.1/reports/r-1');
    expect(body.received).toEqual({ status: 'on-track', percentComplete: 40 });
    expect(response.headers.get('x-amzn-requestid')).toBe(body.requestId);
    expect(response.headers.get('x-request-id')).toBe(body.requestId);
  });

  it('serves the same route under the stage prefix', async () => {
    // Prepare
    gateway = await startGateway({ handlers: { readRegistry: echoEvent } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/local/plans/KH266?year=2026`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    const event = (await json(response)) as unknown as APIGatewayProxyEvent;
    expect(response.status).toBe(200);
    expect(event.resource).toBe('/plans/{code}');
    expect(event.path).toBe('/plans/KH266');
    expect(event.requestContext.path).toBe('/local/plans/KH266');
    expect(event.queryStringParameters).toEqual({ year: '2026' });
  });

  it('passes a binary body in and out as base64', async () => {
    // Prepare
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);
    const importPlan: ProxyHandler = async (event) => ({
      statusCode: 200,
      headers: { 'Content-Type': 'application/octet-stream' },
      body: event.isBase64Encoded ? (event.body ?? '') : 'not base64',
      isBase64Encoded: true,
    });
    gateway = await startGateway({
      handlers: { importPlan },
      binaryMediaTypes: ['application/octet-stream'],
    });

    // Act
    const response = await fetch(`${gateway.baseUrl}/plans`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer t',
        'Content-Type': 'application/octet-stream',
        Accept: 'application/octet-stream',
      },
      body: bytes,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers a base64 result as its text when the first Accept type is not binary', async () => {
    // Prepare
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]);
    const readRollups: ProxyHandler = async () => ({
      statusCode: 200,
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    });
    gateway = await startGateway({
      handlers: { readRollups },
      binaryMediaTypes: ['application/octet-stream'],
    });

    // Act: a browser's Accept, whose first type is text/html
    const response = await fetch(`${gateway.baseUrl}/rollups/2026-Q3`, {
      headers: { Authorization: 'Bearer t', Accept: 'text/html,application/octet-stream' },
    });

    // Assess
    expect(await response.text()).toBe(bytes.toString('base64'));
  });

  it('hands the handler a Lambda context shaped like the declared function', async () => {
    // Prepare
    let seen: Context | undefined;
    const openApi: ProxyHandler = async (_event, context) => {
      seen = context;
      return { statusCode: 200, body: '{}' };
    };
    gateway = await startGateway({ handlers: { openApi } });

    // Act
    await fetch(`${gateway.baseUrl}/openapi.json`);

    // Assess
    expect(seen).toMatchObject({
      functionName: 'local-openApi',
      memoryLimitInMB: '256',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:local-openApi',
    });
    expect(seen?.getRemainingTimeInMillis()).toBeGreaterThan(4_000);
    expect(seen?.getRemainingTimeInMillis()).toBeLessThanOrEqual(5_000);
  });

  it('answers 502 problem+json when the handler throws, and logs the error', async () => {
    // Prepare
    const logger = silentLogger();
    const readTasks: ProxyHandler = async () => {
      throw new Error('DynamoDB is down');
    };
    gateway = await startGateway({ handlers: { readTasks }, logger });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await json(response)).toMatchObject({ status: 502, message: 'Internal server error' });
    expect(logger.error).toHaveBeenCalledWith(
      'Lambda handler failed',
      expect.objectContaining({
        handler: 'readTasks',
        error: expect.objectContaining({ message: 'DynamoDB is down' }),
      }),
    );
  });

  it('answers 502 when the handler returns a malformed result', async () => {
    // Prepare
    const readTasks = (async () => ({ body: 'no status' })) as unknown as ProxyHandler;
    gateway = await startGateway({ handlers: { readTasks } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    expect(response.status).toBe(502);
    expect(await json(response)).toMatchObject({ title: 'Bad Gateway' });
  });

  it('answers 502 when the function runs past its Lambda timeout', async () => {
    // Prepare
    const readTasks: ProxyHandler = () => new Promise(() => undefined);
    gateway = await startGateway({
      handlers: { readTasks },
      lambdaSettings: (name) => ({ functionName: name, memoryMb: 128, timeoutSeconds: 0.05 }),
    });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    expect(response.status).toBe(502);
  });

  it('answers 504 past the integration timeout', async () => {
    // Prepare
    const readTasks: ProxyHandler = () => new Promise(() => undefined);
    gateway = await startGateway({ handlers: { readTasks }, integrationTimeoutMs: 50 });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    expect(response.status).toBe(504);
    expect(await json(response)).toMatchObject({ message: 'Endpoint request timed out' });
  });

  it('answers 404 problem+json for an unknown path', async () => {
    // Prepare
    gateway = await startGateway({});

    // Act
    const response = await fetch(`${gateway.baseUrl}/reports/unknown`);

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await json(response)).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
    });
  });

  it('answers 405 with Allow for a method the resource does not declare', async () => {
    // Prepare
    gateway = await startGateway({});

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks/KH266-I-1/reports`, {
      method: 'DELETE',
    });

    // Assess
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await json(response)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('answers 413 for a body over the limit without invoking the handler', async () => {
    // Prepare
    const importPlan = vi.fn(echoEvent);
    gateway = await startGateway({ handlers: { importPlan } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/plans`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'text/csv' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ status: 413 });
    expect(importPlan).not.toHaveBeenCalled();
  });

  it('accepts a body at exactly the limit', async () => {
    // Prepare
    gateway = await startGateway({ handlers: { importPlan: echoEvent }, maxBodyBytes: 8 });

    // Act
    const response = await fetch(`${gateway.baseUrl}/plans`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'text/plain' },
      body: '12345678',
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ body: '12345678' });
  });

  it('writes one access-log line per request', async () => {
    // Prepare
    const logger = silentLogger();
    gateway = await startGateway({ logger });

    // Act
    await fetch(`${gateway.baseUrl}/nowhere?token=secret`);

    // Assess
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Access',
      expect.objectContaining({
        method: 'GET',
        path: '/nowhere',
        status: 404,
        latencyMs: expect.any(Number),
      }),
    );
  });
});

describe('createHttpGateway: the TOKEN authorizer', () => {
  it('answers 401 without calling the authorizer when there is no Authorization header', async () => {
    // Prepare
    const authorizer = vi.fn(allowAll());
    gateway = await startGateway({ authorizer, handlers: { readTasks: echoEvent } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`);

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await json(response)).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(authorizer).not.toHaveBeenCalled();
  });

  it("answers 401 when the authorizer throws Error('Unauthorized')", async () => {
    // Prepare
    const authorizer: TokenAuthorizerHandler = async () => {
      throw new Error('Unauthorized');
    };
    const readTasks = vi.fn(echoEvent);
    gateway = await startGateway({ authorizer, handlers: { readTasks } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer revoked' },
    });

    // Assess
    expect(response.status).toBe(401);
    expect(readTasks).not.toHaveBeenCalled();
  });

  it('answers 500 when the authorizer fails otherwise', async () => {
    // Prepare
    const authorizer: TokenAuthorizerHandler = async () => {
      throw new Error('cannot reach the table');
    };
    gateway = await startGateway({ authorizer });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks`, {
      headers: { Authorization: 'Bearer t' },
    });

    // Assess
    expect(response.status).toBe(500);
  });

  it('answers 403 on a Deny for the method ARN', async () => {
    // Prepare
    const authorizer: TokenAuthorizerHandler = async (event) => policy('Deny', event.methodArn);
    const importPlan = vi.fn(echoEvent);
    gateway = await startGateway({ authorizer, handlers: { importPlan } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/plans`, {
      method: 'POST',
      headers: { Authorization: 'Bearer agency-token' },
      body: '{}',
    });

    // Assess
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({
      status: 403,
      detail: 'User is not authorized to access this resource with an explicit deny',
    });
    expect(importPlan).not.toHaveBeenCalled();
  });

  it("passes the authorizer's principal and context to the handler on Allow", async () => {
    // Prepare
    const authorizer: TokenAuthorizerHandler = async (event) =>
      policy('Allow', event.methodArn, 'agency-so-nn', {
        role: 'agency',
        agencyId: 'so-nn',
        version: 2,
      });
    gateway = await startGateway({ authorizer, handlers: { readTasks: echoEvent } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/tasks/KH266-I-1.1`, {
      headers: { Authorization: 'Bearer agency-token' },
    });

    // Assess
    const event = (await json(response)) as unknown as APIGatewayProxyEvent;
    expect(response.status).toBe(200);
    expect(event.requestContext.authorizer).toEqual({
      principalId: 'agency-so-nn',
      role: 'agency',
      agencyId: 'so-nn',
      version: '2',
      integrationLatency: expect.any(Number),
    });
  });

  it('calls the authorizer once for repeated requests with one token', async () => {
    // Prepare
    const authorizer = vi.fn(allowAll({ role: 'viewer' }));
    gateway = await startGateway({ authorizer, handlers: { readTasks: echoEvent } });
    const headers = { Authorization: 'Bearer viewer-token' };

    // Act
    const first = await fetch(`${gateway.baseUrl}/tasks`, { headers });
    const second = await fetch(`${gateway.baseUrl}/tasks/KH266-I-1.1`, { headers });

    // Assess
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(authorizer).toHaveBeenCalledTimes(1);
    expect(authorizer).toHaveBeenCalledWith(
      expect.objectContaining({
        authorizationToken: 'Bearer viewer-token',
        methodArn: 'arn:aws:execute-api:local:000000000000:local/local/GET/tasks',
      }),
      expect.anything(),
    );
  });

  it('does not run the authorizer on a public route', async () => {
    // Prepare
    const authorizer = vi.fn(allowAll());
    gateway = await startGateway({ authorizer, handlers: { openApi: echoEvent } });

    // Act
    const response = await fetch(`${gateway.baseUrl}/openapi.json`);

    // Assess
    expect(response.status).toBe(200);
    expect(authorizer).not.toHaveBeenCalled();
  });
});

describe('closeGracefully', () => {
  it('waits for a request in flight, then stops accepting connections', async () => {
    // Prepare
    let markStarted: () => void = () => undefined;
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const openApi: ProxyHandler = () =>
      new Promise((resolve) => {
        markStarted();
        release = () => resolve({ statusCode: 200, body: '{"done":true}' });
      });
    const running = await startGateway({ handlers: { openApi } });
    const inFlight = fetch(`${running.baseUrl}/openapi.json`);
    await started;

    // Act
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closedWhileInFlight = closed;
    release();
    const response = await inFlight;
    await closing;

    // Assess
    expect(closedWhileInFlight).toBe(false);
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ done: true });
    await expect(fetch(`${running.baseUrl}/openapi.json`)).rejects.toThrow();
  });
});
