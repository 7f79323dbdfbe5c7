/**
 * The local stand-in for API Gateway REST: a node:http server that matches the declared
 * routes, runs the TOKEN authorizer on non-public ones, invokes the same Lambda handlers
 * with proxy events, and answers as API Gateway would. No maintained npm package does
 * this without Docker (SAM CLI, LocalStack) or Serverless Framework v4 (a licence key), so
 * the project keeps this small one, tested against API Gateway's documented behaviour.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { HandlerName } from '#shared/platform/handlers.ts';
import { BINARY_MEDIA_TYPES } from '#shared/platform/media-types.ts';
import type { RouteDeclaration } from '#shared/platform/routes.ts';
import {
  buildMethodArn,
  createTokenAuthorizer,
  type AuthorizedPrincipal,
  type TokenAuthorizerHandler,
  type TokenAuthorizerRunner,
} from './authorizer.ts';
import { DeadlineExceededError, invokeLambda, withDeadline } from './invoke-lambda.ts';
import { lambdaSettingsFor, type LambdaSettings } from './lambda-context.ts';
import { INTEGRATION_TIMEOUT_MS, LOCAL_API, MAX_REQUEST_BODY_BYTES } from './local-api.ts';
import { newExtendedRequestId, toProxyEvent } from './proxy-event.ts';
import { readBody } from './read-body.ts';
import {
  acceptsBinary,
  fromProxyResult,
  GATEWAY_PROBLEMS,
  problemResponse,
  type HttpHeaders,
  type HttpResponse,
} from './responses.ts';
import { compileRoutes, type RouteMatch, type RouteMatcher } from './route-matcher.ts';

export type ProxyHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

export interface GatewayLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

/**
 * A route the local runtime serves itself, outside the declared API (on AWS another
 * service answers there, as S3 does a presigned URL): every path under its prefix, public.
 */
export interface LocalRoute {
  pathPrefix: string;
  serve(method: string, url: string): Promise<HttpResponse>;
}

export interface HttpGatewayOptions {
  routes: readonly RouteDeclaration[];
  localRoutes?: readonly LocalRoute[];
  resolveHandler: (name: HandlerName) => Promise<ProxyHandler>;
  authorizer: TokenAuthorizerHandler;
  /** API Gateway's authorizer result TTL: 300 s by default, 0 disables the cache. */
  authorizerCacheTtlSeconds?: number;
  logger?: GatewayLogger;
  /** Optional prefix before the resource paths; the stage name (`/local`) by default. */
  basePath?: string;
  maxBodyBytes?: number;
  /** API Gateway's 29 s integration timeout; past it the client gets 504. */
  integrationTimeoutMs?: number;
  /** Name, memory and timeout of each function; the declared ones by default. */
  lambdaSettings?: (name: HandlerName) => LambdaSettings;
  /** The API's binary media types (`acceptsBinary`); the declared ones by default. */
  binaryMediaTypes?: readonly string[];
}

interface GatewayState {
  closing: boolean;
}

interface Outcome {
  response: HttpResponse;
  principalId?: string;
  resourcePath?: string;
}

const states = new WeakMap<Server, GatewayState>();

