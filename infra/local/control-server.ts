/**
 * The local runtime's own controls, beside the API on another loopback port: the dead
 * letters the event bus and the queues kept (list, replay) and the schedules (run one now). On AWS these
 * are the SQS dead-letter queues' redrive and EventBridge Scheduler's console. Admin only:
 * any admin token the store holds, checked on every request, so a revoked one (the
 * development token of tokens.json included) stops at once.
 */
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerSecret } from '#shared/domain/access/token.ts';
import { authenticate, type TokenRepository } from '#shared/use-cases/access.ts';
import { replayDeadLetters, type DeadLetterStore } from './events/dead-letters.ts';
import type { LocalEventBus } from './events/event-bus.ts';
import type { LocalScheduler } from './events/scheduler.ts';
import type { LocalQueue } from './queues/local-queue.ts';
import { replayQueueDeadLetters, type FileQueueDeadLetters } from './queues/queue-dead-letters.ts';

export interface ControlServerOptions {
  tokens: TokenRepository;
  deadLetters: DeadLetterStore;
  bus: LocalEventBus;
  scheduler: LocalScheduler;
  queueDeadLetters: FileQueueDeadLetters;
  queues: readonly LocalQueue[];
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': status < 400 ? 'application/json' : 'application/problem+json',
  });
  response.end(JSON.stringify(body));
}

const problem = (status: number, title: string, detail: string) => ({
  type: 'about:blank',
  title,
  status,
  detail,
});

export async function startControlServer(
  options: ControlServerOptions,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const route = `${request.method} ${new URL(request.url ?? '/', 'http://local').pathname}`;
    try {
      const secret = bearerSecret(request.headers.authorization);
      const caller = secret ? await authenticate(secret, options.tokens, new Date()) : null;
      if (!caller) {
        return send(
          response,
          401,
          problem(
            401,
            'Unauthorized',
            'a valid admin token is required (unknown, revoked or expired)',
          ),
        );
      }
      if (caller.role !== 'admin') {
        return send(
          response,
          403,
          problem(403, 'Forbidden', 'only an admin token may use the controls'),
        );
      }
      if (route === 'GET /dead-letters')
        return send(response, 200, { items: await options.deadLetters.list() });
      if (route === 'POST /dead-letters/replay') {
        return send(response, 200, await replayDeadLetters(options.deadLetters, options.bus));
      }
      if (route === 'GET /queue-dead-letters')
        return send(response, 200, { items: await options.queueDeadLetters.list() });
      if (route === 'POST /queue-dead-letters/replay') {
        return send(
          response,
          200,
          await replayQueueDeadLetters(options.queueDeadLetters, options.queues),
        );
      }
      const schedule = /^POST \/schedules\/([A-Za-z]+)\/runs$/.exec(route)?.[1];
      if (schedule) {
        await options.scheduler.runNow(schedule);
        await options.bus.drain();
        return send(response, 200, { schedule, ran: true });
      }
      return send(response, 404, problem(404, 'Not Found', `no control ${route}`));
    } catch (error) {
      return send(response, 500, problem(500, 'Internal Server Error', (error as Error).message));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
