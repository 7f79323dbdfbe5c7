/**
 * The middy stack every API handler runs in: Powertools context and metrics; normalised
 * headers; a body-size limit; JSON parsing; text in NFC; and one error mapper that turns
 * every failure into problem+json (4xx with detail, 5xx generic and logged).
 * Validation messages are Vietnamese: the people who read them are Vietnamese officials.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod';
import { vi as vietnamese } from 'zod/locales';
import { logger, metrics } from '#shared/observability.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { inlineResponse } from './downloads.ts';
import { INTERNAL_ERROR, problem, problemFor, problemResponse } from './problem.ts';
import { unicodeText } from './unicode-text.ts';

// zod's messages for every schema the handlers check (custom messages aside), once.
z.config(vietnamese());

export const MAX_BODY_BYTES = 64 * 1024;

export type ApiHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

function bodyLimit(maxBytes: number): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: ({ event }) => {
      if (event.body == null) return;
      const bytes = event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').byteLength
        : Buffer.byteLength(event.body, 'utf8');
      if (bytes > maxBytes) {
        throw Object.assign(new Error(`body of ${bytes} bytes exceeds ${maxBytes}`), {
          statusCode: 413,
        });
      }
    },
  };
}

/**
 * A body sent as bytes (API Gateway base64-encodes non-text content) must be valid UTF-8:
 * decoding would otherwise store U+FFFD in place of what the agency sent.
 */
function utf8Body(): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    before: ({ event }) => {
      if (event.body == null || !event.isBase64Encoded) return;
      try {
        decoder.decode(Buffer.from(event.body, 'base64'));
      } catch {
        throw new ValidationError('nội dung không phải UTF-8 hợp lệ', [
          { field: 'body', reason: 'không phải UTF-8 hợp lệ' },
        ]);
      }
    },
  };
}

/** Methods whose requests carry a body: a handler serving GET routes too parses only these. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function withBodyOnly(
  middleware: MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    before: async (request) => {
      if (BODY_METHODS.has(request.event.httpMethod)) await middleware.before?.(request);
    },
  };
}

/** JSON.parse keeps "__proto__" as a key, which objects then silently drop: refuse it. */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new Error('không được dùng "__proto__" làm khóa');
  return value;
}

function problemDetails(
  maxBodyBytes: number,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: (request) => {
      const { error } = request;
      const mapped =
        error && 'statusCode' in error && error.statusCode === 413
          ? problem(413, 'body-too-large', `nội dung không được vượt quá ${maxBodyBytes} byte`)
          : problemFor(error);
      if (mapped) {
        logger.info('request refused', {
          status: mapped.status,
          type: mapped.type,
          detail: mapped.detail,
        });
        metrics.addDimensions({ reason: mapped.type.split('/').at(-1) ?? 'unknown' });
        metrics.addMetric('RequestsRefused', MetricUnit.Count, 1);
        request.response = problemResponse(mapped);
      } else {
        logger.error('request failed', error as Error);
        request.response = problemResponse(INTERNAL_ERROR);
      }
    },
  };
}

/**
 * Wraps a handler in the API stack; `json` parses the body (POST routes); `maxBodyBytes`
 * limits a body the handler reads itself (a file).
 */
export function httpApi(
  handler: ApiHandler,
  options: { json?: boolean; maxBodyBytes?: number } = {},
) {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const stack = middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(
      injectLambdaContext(logger, {
        correlationIdPath: 'requestContext.requestId',
        resetKeys: true,
      }),
    )
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(problemDetails(maxBodyBytes))
    .use(httpHeaderNormalizer());
  if (options.json || options.maxBodyBytes !== undefined) stack.use(bodyLimit(maxBodyBytes));
  if (options.json)
    stack.use(utf8Body()).use(withBodyOnly(httpJsonBodyParser({ reviver: refusePrototypeKeys })));
  return stack.use(unicodeText()).handler(handler);
}

export const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';

export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': JSON_MEDIA_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

/** A file download: bytes base64-encoded, as API Gateway wants a binary body. */
export function file(
  bytes: Uint8Array,
  mediaType: string,
  fileName: string,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return inlineResponse({ body: bytes, contentType: mediaType, fileName, headers });
}
