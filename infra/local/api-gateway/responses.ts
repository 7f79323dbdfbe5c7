/**
 * The two kinds of response the gateway writes: a handler's proxy result, turned into
 * HTTP the way API Gateway does, and the gateway's own errors, as RFC 9457 problem
 * details (the CDK app sets API Gateway's gateway responses to the same bodies).
 */
export type HttpHeaders = Record<string, string | string[]>;

export interface HttpResponse {
  statusCode: number;
  headers: HttpHeaders;
  body: Buffer;
}

export interface GatewayProblem {
  status: number;
  title: string;
  /** API Gateway's gateway response type this stands for, for the CDK app's templates. */
  responseType: string;
  /** API Gateway's default `{"message": …}` text, kept as an extension member. */
  message: string;
}

export const GATEWAY_PROBLEMS = {
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    responseType: 'UNAUTHORIZED',
    message: 'Unauthorized',
  },
  accessDenied: {
    status: 403,
    title: 'Forbidden',
    responseType: 'ACCESS_DENIED',
    message: 'User is not authorized to access this resource',
  },
  // API Gateway answers an unknown path or method with 403 "Missing Authentication
  // Token"; the platform maps that gateway response to 404, and locally a wrong method
  // on a known path says 405 with Allow, which is more useful and costs nothing.
  notFound: {
    status: 404,
    title: 'Not Found',
    responseType: 'MISSING_AUTHENTICATION_TOKEN',
    message: 'Not Found',
  },
  methodNotAllowed: {
    status: 405,
    title: 'Method Not Allowed',
    responseType: 'MISSING_AUTHENTICATION_TOKEN',
    message: 'Method Not Allowed',
  },
  requestTooLarge: {
    status: 413,
    title: 'Content Too Large',
    responseType: 'REQUEST_TOO_LARGE',
    message: 'Request Too Long',
  },
  authorizerFailure: {
    status: 500,
    title: 'Internal Server Error',
    responseType: 'AUTHORIZER_FAILURE',
    message: 'Internal server error',
  },
  badGateway: {
    status: 502,
    title: 'Bad Gateway',
    responseType: 'DEFAULT_5XX',
    message: 'Internal server error',
  },
  integrationTimeout: {
    status: 504,
    title: 'Gateway Timeout',
    responseType: 'INTEGRATION_TIMEOUT',
    message: 'Endpoint request timed out',
  },
} as const satisfies Record<string, GatewayProblem>;

export function problemResponse(
  problem: GatewayProblem,
  detail: string,
  headers: HttpHeaders = {},
): HttpResponse {
  const body = {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail,
    message: problem.message,
  };
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

export type ProxyResultConversion = { response: HttpResponse } | { malformed: string };

/**
 * Headers a proxy result may not set on the wire: API Gateway renames them
 * `x-amzn-Remapped-<name>`, and here they would also break Node's framing.
 */
const REMAPPED = new Set([
  'connection',
  'content-length',
  'date',
  'server',
  'transfer-encoding',
  'upgrade',
  'keep-alive',
]);

/**
 * Whether API Gateway (REST) returns a base64-encoded proxy result as bytes: only when the
 * first media type of the request's Accept header matches one of the API's binary media
 * types (an entry `type/*` or `*\/*` matching a whole kind); otherwise the client gets
 * the base64 text. AWS documents the rule: "API Gateway uses the first Accept header from
 * clients to determine if a response should return binary media".
 */
export function acceptsBinary(
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
): boolean {
  const first = accept?.split(',', 1)[0]?.split(';', 1)[0]?.trim().toLowerCase();
  if (!first) return false;
  const [kind] = first.split('/');
  return binaryMediaTypes.some((entry) => {
    const type = entry.toLowerCase();
    return type === first || type === '*/*' || type === `${kind}/*`;
  });
}

/**
 * The HTTP response for a proxy result. `decodeBase64` says whether a base64 body becomes
 * bytes (`acceptsBinary` for the request), as API Gateway decides per request.
 */
export function fromProxyResult(result: unknown, decodeBase64 = true): ProxyResultConversion {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return { malformed: 'the handler returned no result object' };
  }
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = result as Record<
    string,
    unknown
  >;
  // API Gateway also accepts the status code as a numeric string.
  const status =
    typeof statusCode === 'string' && /^\d+$/.test(statusCode) ? Number(statusCode) : statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return { malformed: `statusCode ${JSON.stringify(statusCode)} is not an HTTP status` };
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    return { malformed: 'body must be a string' };
  }
  const merged = mergeHeaders(headers, multiValueHeaders);
  if (typeof merged === 'string') return { malformed: merged };
  if (!Object.keys(merged).some((name) => name.toLowerCase() === 'content-type')) {
    // API Gateway REST answers application/json when the integration names no type.
    merged['Content-Type'] = 'application/json';
  }
  const bytes = Buffer.from(
    body ?? '',
    isBase64Encoded === true && decodeBase64 ? 'base64' : 'utf8',
  );
  return { response: { statusCode: status, headers: merged, body: bytes } };
}

/** `headers` and `multiValueHeaders` together; for a name in both, the multi values win. */
function mergeHeaders(single: unknown, multi: unknown): HttpHeaders | string {
  // Keyed by lower-cased name: one header whatever the casing, the last spelling names it.
  const byName = new Map<string, [string, string | string[]]>();
  const put = (rawName: string, value: string | string[]): void => {
    const lower = rawName.toLowerCase();
    byName.set(lower, [REMAPPED.has(lower) ? `x-amzn-Remapped-${rawName}` : rawName, value]);
  };
  if (single !== undefined && single !== null) {
    if (typeof single !== 'object') return 'headers must be an object';
    for (const [name, value] of Object.entries(single)) {
      if (!isScalar(value)) return `header ${name} must be a string, number or boolean`;
      put(name, String(value));
    }
  }
  if (multi !== undefined && multi !== null) {
    if (typeof multi !== 'object') return 'multiValueHeaders must be an object';
    for (const [name, values] of Object.entries(multi)) {
      if (!Array.isArray(values) || !values.every(isScalar)) {
        return `multiValueHeaders.${name} must be an array of strings, numbers or booleans`;
      }
      put(name, values.map(String));
    }
  }
  return Object.fromEntries(byName.values());
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
