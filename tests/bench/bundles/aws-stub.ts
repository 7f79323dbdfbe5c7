/**
 * A loopback endpoint that answers every AWS call the handlers make at once and with nothing
 * in it: DynamoDB finds no item, EventBridge and SNS accept what they are sent. A handler's
 * first invocation then pays what the code decides (the SDK's lazily loaded parts,
 * credentials, signing, the protocol's serde, the handler's own path) and not a store's
 * latency. The handlers reach it through `AWS_ENDPOINT_URL`, as on Lambda with default
 * credentials from the environment, rather than through the local runtime's endpoint
 * variables, which would swap in static credentials.
 */
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an empty table answers, by DynamoDB operation; anything else answers `{}`. */
const EMPTY_DYNAMODB: Record<string, unknown> = {
  Query: { Items: [], Count: 0, ScannedCount: 0 },
  Scan: { Items: [], Count: 0, ScannedCount: 0 },
  BatchGetItem: { Responses: {}, UnprocessedKeys: {} },
  BatchWriteItem: { UnprocessedItems: {} },
};

const SNS_PUBLISHED =
  '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>bench</MessageId></PublishResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></PublishResponse>';

function reply(response: ServerResponse, contentType: string, body: string) {
  response.writeHead(200, { 'content-type': contentType, 'x-amzn-requestid': 'bench' });
  response.end(body);
}

export interface AwsStub {
  endpoint: string;
  /** Calls answered, by target (`DynamoDB_20120810.GetItem`, `AWSEvents.PutEvents`, `SNS.Publish`). */
  calls: Map<string, number>;
  close: () => Promise<void>;
}

export async function startAwsStub(): Promise<AwsStub> {
  const calls = new Map<string, number>();
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = request.headers['x-amz-target'];
    if (typeof target === 'string') {
      const [service, operation = ''] = target.split('.');
      calls.set(target, (calls.get(target) ?? 0) + 1);
      if (service === 'AWSEvents') {
        return reply(
          response,
          'application/x-amz-json-1.1',
          JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'bench' }] }),
        );
      }
      return reply(
        response,
        'application/x-amz-json-1.0',
        JSON.stringify(EMPTY_DYNAMODB[operation] ?? {}),
      );
    }
    // SNS speaks the query protocol: the action is in the form body.
    const action = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('Action');
    calls.set(`SNS.${action}`, (calls.get(`SNS.${action}`) ?? 0) + 1);
    reply(response, 'text/xml', SNS_PUBLISHED);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
