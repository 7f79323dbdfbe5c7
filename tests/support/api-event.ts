/** API Gateway REST proxy events and Lambda contexts for handler tests. */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { toAuthorizerContext, type Caller } from '#shared/domain/access/caller.ts';

export const agencyCaller = (agencyId: string, memberOf: string[] = []): Caller => ({
  tokenId: `tok_${agencyId}`,
  role: 'agency',
  agencyId,
  actsFor: [agencyId, ...memberOf],
  person: null,
});

export interface ApiEventInput {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  caller?: Caller;
}

export function apiEvent(input: ApiEventInput): APIGatewayProxyEvent {
  const path = Object.entries(input.pathParameters ?? {}).reduce(
    (p, [name, value]) => p.replace(`{${name}}`, encodeURIComponent(value)),
    input.resource,
  );
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...input.headers,
  };
  const body =
    input.body === undefined
      ? null
      : typeof input.body === 'string'
        ? input.body
        : JSON.stringify(input.body);
  return {
    resource: input.resource,
    path,
    httpMethod: input.method ?? 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: input.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      authorizer: input.caller
        ? { principalId: input.caller.tokenId, ...toAuthorizerContext(input.caller) }
        : null,
      httpMethod: input.method ?? 'GET',
      identity: {
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: `/test${path}`,
      protocol: 'HTTP/1.1',
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      requestTime: '24/Nov/2026:06:49:02 +0000',
      requestTimeEpoch: Date.parse('2026-11-24T06:49:02Z'),
      resourceId: 'test',
      resourcePath: input.resource,
      stage: 'test',
    },
  };
}

export function lambdaContext(functionName = 'test-function'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `aws-${Math.random().toString(36).slice(2)}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