export function createHttpGateway(options: HttpGatewayOptions): Server {
  const matcher = compileRoutes(options.routes, {
    basePath: options.basePath ?? `/${LOCAL_API.stage}`,
  });
  const authorizer = createTokenAuthorizer({
    authorizer: options.authorizer,
    ...(options.authorizerCacheTtlSeconds !== undefined && {
      cacheTtlSeconds: options.authorizerCacheTtlSeconds,
    }),
  });
  const logger = options.logger ?? jsonConsoleLogger;
  const state: GatewayState = { closing: false };

  const server = createServer((request, response) => {
    void serve(request, response);
  });
  states.set(server, state);
  // Requests Node cannot even parse (raw non-ASCII in the path, headers over 16 KB) get a
  // problem+json answer too, not Node's bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const title = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    const body = JSON.stringify({
      type: 'about:blank',
      title,
      status,
      detail: 'the request could not be parsed as HTTP',
    });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const extendedRequestId = newExtendedRequestId();
    let outcome: Outcome;
    try {
      outcome = await respond(request, requestId, extendedRequestId);
    } catch (error) {
      // A fault of the gateway itself, not of a handler: still answer, as API Gateway does.
      logger.error('Gateway failure', { requestId, error: describeError(error) });
      outcome = {
        response: problemResponse(GATEWAY_PROBLEMS.badGateway, 'Internal server error'),
      };
    }
    write(response, outcome.response, requestId, extendedRequestId, state.closing);
    logger.info('Access', {
      requestId,
      method: request.method,
      path: (request.url ?? '/').split('?', 1)[0],
      resourcePath: outcome.resourcePath,
      status: outcome.response.statusCode,
      latencyMs: Math.round(performance.now() - started),
      sourceIp: request.socket.remoteAddress,
      principalId: outcome.principalId,
    });
  }

  /**
   * Everything that can refuse a request is decided before its body is read: the route,
   * the declared length, the authorizer. A refused body is never buffered (Node drains
   * what the client still sends), and an accepted one is read up to the limit only.
   */
  async function respond(
    request: IncomingMessage,
    requestId: string,
    extendedRequestId: string,
  ): Promise<Outcome> {
    const receivedAt = new Date();
    const maxBodyBytes = options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES;
    const method = (request.method ?? 'GET').toUpperCase();
    const url = request.url ?? '/';
    const local = options.localRoutes?.find((route) => url.startsWith(route.pathPrefix));
    if (local) return { response: await local.serve(method, url), resourcePath: local.pathPrefix };
    const matched = routeOrProblem(matcher, method, url);
    if ('response' in matched) return matched;
    const resourcePath = matched.route.path;
    if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) {
      return { response: tooLarge(maxBodyBytes), resourcePath };
    }

    let principal: AuthorizedPrincipal | undefined;
    if (matched.route.access !== 'public') {
      const authorized = await authorize(authorizer, request, method, matched, requestId, logger);
      if ('response' in authorized) return { ...authorized, resourcePath };
      principal = authorized.principal;
    }

    const read = await readBody(request, maxBodyBytes);
    if ('tooLarge' in read) {
      return {
        response: tooLarge(maxBodyBytes),
        principalId: principal?.principalId,
        resourcePath,
      };
    }

    const event = toProxyEvent(
      {
        method,
        url,
        headers: request.headers,
        rawHeaders: request.rawHeaders,
        body: read.body,
        remoteAddress: request.socket.remoteAddress,
        httpVersion: request.httpVersion,
      },
      matched,
      principal,
      { requestId, extendedRequestId, now: receivedAt },
    );

    const handlerName = matched.route.handler;
    const timeoutMs = options.integrationTimeoutMs ?? INTEGRATION_TIMEOUT_MS;
    let result: unknown;
    try {
      const handler = await options.resolveHandler(handlerName);
      const settings = (options.lambdaSettings ?? lambdaSettingsFor)(handlerName);
      result = await withDeadline(
        invokeLambda(handler, event, settings),
        timeoutMs,
        () => new DeadlineExceededError(`Handler ${handlerName}`, timeoutMs),
      );
    } catch (error) {
      const attributes = { requestId, handler: handlerName, error: describeError(error) };
      if (error instanceof DeadlineExceededError) {
        logger.error('Integration timed out', attributes);
        const detail = `The integration did not answer within ${timeoutMs} ms.`;
        const response = problemResponse(GATEWAY_PROBLEMS.integrationTimeout, detail);
        return { response, principalId: principal?.principalId, resourcePath };
      }
      logger.error('Lambda handler failed', attributes);
      const response = problemResponse(GATEWAY_PROBLEMS.badGateway, 'Internal server error');
      return { response, principalId: principal?.principalId, resourcePath };
    }

    const converted = fromProxyResult(
      result,
      acceptsBinary(request.headers.accept, options.binaryMediaTypes ?? BINARY_MEDIA_TYPES),
    );
    if ('malformed' in converted) {
      logger.error('Malformed Lambda proxy response', {
        requestId,
        handler: handlerName,
        reason: converted.malformed,
      });
      const response = problemResponse(GATEWAY_PROBLEMS.badGateway, 'Internal server error');
      return { response, principalId: principal?.principalId, resourcePath };
    }
    return { response: converted.response, principalId: principal?.principalId, resourcePath };
  }

  return server;
}

/** 413, closing the connection: the rest of an oversized body is not worth reading. */
function tooLarge(maxBodyBytes: number): HttpResponse {
  const detail = `The request body exceeds the ${maxBodyBytes}-byte limit.`;
  return problemResponse(GATEWAY_PROBLEMS.requestTooLarge, detail, { Connection: 'close' });
}

