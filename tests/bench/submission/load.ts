/**
 * A closed-loop load: `connections` clients, each sending its next request as soon as the
 * last is answered, for a fixed time. autocannon drives the sockets; latencies are taken
 * from its per-response event (floating-point milliseconds) rather than its histograms,
 * which round to whole milliseconds: too coarse for a 1 ms PutItem.
 */
import autocannon from 'autocannon';
import { socketPathOf } from '#shared/adapters/aws-clients.ts';
import { percentile } from '../lib/stats.ts';

export interface RequestParts {
  path?: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** 2xx answers: accepted reports, or stored items. */
  accepted: number;
  rejected: Record<string, number>;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** Accepted per second. */
  throughput: number;
}

export async function runLoad(options: {
  url: string;
  connections: number;
  seconds: number;
  request: (n: number) => RequestParts;
}): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  // A store endpoint may be a Unix socket (aws-clients.ts): autocannon connects to it.
  const socketPath = socketPathOf(options.url);
  const instance = autocannon({
    url: socketPath ? 'http://localhost' : options.url,
    ...(socketPath && { socketPath }),
    method: 'POST',
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const next = options.request(n++);
          return {
            ...request,
            path: next.path ?? request.path,
            headers: { ...request.headers, ...next.headers },
            body: next.body,
          };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const rejected = Object.fromEntries(
    Object.entries(result.statusCodeStats)
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, { count }]) => [status, count]),
  );
  return {
    connections: options.connections,
    seconds: result.duration,
    accepted: result['2xx'],
    rejected,
    errors: result.errors,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    throughput: result['2xx'] / result.duration,
  };
}
