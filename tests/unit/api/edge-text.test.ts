/**
 * Text at the API's edge: one Unicode form (NFC) for every string and key of a JSON body
 * and for query and path parameters, so the same words are the same request whichever form
 * a client sends; and validation messages a person reads in Vietnamese, naming the field.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { httpApi, json } from '#functions/api/http/middleware.ts';
import { parsePart } from '#functions/api/http/request.ts';
import { apiEvent, lambdaContext } from '../../support/api-event.ts';

const NFC = 'Mưa lũ kéo dài ở Hữu Liên';
const NFD = NFC.normalize('NFD');

/** A handler that answers with what it received, after the edge's middlewares. */
const echo = (options: { json?: boolean } = {}) =>
  httpApi(
    async (event: APIGatewayProxyEvent) =>
      json(200, {
        body: event.body as unknown,
        query: event.queryStringParameters,
        multiQuery: event.multiValueQueryStringParameters,
        path: event.pathParameters,
      }),
    options,
  );

describe('text at the edge', () => {
  it('turns every string and key of a JSON body into NFC, numbers and the rest untouched', async () => {
    // Prepare
    const body = {
      narrative: NFD,
      [NFD]: [NFD, 1.5, true, null, { [`khóa ${NFD}`]: NFD }],
    };
    expect(NFD).not.toBe(NFC);

    // Act
    const response = await echo({ json: true })(
      apiEvent({ method: 'POST', resource: '/plans', body }),
      lambdaContext(),
    );

    // Assess
    expect(JSON.parse(response.body).body).toEqual({
      narrative: NFC,
      [NFC]: [NFC, 1.5, true, null, { [`khóa ${NFC}`]: NFC }],
    });
  });

  it('turns query and path parameters into NFC', async () => {
    // Prepare
    const event = apiEvent({
      resource: '/agencies/{agencyId}/tasks',
      pathParameters: { agencyId: NFD },
      query: { [NFD]: NFD },
    });
    event.multiValueQueryStringParameters = { [NFD]: [NFD, NFD] };

    // Act
    const response = await echo()(event, lambdaContext());

    // Assess
    const received = JSON.parse(response.body);
    expect(received.path).toEqual({ agencyId: NFC });
    expect(received.query).toEqual({ [NFC]: NFC });
    expect(received.multiQuery).toEqual({ [NFC]: [NFC, NFC] });
  });
});

describe('validation messages', () => {
  const schema = z.strictObject({
    status: z.enum(['on_track', 'delayed']),
    percentComplete: z.number(),
  });
  const validate = httpApi(
    async (event) => json(200, parsePart(schema, event.body as unknown, 'body')),
    { json: true },
  );

  it('are Vietnamese and name the field', async () => {
    // Act
    const response = await validate(
      apiEvent({
        method: 'POST',
        resource: '/plans',
        body: { status: 'late', percentComplete: 'x' },
      }),
      lambdaContext(),
    );

    // Assess
    const problem = JSON.parse(response.body);
    expect(response.statusCode).toBe(400);
    expect(problem.errors).toEqual([
      { field: 'body.status', reason: expect.stringContaining('không hợp lệ') },
      { field: 'body.percentComplete', reason: expect.stringContaining('không hợp lệ') },
    ]);
    expect(problem.detail).toContain('body.status');
    expect(problem.detail).not.toMatch(/invalid|expected/i);
  });
});
