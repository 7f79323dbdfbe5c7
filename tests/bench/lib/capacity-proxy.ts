/**
 * Counts the DynamoDB capacity a piece of code consumes without touching the code: a
 * loopback proxy between its SDK clients and dynalite adds `ReturnConsumedCapacity: TOTAL`
 * to every metered request, forwards it, and records what dynalite reports, per operation
 * and per kind of item. Responses go back byte for byte (the SDK checks their CRC32).
 * dynalite does not check request signatures, so rewriting the body is harmless.
 */
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { socketPathOf } from '#shared/adapters/aws-clients.ts';

export interface CapacityRecord {
  /** `PutItem report`, `Query GSI2 STATE#…`: what was read or written. */
  label: string;
  operation: string;
  /** What dynalite reports: the base table only. */
  capacityUnits: number;
  /**
   * An estimate of DynamoDB's bill for a write: the table's units once more for each global
   * index the item is in (README's table: every index projects ALL attributes, so an index
   * copy costs what the item does). dynalite leaves index writes out.
   */
  withIndexWrites: number;
  /** A conditional write whose condition failed (dynalite reports no capacity for it). */
  conditionFailed: boolean;
}

export interface CapacityProxy {
  endpoint: string;
  /** The records since the last call, oldest first. */
  take(): CapacityRecord[];
  close(): Promise<void>;
}

const METERED = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
]);

type AttributeValue = { S?: string };
type Body = Record<string, unknown>;

/** What a key names, in the single-table design's words (README, "Single-table design"). */
export function itemKind(pk: string, sk: string): string {
  const [pkType] = pk.split('#');
  const [skType] = sk.split('#');
  if (pkType === 'TASK') {
    const kinds: Record<string, string> = {
      TASK: 'task',
      REPORT: 'report',
      STATE: 'agency latest state',
      RISK: 'risk flag',
      LINK: 'task link',
    };
    return kinds[skType ?? ''] ?? `task ${skType}`;
  }
  if (pkType === 'ROLLUP') return skType === 'PART' ? 'snapshot part' : 'snapshot head';
  const kinds: Record<string, string> = {
    IDEMPOTENCY: 'idempotency record',
    TOKEN: 'token',
    AGENCY: 'agency',
    PLAN: 'plan',
  };
  return kinds[pkType ?? ''] ?? pkType ?? 'item';
}

/** How many of GSI1 and GSI2 an item of each kind is in (README, "Single-table design"). */
const INDEXES_OF: Record<string, number> = {
  task: 2,
  report: 2,
  'agency latest state': 1,
  'risk flag': 1,
  'task link': 1,
  token: 1,
  agency: 1,
  plan: 1,
};

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

function keyOf(item: unknown): string {
  const key = (item ?? {}) as Record<string, AttributeValue>;
  return itemKind(key.PK?.S ?? '', key.SK?.S ?? '');
}

function indexCopies(operation: string, body: Body): number {
  if (!WRITES.has(operation) || operation === 'BatchWriteItem') return 0;
  return INDEXES_OF[keyOf(operation === 'PutItem' ? body.Item : body.Key)] ?? 0;
}

/** The partition a query reads, with the variable part elided: `GSI2 STATE#…`. */
function queryLabel(body: Body): string {
  const condition = String(body.KeyConditionExpression ?? '');
  const placeholder = /PK\s*=\s*(:\w+)/.exec(condition)?.[1] ?? '';
  const values = (body.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  const partition = values[placeholder]?.S ?? '?';
  const [head] = partition.split('#');
  const shown = partition.includes('#') ? `${head}#…` : partition;
  return `${String(body.IndexName ?? 'table')} ${shown}`;
}

export function describeRequest(operation: string, body: Body): string {
  switch (operation) {
    case 'PutItem':
      return `${operation} ${keyOf(body.Item)}`;
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return `${operation} ${keyOf(body.Key)}`;
    case 'Query':
      return `${operation} ${queryLabel(body)}`;
    default:
      return operation;
  }
}

function unitsOf(response: Body): number {
  const consumed = response.ConsumedCapacity as
    { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startCapacityProxy(upstream: string): Promise<CapacityProxy> {
  // The platform's store answers on a Unix socket (aws-clients.ts); a bare store on a port.
  const socketPath = socketPathOf(upstream);
  const target = socketPath
    ? { socketPath }
    : (({ hostname: host, port }) => ({ host, port }))(new URL(upstream));
  const agent = new Agent({ keepAlive: true });
  let records: CapacityRecord[] = [];

  const server = createServer((request, response) => {
    void (async () => {
      const raw = await readAll(request);
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let forwarded = raw;
      let body: Body | undefined;
      if (METERED.has(operation) && raw.length > 0) {
        body = JSON.parse(raw.toString('utf8')) as Body;
        forwarded = Buffer.from(JSON.stringify({ ReturnConsumedCapacity: 'TOTAL', ...body }));
      }
      const headers = { ...request.headers, 'content-length': String(forwarded.length) };
      const upstreamResponse = await new Promise<IncomingMessage>((resolveResponse, reject) => {
        const outgoing = httpRequest(
          {
            ...target,
            method: request.method,
            path: request.url,
            headers,
            agent,
          },
          resolveResponse,
        );
        outgoing.on('error', reject);
        outgoing.end(forwarded);
      });
      const answer = await readAll(upstreamResponse);
      if (body) {
        const parsed = JSON.parse(answer.toString('utf8') || '{}') as Body;
        const capacityUnits = unitsOf(parsed);
        records.push({
          label: describeRequest(operation, body),
          operation,
          capacityUnits,
          withIndexWrites: capacityUnits * (1 + indexCopies(operation, body)),
          conditionFailed: String(parsed.__type ?? '').endsWith('ConditionalCheckFailedException'),
        });
      }
      response.writeHead(upstreamResponse.statusCode ?? 500, upstreamResponse.headers);
      response.end(answer);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify({ __type: 'ProxyError', message: String(error) }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    take: () => {
      const taken = records;
      records = [];
      return taken;
    },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

export interface CapacityLine {
  label: string;
  kind: 'read' | 'write';
  /** Requests of this kind per unit of work (per report, per rollup). */
  requests: number;
  capacityUnits: number;
  withIndexWrites: number;
}

/** Sums records by label, divided by the units of work they served; sorted for a stable layout. */
export function summarise(records: readonly CapacityRecord[], per: number): CapacityLine[] {
  const lines = new Map<string, CapacityLine>();
  for (const record of records) {
    const line = lines.get(record.label) ?? {
      label: record.label,
      kind: WRITES.has(record.operation) ? 'write' : 'read',
      requests: 0,
      capacityUnits: 0,
      withIndexWrites: 0,
    };
    line.requests += 1 / per;
    line.capacityUnits += record.capacityUnits / per;
    line.withIndexWrites += record.withIndexWrites / per;
    lines.set(record.label, line);
  }
  return [...lines.values()].sort((a, b) => a.label.localeCompare(b.label));
}
