/**
 * One error mapper for every API handler: RFC 9457 problem details.
 * 4xx carry what went wrong and which fields; 5xx say nothing beyond "internal error"
 * (the details go to the logs only). Written by hand because @middy/http-error-handler
 * answers in plain text, not application/problem+json.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { DomainError, type DomainErrorKind, type FieldProblem } from '#shared/domain/errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://langson-progress.example/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  /** RFC 9457 extension members, e.g. an import's unresolved names. */
  [extension: string]: unknown;
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  'not-found': 404,
  forbidden: 403,
  invalid: 400,
  unprocessable: 422,
  conflict: 409,
  'too-large': 413,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
): Problem {
  return {
    type: `${TYPE_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** An error thrown by a middy middleware (`createError` of @middy/util). */
interface MiddyHttpError {
  statusCode: number;
  message: string;
  expose?: boolean;
  cause?: { package?: string; message?: string };
}

function isMiddyHttpError(error: unknown): error is MiddyHttpError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    typeof error.statusCode === 'number'
  );
}

/** AWS SDK errors that mean "slow down and retry", not "broken". */
const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TimeoutError',
]);

/** The problem for an error, or null for one that must become a generic 500. */
export function problemFor(error: unknown): Problem | null {
  if (error instanceof Error && THROTTLING.has(error.name)) {
    return problem(
      503,
      'temporarily-unavailable',
      'dịch vụ đang bận; hãy gửi lại với cùng Idempotency-Key',
    );
  }
  if (error instanceof DomainError) {
    return {
      ...error.extensions,
      ...problem(STATUS_OF[error.kind], error.code, error.message, error.fields),
    };
  }
  if (isMiddyHttpError(error) && error.statusCode < 500) {
    // @middy/http-json-body-parser answers malformed JSON with 415; it is a bad request.
    if (error.message === 'Invalid or malformed JSON was provided') {
      const reason = error.cause?.message ?? 'không phải JSON hợp lệ';
      return problem(400, 'malformed-json', `nội dung không phải JSON hợp lệ: ${reason}`, [
        { field: 'body', reason },
      ]);
    }
    if (error.statusCode === 415) {
      return problem(415, 'unsupported-media-type', 'hãy gửi nội dung dưới dạng application/json', [
        { field: 'header.content-type', reason: 'phải là application/json' },
      ]);
    }
    return problem(error.statusCode, 'http-error', error.message);
  }
  return null;
}

export function problemResponse(
  p: Problem,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(p),
  };
}

export const INTERNAL_ERROR = problem(
  500,
  'internal-error',
  'không thể hoàn tất yêu cầu; lỗi đã được ghi lại',
);
