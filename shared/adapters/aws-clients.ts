/**
 * SDK clients as module-level singletons, created once per Lambda container (or process).
 * An endpoint variable (DYNAMODB_ENDPOINT, EVENTBRIDGE_ENDPOINT, SNS_ENDPOINT, SQS_ENDPOINT,
 * SES_ENDPOINT) points a client at the local runtime's emulation; on AWS they are unset. A
 * local emulation listens on a Unix socket in an owner-only folder (`unix:///…/dynamodb.sock`),
 * so that no web page and no other user of the machine can reach it, as they could a
 * loopback port.
 */
import { Agent } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// The SDK warns, once per process, that its releases after early 2027 need Node 22. Lambda
// runs Node 24; on a Node 20 workstation the eight lines would open every command's output
// and say nothing its user can act on. This is the SDK's own switch for that one warning.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SOCKET_SCHEME = 'unix:';

/** The endpoint of an emulation served on a Unix socket: `unix:///path/to/it.sock`. */
export function socketEndpoint(socketPath: string): string {
  return pathToFileURL(socketPath).href.replace(/^file:/, SOCKET_SCHEME);
}

/** The socket an endpoint names, or null for an HTTP endpoint. */
export function socketPathOf(endpoint: string): string | null {
  return endpoint.startsWith(SOCKET_SCHEME)
    ? fileURLToPath(`file:${endpoint.slice(SOCKET_SCHEME.length)}`)
    : null;
}

/** An HTTP agent whose connections all go to one Unix socket, whatever the URL's host. */
class SocketAgent extends Agent {
  constructor(private readonly socketPath: string) {
    super({ keepAlive: true });
  }

  override createConnection(): Socket {
    return createConnection({ path: this.socketPath });
  }
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * The local emulations check that a request carries a well-formed signature, not that it
 * is right: a fixed one spares every request the SHA-256 of its body and the HMAC chain
 * SigV4 computes (a twentieth of the local runtime's time under load, by its profile).
 */
const localSignature: NonNullable<DynamoDBClientConfig['httpAuthSchemes']>[number] = {
  schemeId: 'aws.auth#sigv4',
  identityProvider: () => async () => ({ ...LOCAL_CREDENTIALS, expiration: undefined }),
  signer: {
    sign: async (request) => {
      const signed = request as typeof request & { headers: Record<string, string> };
      signed.headers['x-amz-date'] = '20260101T000000Z';
      signed.headers.authorization =
        'AWS4-HMAC-SHA256 Credential=local/20260101/local/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';
      return signed;
    },
  },
};

/** Settings for a client talking to a local emulation: any credentials will do there. */
export function localClientConfig(endpoint: string | undefined) {
  if (!endpoint) return {};
  const socketPath = socketPathOf(endpoint);
  return {
    // The host name only fills the Host header; the agent picks the socket.
    endpoint: socketPath ? 'http://localhost' : endpoint,
    region: process.env.AWS_REGION ?? 'local',
    credentials: LOCAL_CREDENTIALS,
    httpAuthSchemes: [localSignature],
    ...(socketPath && { requestHandler: { httpAgent: new SocketAgent(socketPath) } }),
  };
}

/**
 * The SDK's logger middleware builds a copy of every request and response, filtered for
 * secrets, to hand a logger the platform never gives it: on a rollup that copy was a tenth
 * of the time (BENCHMARKS.md, figure 2). The platform logs what it decides itself.
 */
export function withoutSdkLogging<C extends { middlewareStack: { remove(name: string): boolean } }>(
  client: C,
): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

export function createDynamoClient(endpoint = process.env.DYNAMODB_ENDPOINT): DynamoDBClient {
  return withoutSdkLogging(new DynamoDBClient(localClientConfig(endpoint)));
}

export function createDocumentClient(
  endpoint = process.env.DYNAMODB_ENDPOINT,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoClient(endpoint), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function createEventBridgeClient(
  endpoint = process.env.EVENTBRIDGE_ENDPOINT,
): EventBridgeClient {
  return withoutSdkLogging(new EventBridgeClient(localClientConfig(endpoint)));
}

export function createSnsClient(endpoint = process.env.SNS_ENDPOINT): SNSClient {
  return withoutSdkLogging(new SNSClient(localClientConfig(endpoint)));
}

export function createSqsClient(endpoint = process.env.SQS_ENDPOINT): SQSClient {
  return new SQSClient(localClientConfig(endpoint));
}

export function createSesClient(endpoint = process.env.SES_ENDPOINT): SESv2Client {
  return new SESv2Client(localClientConfig(endpoint));
}
