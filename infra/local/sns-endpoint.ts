/**
 * An HTTP endpoint on a private socket that speaks SNS's Publish (AWS query protocol), so
 * the notifier publishes through the real AWS SDK client. Locally the "subscribers" are a
 * JSON-lines outbox, `<data folder>/notifications.jsonl` (owner-only), that people can
 * read or tail.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listenOnPrivateSocket } from '#shared/adapters/dynamodb/local-store.ts';

export const LOCAL_RISK_TOPIC_ARN =
  'arn:aws:sns:ap-southeast-1:000000000000:langson-progress-risks';
export const outboxFile = (dataDir: string) => join(dataDir, 'notifications.jsonl');

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

function replyXml(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { 'content-type': 'text/xml' });
  response.end(body);
}

function error(response: ServerResponse, code: string, message: string) {
  replyXml(
    response,
    400,
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

export async function startSnsEndpoint(
  dataDir: string,
  socketPath: string,
): Promise<{ endpoint: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (form.get('Action') !== 'Publish')
      return error(response, 'InvalidAction', 'only Publish is emulated');
    if (form.get('TopicArn') !== LOCAL_RISK_TOPIC_ARN)
      return error(response, 'NotFound', 'Topic does not exist');
    const message = form.get('Message');
    if (!message) return error(response, 'InvalidParameter', 'Message is required');
    const messageId = randomUUID();
    const record = {
      messageId,
      topicArn: LOCAL_RISK_TOPIC_ARN,
      subject: form.get('Subject'),
      message,
      publishedAt: new Date().toISOString(),
    };
    try {
      await appendFile(outboxFile(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 });
    } catch (cause) {
      // Not delivered: answer as SNS does when it cannot take a message, so the caller retries.
      replyXml(
        response,
        500,
        `<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>${escapeXml((cause as Error).message)}</Message></Error></ErrorResponse>`,
      );
      return;
    }
    replyXml(
      response,
      200,
      `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  });
  return { endpoint: await listenOnPrivateSocket(server, socketPath), server };
}
