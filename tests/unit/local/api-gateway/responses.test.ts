import { describe, expect, it } from 'vitest';
import {
  acceptsBinary,
  fromProxyResult,
  GATEWAY_PROBLEMS,
  problemResponse,
} from '#infra/local/api-gateway/responses.ts';

describe('fromProxyResult', () => {
  it('keeps the status and body, and merges headers with multiValueHeaders winning', () => {
    // Prepare
    const result = {
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'a=1', 'X-Count': 2 },
      multiValueHeaders: { 'set-cookie': ['b=2', 'c=3'], Vary: ['Accept', 'Origin'] },
      body: '{"id":"r-1"}',
    };

    // Act
    const converted = fromProxyResult(result);

    // Assess
    expect(converted).toEqual({
      response: {
        statusCode: 201,
        headers: {
          'Content-Type': 'application/json',
          'set-cookie': ['b=2', 'c=3'],
          'X-Count': '2',
          Vary: ['Accept', 'Origin'],
        },
        body: Buffer.from('{"id":"r-1"}'),
      },
    });
  });

  it('decodes a base64 body', () => {
    // Prepare
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]);
    const result = {
      statusCode: 200,
      headers: { 'Content-Type': 'application/pdf' },
      body: bytes.toString('base64'),
      isBase64Encoded: true,
    };

    // Act
    const converted = fromProxyResult(result);

    // Assess
    expect(converted).toMatchObject({ response: { body: bytes } });
  });

  it('defaults the content type to application/json and accepts a numeric-string status', () => {
    // Act
    const converted = fromProxyResult({ statusCode: '204', body: '' });

    // Assess
    expect(converted).toEqual({
      response: {
        statusCode: 204,
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.alloc(0),
      },
    });
  });

  it('renames framing headers the way API Gateway remaps them', () => {
    // Act
    const converted = fromProxyResult({
      statusCode: 200,
      headers: { Connection: 'close', 'Content-Length': '999', 'content-type': 'text/plain' },
      body: 'ok',
    });

    // Assess
    expect(converted).toMatchObject({
      response: {
        headers: {
          'x-amzn-Remapped-Connection': 'close',
          'x-amzn-Remapped-Content-Length': '999',
          'content-type': 'text/plain',
        },
      },
    });
  });

  it.each([
    { what: 'undefined', result: undefined },
    { what: 'a string', result: 'ok' },
    { what: 'no status code', result: { body: 'ok' } },
    { what: 'a status out of range', result: { statusCode: 99, body: '' } },
    { what: 'an object body', result: { statusCode: 200, body: { id: 1 } } },
    { what: 'a nested header value', result: { statusCode: 200, headers: { a: {} }, body: '' } },
    {
      what: 'a non-array multi value',
      result: { statusCode: 200, multiValueHeaders: { a: 'x' }, body: '' },
    },
  ])('calls $what malformed', ({ result }) => {
    // Act
    const converted = fromProxyResult(result);

    // Assess
    expect(converted).toHaveProperty('malformed');
  });
});

describe('problemResponse', () => {
  it('writes an RFC 9457 problem with the extra headers', () => {
    // Act
    const response = problemResponse(GATEWAY_PROBLEMS.methodNotAllowed, 'Use GET.', {
      Allow: 'GET',
    });

    // Assess
    expect(response.statusCode).toBe(405);
    expect(response.headers).toEqual({ 'Content-Type': 'application/problem+json', Allow: 'GET' });
    expect(JSON.parse(response.body.toString())).toEqual({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'Use GET.',
      message: 'Method Not Allowed',
    });
  });

  it("keeps API Gateway's default message on a 502", () => {
    // Act
    const response = problemResponse(GATEWAY_PROBLEMS.badGateway, 'Internal server error');

    // Assess
    expect(JSON.parse(response.body.toString())).toMatchObject({
      status: 502,
      message: 'Internal server error',
    });
  });
});

describe('acceptsBinary', () => {
  const types = ['application/vnd.ms-excel', 'image/*'];

  it.each([
    ['application/vnd.ms-excel', true],
    ['Application/VND.ms-excel; q=0.9, text/html', true],
    ['image/png', true],
    ['text/html, application/vnd.ms-excel', false],
    ['*/*', false],
    [undefined, false],
  ])('Accept %j → %s', (accept, expected) => {
    // Prepare: the binary media types. Act
    const result = acceptsBinary(accept, types);

    // Assess
    expect(result).toBe(expected);
  });

  it('takes every type as binary when the API lists */*', () => {
    // Prepare: nothing. Act
    const result = acceptsBinary('text/html', ['*/*']);

    // Assess
    expect(result).toBe(true);
  });
});
