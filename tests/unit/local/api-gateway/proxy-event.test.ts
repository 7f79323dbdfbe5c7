import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import { describe, expect, it } from 'vitest';
import type { AuthorizedPrincipal } from '#infra/local/api-gateway/authorizer.ts';
import {
  formatRequestTime,
  toProxyEvent,
  type GatewayRequest,
} from '#infra/local/api-gateway/proxy-event.ts';
import { compileRoutes, type RouteMatch } from '#infra/local/api-gateway/route-matcher.ts';
import { ROUTES } from '#shared/platform/routes.ts';

const NOW = new Date('2026-11-24T06:49:02.345Z');
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);

function matchOf(method: string, path: string): RouteMatch {
  const result = compileRoutes(ROUTES).match(method, path);
  if ('error' in result) throw new Error(`no route for ${method} ${path}`);
  return result;
}

function request(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'POST',
    url: '/tasks/KH266%20I-1.1/reports?tag=a&tag=b%20c&period=2026-Q4&flag',
    headers: {
      host: '127.0.0.1:3000',
      'content-type': 'image/png',
      'user-agent': 'curl/8.5.0',
      accept: 'application/json',
      'x-trace': ['one', 'two'],
    },
    body: BINARY,
    remoteAddress: '::ffff:127.0.0.1',
    httpVersion: '1.1',
    ...overrides,
  };
}

const PRINCIPAL: AuthorizedPrincipal = {
  principalId: 'agency-so-nn',
  context: { role: 'agency', agencyId: 'so-nn', tokenVersion: '3' },
  integrationLatency: 12,
};

describe('toProxyEvent', () => {
  it('builds the REST proxy event field by field', () => {
    // Prepare
    const match = matchOf('POST', '/tasks/KH266%20I-1.1/reports');

    // Act
    const event = toProxyEvent(request(), match, PRINCIPAL, {
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      extendedRequestId: 'JqD9dFVnoAMFUdw=',
      now: NOW,
    });

    // Assess
    expect(event.resource).toBe('/tasks/{taskId}/reports');
    expect(event.path).toBe('/tasks/KH266%20I-1.1/reports');
    expect(event.httpMethod).toBe('POST');
    expect(event.pathParameters).toEqual({ taskId: 'KH266 I-1.1' });
    expect(event.queryStringParameters).toEqual({ tag: 'b c', period: '2026-Q4', flag: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      tag: ['a', 'b c'],
      period: ['2026-Q4'],
      flag: [''],
    });
    expect(event.stageVariables).toBeNull();
    expect(event.headers).toMatchObject({ 'x-trace': 'two', 'user-agent': 'curl/8.5.0' });
    expect(event.multiValueHeaders).toMatchObject({ 'x-trace': ['one', 'two'] });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(BINARY);
    expect(event.requestContext).toEqual({
      accountId: '000000000000',
      apiId: 'local',
      authorizer: {
        role: 'agency',
        agencyId: 'so-nn',
        tokenVersion: '3',
        principalId: 'agency-so-nn',
        integrationLatency: 12,
      },
      domainName: '127.0.0.1:3000',
      domainPrefix: '127',
      extendedRequestId: 'JqD9dFVnoAMFUdw=',
      httpMethod: 'POST',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '127.0.0.1',
        user: null,
        userAgent: 'curl/8.5.0',
        userArn: null,
      },
      path: '/local/tasks/KH266%20I-1.1/reports',
      protocol: 'HTTP/1.1',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTime: '24/Nov/2026:06:49:02 +0000',
      requestTimeEpoch: NOW.getTime(),
      resourceId: expect.stringMatching(/^[0-9a-f]{6}$/),
      resourcePath: '/tasks/{taskId}/reports',
      stage: 'local',
    });
  });

  it('adds the forwarding headers API Gateway adds, appending to a client chain', () => {
    // Prepare
    const headers = { host: 'localhost', 'x-forwarded-for': '10.0.0.7' };

    // Act
    const event = toProxyEvent(request({ headers }), matchOf('GET', '/tasks'));

    // Assess
    expect(event.headers['X-Forwarded-For']).toBe('10.0.0.7, 127.0.0.1');
    expect(event.headers).not.toHaveProperty('x-forwarded-for');
    expect(event.headers['X-Forwarded-Proto']).toBe('http');
    expect(event.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it("keeps the client's header spelling and every repeated value from rawHeaders", () => {
    // Prepare
    const rawHeaders = ['Host', 'localhost', 'Accept', 'text/html', 'accept', 'application/json'];

    // Act
    const event = toProxyEvent(request({ rawHeaders }), matchOf('GET', '/tasks'));

    // Assess
    expect(event.headers).toMatchObject({ Host: 'localhost', Accept: 'application/json' });
    expect(event.multiValueHeaders).toMatchObject({ Accept: ['text/html', 'application/json'] });
    expect(event.headers).not.toHaveProperty('accept');
  });

  it('gives null parameters and body for a bare GET, and no authorizer on a public route', () => {
    // Prepare
    const bare = request({ method: 'GET', url: '/openapi.json', body: Buffer.alloc(0) });

    // Act
    const event = toProxyEvent(bare, matchOf('GET', '/openapi.json'));

    // Assess
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it.each([
    'application/json; charset=utf-8',
    'application/problem+json',
    'text/csv',
    'application/xml',
    'application/x-www-form-urlencoded',
  ])('passes a %s body as a UTF-8 string', (contentType) => {
    // Prepare
    const body = Buffer.from('{"narrative":"Đạt 89,3% kế hoạch"}');
    const headers = { host: 'localhost', 'content-type': contentType };

    // Act
    const event = toProxyEvent(request({ headers, body }), matchOf('GET', '/tasks'));

    // Assess
    expect(event.body).toBe('{"narrative":"Đạt 89,3% kế hoạch"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a textual content type whose bytes are not valid UTF-8', () => {
    // Prepare
    const headers = { host: 'localhost', 'content-type': 'application/json' };

    // Act
    const event = toProxyEvent(request({ headers, body: BINARY }), matchOf('GET', '/tasks'));

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(BINARY.toString('base64'));
  });

  it("satisfies Powertools' API Gateway proxy event schema", () => {
    // Prepare
    const match = matchOf('POST', '/tasks/KH266%20I-1.1/reports');

    // Act
    const parsed = APIGatewayProxyEventSchema.safeParse(toProxyEvent(request(), match, PRINCIPAL));

    // Assess
    expect(parsed.error).toBeUndefined();
  });
});

describe('formatRequestTime', () => {
  it.each([
    { iso: '2026-11-24T06:49:02.999Z', expected: '24/Nov/2026:06:49:02 +0000' },
    { iso: '2027-01-05T23:04:09.000Z', expected: '05/Jan/2027:23:04:09 +0000' },
  ])('formats $iso as $expected', ({ iso, expected }) => {
    // Act
    const formatted = formatRequestTime(new Date(iso));

    // Assess
    expect(formatted).toBe(expected);
  });
});
