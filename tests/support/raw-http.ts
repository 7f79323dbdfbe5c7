/**
 * HTTP at the byte level, for hostile-input tests: the request target, header values and
 * body go on the wire exactly as given (fetch would normalise the URL, refuse some header
 * values and re-encode bodies as UTF-8).
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  /** The request target as sent: path and query, already percent-encoded as wanted. */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export function rawRequest(baseUrl: string, input: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.target,
        headers: {
          ...input.headers,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Closes the kept-alive sockets, so a test file's process can end. */
export function closeRawConnections(): void {
  agent.destroy();
}
