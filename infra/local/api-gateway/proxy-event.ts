/**
 * Builds the event API Gateway's REST (v1) Lambda proxy integration sends: the same
 * fields, the same nulls, the same decoding (query values and path parameters decoded,
 * `path` left as sent), and `requestTime` in the CLF-like format Powertools' schema needs.
 */
import { isUtf8 } from 'node:buffer';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { AuthorizedPrincipal } from './authorizer.ts';
import { LOCAL_API } from './local-api.ts';
import type { RouteMatch } from './route-matcher.ts';

export interface GatewayRequest {
  method: string;
  /** The request target as received: path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  /**
   * Node's `rawHeaders`, when available: they keep the client's spelling and every repeated
   * value, as API Gateway does, where `headers` is lower-cased and drops some duplicates.
   */
  rawHeaders?: readonly string[];
  body: Buffer;
  remoteAddress: string | undefined;
  httpVersion?: string;
}

export interface ProxyEventOptions {
  requestId?: string;
  extendedRequestId?: string;
  now?: Date;
}

export function toProxyEvent(
  request: GatewayRequest,
  match: RouteMatch,
  authorizer?: AuthorizedPrincipal,
  options: ProxyEventOptions = {},
): APIGatewayProxyEvent {
  const now = options.now ?? new Date();
  const sourceIp = normaliseIp(request.remoteAddress);
  const { headers, multiValueHeaders } = buildHeaders(request, sourceIp);
  const query = parseQuery(request.url);
  const host = headerValue(request.headers.host) ?? 'localhost';
  const userAgent = headerValue(request.headers['user-agent']) ?? null;
  const body = encodeBody(request.body, headerValue(request.headers['content-type']));

  return {
    resource: match.route.path,
    path: match.path,
    httpMethod: request.method.toUpperCase(),
    headers,
    multiValueHeaders,
    queryStringParameters: query && lastValues(query),
    multiValueQueryStringParameters: query,
    pathParameters:
      Object.keys(match.pathParameters).length > 0 ? { ...match.pathParameters } : null,
    stageVariables: null,
    requestContext: {
      accountId: LOCAL_API.accountId,
      apiId: LOCAL_API.apiId,
      authorizer: authorizer && {
        ...authorizer.context,
        principalId: authorizer.principalId,
        integrationLatency: authorizer.integrationLatency,
      },
      domainName: host,
      domainPrefix: host.replace(/:\d+$/, '').split('.')[0] ?? host,
      extendedRequestId: options.extendedRequestId ?? newExtendedRequestId(),
      httpMethod: request.method.toUpperCase(),
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
        sourceIp,
        user: null,
        userAgent,
        userArn: null,
      },
      path: `/${LOCAL_API.stage}${match.path}`,
      protocol: `HTTP/${request.httpVersion ?? '1.1'}`,
      requestId: options.requestId ?? randomUUID(),
      requestTime: formatRequestTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: resourceId(match.route.path),
      resourcePath: match.route.path,
      stage: LOCAL_API.stage,
    },
    body: body.body,
    isBase64Encoded: body.isBase64Encoded,
  };
}

export function newExtendedRequestId(): string {
  // Shaped like API Gateway's (`JqD9dFVnoAMFUdw=`).
  return randomBytes(10).toString('base64');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `24/Nov/2026:06:49:02 +0000`, always UTC, as `$context.requestTime`. */
export function formatRequestTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()] ?? ''}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function buildHeaders(
  request: GatewayRequest,
  sourceIp: string,
): Pick<APIGatewayProxyEvent, 'headers' | 'multiValueHeaders'> {
  const pairs = headerPairs(request);
  // What API Gateway adds in front of the integration on a regional endpoint.
  const forwardedFor = pairs.filter(([name]) => name.toLowerCase() === 'x-forwarded-for');
  const chain = [...forwardedFor.map(([, value]) => value), sourceIp].join(', ');
  const rest = pairs.filter(([name]) => !/^x-forwarded-(for|proto|port)$/i.test(name));
  const added: [string, string][] = [
    ['X-Forwarded-For', chain],
    ['X-Forwarded-Proto', 'http'],
  ];
  if (!rest.some(([name]) => name.toLowerCase() === 'x-amzn-trace-id')) {
    added.push(['X-Amzn-Trace-Id', newTraceId()]);
  }

  // Maps, not plain objects: a header named "constructor" or "__proto__" is just a name.
  const values = new Map<string, string[]>();
  const spelling = new Map<string, string>();
  for (const [rawName, value] of [...rest, ...added]) {
    // One entry per header whatever the casing; the first spelling seen names it.
    const name = spelling.get(rawName.toLowerCase()) ?? rawName;
    spelling.set(rawName.toLowerCase(), name);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const entries = [...values];
  return {
    headers: Object.fromEntries(entries.map(([name, list]) => [name, list.at(-1) ?? ''])),
    multiValueHeaders: Object.fromEntries(entries),
  };
}

function headerPairs(request: GatewayRequest): [string, string][] {
  const pairs: [string, string][] = [];
  if (request.rawHeaders) {
    for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
      pairs.push([request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '']);
    }
    return pairs;
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** Query values as API Gateway REST passes them: percent-decoded, repeated keys kept. */
function parseQuery(url: string): Record<string, string[]> | null {
  const at = url.indexOf('?');
  if (at < 0) return null;
  // A Map, not a plain object: `?constructor=1` is just a key.
  const query = new Map<string, string[]>();
  for (const part of url
    .slice(at + 1)
    .split('#', 1)[0]
    ?.split('&') ?? []) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    if (key === '') continue;
    query.set(key, [...(query.get(key) ?? []), eq < 0 ? '' : decodeComponent(part.slice(eq + 1))]);
  }
  return query.size > 0 ? Object.fromEntries(query) : null;
}

function lastValues(query: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).map(([key, values]) => [key, values.at(-1) ?? '']),
  );
}

function decodeComponent(raw: string): string {
  // Percent escapes only: whether API Gateway turns `+` into a space is not documented,
  // and clients (fetch, URLSearchParams aside) send spaces as %20.
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const TEXT_TYPES =
  /^(text\/.+|application\/([\w.-]+\+)?(json|xml)|application\/x-www-form-urlencoded)$/;

function encodeBody(
  body: Buffer,
  contentType: string | undefined,
): { body: string | null; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: null, isBase64Encoded: false };
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  // Without a Content-Type the bytes decide: valid UTF-8 is passed on as text.
  const textual = mediaType === undefined || mediaType === '' || TEXT_TYPES.test(mediaType);
  if (textual && isUtf8(body)) return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

function normaliseIp(address: string | undefined): string {
  if (!address) return '127.0.0.1';
  // Node reports IPv4 clients of a dual-stack socket as `::ffff:a.b.c.d`; API Gateway
  // (and Powertools' ipv4/ipv6 check) expect the plain IPv4 form.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')}`;
}

/** A stable, API Gateway-looking resource id (`qdolsr`) per declared resource path. */
function resourceId(resourcePath: string): string {
  return createHash('sha256').update(resourcePath).digest('hex').slice(0, 6);
}