function routeOrProblem(
  matcher: RouteMatcher,
  method: string,
  url: string,
): RouteMatch | { response: HttpResponse } {
  const matched = matcher.match(method, url.split('?', 1)[0] ?? '/');
  if (!('error' in matched)) return matched;
  if (matched.error === 'method-not-allowed') {
    const allow = matched.allow ?? [];
    const detail = `${method} is not declared on this resource; it accepts ${allow.join(', ')}.`;
    const problem = GATEWAY_PROBLEMS.methodNotAllowed;
    return { response: problemResponse(problem, detail, { Allow: allow.join(', ') }) };
  }
  const detail = 'No resource is declared at this path.';
  return { response: problemResponse(GATEWAY_PROBLEMS.notFound, detail) };
}

async function authorize(
  authorizer: TokenAuthorizerRunner,
  request: IncomingMessage,
  method: string,
  matched: RouteMatch,
  requestId: string,
  logger: GatewayLogger,
): Promise<{ principal: AuthorizedPrincipal } | Outcome> {
  const outcome = await authorizer.authorize(
    request.headers.authorization,
    buildMethodArn(method, matched.path),
  );
  switch (outcome.outcome) {
    case 'allow':
      return { principal: outcome.principal };
    case 'unauthorized': {
      // RFC 9110 asks a 401 to name the scheme; the CDK gateway response sets the same.
      const headers: HttpHeaders = { 'WWW-Authenticate': 'Bearer' };
      const detail = 'A valid bearer token is required in the Authorization header.';
      return { response: problemResponse(GATEWAY_PROBLEMS.unauthorized, detail, headers) };
    }
    case 'forbidden': {
      const detail = outcome.explicitDeny
        ? 'User is not authorized to access this resource with an explicit deny'
        : 'User is not authorized to access this resource';
      const response = problemResponse(GATEWAY_PROBLEMS.accessDenied, detail);
      return { response, principalId: outcome.principalId };
    }
    case 'error':
      logger.error('Authorizer failed', {
        requestId,
        reason: outcome.reason,
        error: describeError(outcome.cause),
      });
      return {
        response: problemResponse(GATEWAY_PROBLEMS.authorizerFailure, 'The authorizer failed.'),
      };
  }
}

function write(
  response: ServerResponse,
  result: HttpResponse,
  requestId: string,
  extendedRequestId: string,
  closing: boolean,
): void {
  const own: HttpHeaders = {
    'x-amzn-RequestId': requestId,
    'x-request-id': requestId,
    'x-amz-apigw-id': extendedRequestId,
    'Content-Length': String(result.body.length),
    // While shutting down, let no kept-alive socket carry another request.
    ...(closing && { Connection: 'close' }),
  };
  const ownNames = new Set(Object.keys(own).map((name) => name.toLowerCase()));
  const headers: HttpHeaders = {};
  for (const [name, value] of Object.entries(result.headers)) {
    if (!ownNames.has(name.toLowerCase())) headers[name] = value;
  }
  try {
    response.writeHead(result.statusCode, { ...headers, ...own });
    response.end(result.body);
  } catch {
    // The client went away, or a handler's header is not valid on the wire.
    if (!response.headersSent) {
      const fallback = problemResponse(GATEWAY_PROBLEMS.badGateway, 'Internal server error');
      response.writeHead(fallback.statusCode, {
        ...fallback.headers,
        ...own,
        'Content-Length': String(fallback.body.length),
      });
      response.end(fallback.body);
    } else {
      response.destroy();
    }
  }
}

/**
 * Stops accepting connections, lets requests in flight finish, then resolves; after
 * `timeoutMs` the connections still open are cut.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<void> {
  const state = states.get(server);
  if (state) state.closing = true;
  return new Promise<void>((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    // Kept-alive sockets with no request in flight would hold close() open.
    server.closeIdleConnections();
  });
}

function describeError(error: unknown): Record<string, unknown> | string {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return String(error);
}

const jsonConsoleLogger: GatewayLogger = {
  info: (message, attributes) =>
    console.info(JSON.stringify({ level: 'INFO', message, ...attributes })),
  warn: (message, attributes) =>
    console.warn(JSON.stringify({ level: 'WARN', message, ...attributes })),
  error: (message, attributes) =>
    console.error(JSON.stringify({ level: 'ERROR', message, ...attributes })),
};
