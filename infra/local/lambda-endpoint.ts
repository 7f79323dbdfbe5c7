/**
 * An HTTP endpoint on a private socket that speaks Lambda's Invoke for asynchronous
 * invocations (`X-Amz-Invocation-Type: Event`), so the job starter invokes through the
 * real AWS SDK client: the named handler runs in the background, as Lambda queues it, and
 * the call answers 202 at once. A failure is logged; on AWS it goes, after Lambda's
 * retries, to the function's failure destination. Closing waits for the runs under way.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { listenOnPrivateSocket } from '#shared/adapters/dynamodb/local-store.ts';
import { HANDLERS, type HandlerName } from '#shared/platform/handlers.ts';
import type { EventsLogger } from './events/log.ts';
import { describeError } from './events/log.ts';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export interface LambdaEndpoint {
  endpoint: string;
  server: Server;
  /** Resolves once no run is under way, including ones started meanwhile. */
  drain(): Promise<void>;
}

function answer(response: ServerResponse, status: number, body?: Record<string, string>): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body ? JSON.stringify(body) : '');
}

const isHandler = (name: string): name is HandlerName => Object.hasOwn(HANDLERS, name);

export async function startLambdaEndpoint(
  invoke: (name: HandlerName, event: unknown) => Promise<unknown>,
  socketPath: string,
  logger: EventsLogger,
): Promise<LambdaEndpoint> {
  const running = new Set<Promise<void>>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const name = decodeURIComponent(INVOKE_PATH.exec(request.url ?? '')?.[1] ?? '');
    if (!isHandler(name)) {
      answer(response, 404, {
        __type: 'ResourceNotFoundException',
        message: `Function not found: ${name}`,
      });
      return;
    }
    if (request.headers['x-amz-invocation-type'] !== 'Event') {
      answer(response, 400, {
        __type: 'InvalidParameterValueException',
        message: 'only asynchronous invocations (Event) are emulated',
      });
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      answer(response, 400, { __type: 'InvalidRequestContentException', message: 'not JSON' });
      return;
    }
    const run = invoke(name, event).then(
      () => undefined,
      (error: unknown) => {
        logger.error('asynchronous invocation failed', { function: name, ...describeError(error) });
      },
    );
    running.add(run);
    void run.finally(() => running.delete(run));
    answer(response, 202);
  });
  return {
    endpoint: await listenOnPrivateSocket(server, socketPath),
    server,
    drain: async () => {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
