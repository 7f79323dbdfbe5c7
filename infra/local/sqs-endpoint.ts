/**
 * An HTTP endpoint on a private socket that speaks SQS's SendMessage and SendMessageBatch
 * (AWS JSON 1.0, as the SDK sends them), so functions send through the real SDK client to
 * the local queues: the same code on both hosts, only SQS_ENDPOINT differs. The SDK checks
 * each body's MD5 in the answer; so is it given.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { listenOnPrivateSocket } from '#shared/adapters/dynamodb/local-store.ts';
import type { LocalQueue } from './queues/local-queue.ts';

const TARGET_PREFIX = 'AmazonSQS.';
/** SQS takes at most 10 entries a batch and 256 KiB a message. */
const MAX_BATCH = 10;
const MAX_BODY = 256 * 1024;

const body = z.string().min(1).max(MAX_BODY);
const sendMessageSchema = z.object({ QueueUrl: z.string(), MessageBody: body });
const sendBatchSchema = z.object({
  QueueUrl: z.string(),
  Entries: z
    .array(z.object({ Id: z.string().min(1).max(80), MessageBody: body }))
    .min(1)
    .max(MAX_BATCH),
});

function reply(response: ServerResponse, status: number, payload: unknown) {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify(payload));
}

const fault = (type: string, message: string) => ({
  __type: `com.amazonaws.sqs#${type}`,
  message,
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

export async function startSqsEndpoint(
  queues: readonly LocalQueue[],
  socketPath: string,
): Promise<{ endpoint: string; server: Server }> {
  const byUrl = new Map(queues.map((queue) => [queue.url, queue]));
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const action = String(request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
    const input = parseJson(Buffer.concat(chunks).toString('utf8'));
    try {
      if (action === 'SendMessage') {
        const parsed = sendMessageSchema.safeParse(input);
        if (!parsed.success)
          return reply(response, 400, fault('InvalidParameterValue', parsed.error.message));
        const queue = byUrl.get(parsed.data.QueueUrl);
        if (!queue) return reply(response, 400, fault('QueueDoesNotExist', 'no such queue'));
        const [sent] = queue.send([parsed.data.MessageBody]);
        return reply(response, 200, {
          MessageId: sent?.messageId,
          MD5OfMessageBody: sent?.md5OfBody,
        });
      }
      if (action === 'SendMessageBatch') {
        const parsed = sendBatchSchema.safeParse(input);
        if (!parsed.success)
          return reply(response, 400, fault('InvalidParameterValue', parsed.error.message));
        const queue = byUrl.get(parsed.data.QueueUrl);
        if (!queue) return reply(response, 400, fault('QueueDoesNotExist', 'no such queue'));
        const sent = queue.send(parsed.data.Entries.map((entry) => entry.MessageBody));
        return reply(response, 200, {
          Successful: parsed.data.Entries.map((entry, index) => ({
            Id: entry.Id,
            MessageId: sent[index]?.messageId,
            MD5OfMessageBody: sent[index]?.md5OfBody,
          })),
          Failed: [],
        });
      }
      return reply(
        response,
        400,
        fault(
          'UnsupportedOperation',
          `only SendMessage and SendMessageBatch are emulated, not ${action || 'this'}`,
        ),
      );
    } catch (error) {
      // The queue refuses messages once it is closing: the SDK retries or reports a 503.
      return reply(response, 503, fault('ServiceUnavailable', (error as Error).message));
    }
  });
  return { endpoint: await listenOnPrivateSocket(server, socketPath), server };
}
