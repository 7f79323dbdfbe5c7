/**
 * An HTTP endpoint on a private socket that speaks SES API v2's SendEmail (REST JSON, as
 * the SDK sends it), so the mail sender sends through the real SDK client: the same code
 * on both hosts, only SES_ENDPOINT differs. Locally the message goes to the local mailbox
 * (the outbox folder, or an SMTP server); when it cannot, the answer is a 500, and the
 * sender fails as it would when SES is down.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import * as z from 'zod';
import { listenOnPrivateSocket } from '#shared/adapters/dynamodb/local-store.ts';
import type { LocalMailbox } from './mail/local-mailbox.ts';

const SEND_EMAIL = 'POST /v2/email/outbound-emails';

const content = z.object({ Data: z.string() });
const sendEmailSchema = z.object({
  FromEmailAddress: z.string().min(3),
  Destination: z.object({ ToAddresses: z.array(z.string().min(3)).min(1).max(50) }),
  Content: z.object({
    Simple: z.object({ Subject: content, Body: z.object({ Text: content }) }),
  }),
});

function reply(response: ServerResponse, status: number, payload: unknown, type?: string) {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(type ? { 'x-amzn-errortype': type } : {}),
  });
  response.end(JSON.stringify(payload));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

export async function startSesEndpoint(
  mailbox: LocalMailbox,
  socketPath: string,
): Promise<{ endpoint: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const route = `${request.method} ${new URL(request.url ?? '/', 'http://local').pathname}`;
    if (route !== SEND_EMAIL) {
      return reply(
        response,
        404,
        { message: `only SendEmail is emulated, not ${route}` },
        'NotFoundException',
      );
    }
    const parsed = sendEmailSchema.safeParse(parseJson(Buffer.concat(chunks).toString('utf8')));
    if (!parsed.success) {
      return reply(response, 400, { message: parsed.error.message }, 'BadRequestException');
    }
    const { FromEmailAddress, Destination, Content } = parsed.data;
    try {
      const messageId = await mailbox.deliver({
        from: FromEmailAddress,
        to: Destination.ToAddresses,
        subject: Content.Simple.Subject.Data,
        text: Content.Simple.Body.Text.Data,
      });
      return reply(response, 200, { MessageId: messageId });
    } catch (error) {
      return reply(
        response,
        500,
        { message: `the local mailbox refused the message: ${(error as Error).message}` },
        'InternalFailure',
      );
    }
  });
  return { endpoint: await listenOnPrivateSocket(server, socketPath), server };
}
