/**
 * API Gateway's own error responses as RFC 9457 problem details, like the handlers' and
 * the local runtime's (infra/local/api-gateway/responses.ts). Gateway response templates
 * are plain substitution, not VTL, so nothing can be computed per request: every
 * response type gets its own entry with a fixed status, and the two DEFAULT_* fallbacks
 * get one too, so the body's `status` always equals the status line.
 */
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface GatewayProblemSpec {
  readonly type: ResponseType;
  readonly status: number;
  readonly title: string;
  /** A fixed detail; by default API Gateway's own message for the error. */
  readonly detail?: string;
  /** Extra headers, as literal values. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Every response type API Gateway has, with the status it answers. */
export const GATEWAY_PROBLEM_SPECS: readonly GatewayProblemSpec[] = [
  { type: ResponseType.BAD_REQUEST_BODY, status: 400, title: 'Bad Request' },
  { type: ResponseType.BAD_REQUEST_PARAMETERS, status: 400, title: 'Bad Request' },
  {
    type: ResponseType.UNAUTHORIZED,
    status: 401,
    title: 'Unauthorized',
    detail: 'A valid bearer token is required in the Authorization header.',
    // RFC 9110: a 401 names the scheme it wants; the local gateway sends the same.
    headers: { 'WWW-Authenticate': 'Bearer' },
  },
  { type: ResponseType.ACCESS_DENIED, status: 403, title: 'Forbidden' },
  { type: ResponseType.EXPIRED_TOKEN, status: 403, title: 'Forbidden' },
  { type: ResponseType.INVALID_API_KEY, status: 403, title: 'Forbidden' },
  { type: ResponseType.INVALID_SIGNATURE, status: 403, title: 'Forbidden' },
  { type: ResponseType.WAF_FILTERED, status: 403, title: 'Forbidden' },
  {
    // API Gateway answers an unknown path or method with 403 "Missing Authentication
    // Token", which sends callers hunting for a token problem; it is a 404.
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    status: 404,
    title: 'Not Found',
    detail: 'No resource matches this method and path.',
  },
  { type: ResponseType.RESOURCE_NOT_FOUND, status: 404, title: 'Not Found' },
  { type: ResponseType.REQUEST_TOO_LARGE, status: 413, title: 'Content Too Large' },
  { type: ResponseType.UNSUPPORTED_MEDIA_TYPE, status: 415, title: 'Unsupported Media Type' },
  { type: ResponseType.THROTTLED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.QUOTA_EXCEEDED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.DEFAULT_4XX, status: 400, title: 'Bad Request' },
  { type: ResponseType.API_CONFIGURATION_ERROR, status: 500, title: 'Internal Server Error' },
  {
    type: ResponseType.AUTHORIZER_CONFIGURATION_ERROR,
    status: 500,
    title: 'Internal Server Error',
  },
  {
    type: ResponseType.AUTHORIZER_FAILURE,
    status: 500,
    title: 'Internal Server Error',
    detail: 'The authorizer failed.',
  },
  { type: ResponseType.INTEGRATION_FAILURE, status: 504, title: 'Gateway Timeout' },
  { type: ResponseType.INTEGRATION_TIMEOUT, status: 504, title: 'Gateway Timeout' },
  // What reaches DEFAULT_5XX once every 5XX type above has its own entry: a handler that
  // crashed or answered a malformed proxy result, which API Gateway reports as 502.
  { type: ResponseType.DEFAULT_5XX, status: 502, title: 'Bad Gateway' },
];

/** `$context.error.messageString` is API Gateway's message already quoted as JSON. */
export function problemTemplate(spec: GatewayProblemSpec): string {
  const detail =
    spec.detail === undefined ? '$context.error.messageString' : JSON.stringify(spec.detail);
  return (
    `{"type":"about:blank","title":${JSON.stringify(spec.title)},"status":${spec.status},` +
    `"detail":${detail},"message":$context.error.messageString}`
  );
}

/** Literal header values are written in single quotes in gateway response parameters. */
const literal = (value: string): string => `'${value}'`;

export function addProblemGatewayResponses(api: RestApi): void {
  for (const spec of GATEWAY_PROBLEM_SPECS) {
    api.addGatewayResponse(`Problem${spec.type.responseType}`, {
      type: spec.type,
      statusCode: String(spec.status),
      responseHeaders: Object.fromEntries(
        Object.entries({ 'Content-Type': PROBLEM_CONTENT_TYPE, ...spec.headers }).map(
          ([name, value]) => [name, literal(value)],
        ),
      ),
      // API Gateway picks the template by the request's Accept header and falls back to
      // application/json; the Content-Type header above is what the client sees.
      templates: { 'application/json': problemTemplate(spec) },
    });
  }
}
