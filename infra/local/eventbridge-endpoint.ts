/**
 * An HTTP endpoint on a private socket that speaks EventBridge's PutEvents (AWS JSON 1.1
 * protocol), so handlers publish through the real AWS SDK client to the local bus: the
 * same code on both hosts, only EVENTBRIDGE_ENDPOINT differs.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { listenOnPrivateSocket } from '#shared/adapters/dynamodb/local-store.ts';
import type { LocalEventBus } from './events/event-bus.ts';

const putEventsSchema = z.object({
  Entries: z
    .array(
      z.object({
        Source: z.string().optional(),
        DetailType: z.string().optional(),
        Detail: z.string().optional(),
        EventBusName: z.string().optional(),
        Time: z.union([z.string(), z.number()]).optional(),
      }),
    )
    .min(1)
    .max(10),
});

/** The request's JSON, or undefined when it is not JSON (the schema then refuses it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify(body));
}

export async function startEventBridgeEndpoint(
  bus: LocalEventBus,
  socketPath: string,
): Promise<{ endpoint: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
      reply(response, 400, {
        __type: 'UnknownOperationException',
        message: 'only PutEvents is emulated',
      });
      return;
    }
    const parsed = putEventsSchema.safeParse(parseJson(Buffer.concat(chunks).toString('utf8')));
    if (!parsed.success) {
      reply(response, 400, { __type: 'ValidationException', message: parsed.error.message });
      return;
    }
    const entries = parsed.data.Entries.map((entry) => ({
      ...entry,
      Time:
        typeof entry.Time === 'number'
          ? new Date(entry.Time * 1000)
          : entry.Time
            ? new Date(entry.Time)
            : undefined,
    }));
    try {
      reply(response, 200, await bus.putEvents(entries));
    } catch (error) {
      // The bus refuses events once it is closing: the SDK retries or reports a 503.
      reply(response, 503, { __type: 'ServiceUnavailable', message: (error as Error).message });
    }
  });
  return { endpoint: await listenOnPrivateSocket(server, socketPath), server };
}
