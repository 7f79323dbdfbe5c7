/** Shared pieces for the local API Gateway tests: a running gateway and fake functions. */
import type { AddressInfo } from 'node:net';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent } from 'aws-lambda';
import { vi, type Mock } from 'vitest';
import type { TokenAuthorizerHandler } from '#infra/local/api-gateway/authorizer.ts';
import {
  closeGracefully,
  createHttpGateway,
  type GatewayLogger,
  type HttpGatewayOptions,
  type ProxyHandler,
} from '#infra/local/api-gateway/http-gateway.ts';
import type { HandlerName } from '#shared/platform/handlers.ts';
import { ROUTES } from '#shared/platform/routes.ts';

export interface RunningGateway {
  baseUrl: string;
  close: () => Promise<void>;
}

export async function startGateway(
  options: Partial<HttpGatewayOptions> & {
    handlers?: Partial<Record<HandlerName, ProxyHandler>>;
  },
): Promise<RunningGateway> {
  const { handlers = {}, ...rest } = options;
  const server = createHttpGateway({
    routes: ROUTES,
    resolveHandler: async (name) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`no fake handler for ${name}`);
      return handler;
    },
    authorizer: allowAll(),
    logger: silentLogger(),
    ...rest,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => closeGracefully(server) };
}

type LogFn = (message: string, attributes?: Record<string, unknown>) => void;

export function silentLogger(): GatewayLogger & {
  info: Mock<LogFn>;
  warn: Mock<LogFn>;
  error: Mock<LogFn>;
} {
  return { info: vi.fn<LogFn>(), warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() };
}

export function policy(
  effect: 'Allow' | 'Deny',
  resource: string | string[],
  principalId = 'agency-so-nn',
  context: APIGatewayAuthorizerResult['context'] = {},
): APIGatewayAuthorizerResult {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: effect, Action: 'execute-api:Invoke', Resource: resource }],
    },
    context,
  };
}

/** An authorizer allowing every method of the local API, for tests not about auth. */
export function allowAll(
  context: APIGatewayAuthorizerResult['context'] = {},
): TokenAuthorizerHandler {
  return async () =>
    policy('Allow', 'arn:aws:execute-api:local:000000000000:local/*', 'tester', context);
}

/** A handler that answers 200 with the event it received, for asserting on events. */
export const echoEvent: ProxyHandler = async (event: APIGatewayProxyEvent) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(event),
});
