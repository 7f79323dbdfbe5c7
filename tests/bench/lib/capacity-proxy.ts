/**
 * Counts the DynamoDB capacity a piece of code consumes without touching the code: a
 * loopback proxy between its SDK clients and dynalite adds `ReturnConsumedCapacity: TOTAL`
 * to every metered request, forwards it, and records what dynalite reports, per operation
 * and per kind of item. Responses go back byte for byte (the SDK checks their CRC32).
 * dynalite does not check request signatures, so rewriting the body is harmless. For the
 * index writes dynalite does not bill, the proxy reads each written item aside (uncounted)
 * and sizes the entries its indexes keep of it.
 */
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynaliteDb from 'dynalite/db/index.js';
import { socketPathOf } from '#shared/adapters/aws-clients.ts';
import {
  GLOBAL_INDEXES,
  PARTITION_KEY,
  SORT_KEY,
  type GlobalIndex,
} from '#shared/adapters/dynamodb/table-definition.ts';

export interface CapacityRecord {
  /** `PutItem report`, `Query GSI2 STATE#…`: what was read or written. */
  label: string;
  operation: string;
  /** What the store reports: the base table only (twice the units for a transaction). */
  capacityUnits: number;
  /**
   * An estimate of DynamoDB's bill for a write: the table's units, plus one write per
   * global index the written item is in, sized as what the index projects of it
   * (table-definition.ts). The store leaves index writes out.
   */
  withIndexWrites: number;
  /** A conditional write whose condition failed (the store reports no capacity for it). */
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
  'TransactWriteItems',
]);

type AttributeValue = { S?: string };
type RawItem = Record<string, Record<string, unknown>>;
type Body = Record<string, unknown>;

/** What a key names, in the single-table design's words (README, "Single-table design"). */
export function itemKind(pk: string, sk: string): string {
  const [pkType] = pk.split('#');
  const [skType] = sk.split('#');
  if (pkType === 'TASK') {
    const kinds: Record<string, string> = {
      V: 'task',
      REPORT: 'report',
      STATE: 'agency latest state',
      SUMMARY: 'task summary',
      RISK: 'risk flag',
      LINK: 'task link',
      REVIEW: 'review',
    };
    return kinds[skType ?? ''] ?? `task ${skType}`;
  }
  if (pkType === 'ROLLUP') return skType === 'PART' ? 'snapshot part' : 'snapshot head';
  if (pkType === 'AGENCIES' && sk === 'STAMP') return 'agency stamp';
  const kinds: Record<string, string> = {
    IDEMPOTENCY: 'idempotency record',
    TOKEN: 'token',
    AGENCY: 'agency',
    PLAN: 'plan',
    AUDIT: 'audit entry',
    REPORT: 'report',
  };
  return kinds[pkType ?? ''] ?? pkType ?? 'item';
}

const WRITES = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

function keyOf(item: unknown): { PK: string; SK: string } {
  const key = (item ?? {}) as Record<string, AttributeValue>;
  return { PK: key.PK?.S ?? '', SK: key.SK?.S ?? '' };
}

const kindOf = (item: unknown) => {
  const { PK, SK } = keyOf(item);
  return itemKind(PK, SK);
};

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

/** One write of a TransactWriteItems or BatchWriteItem request, or a single-item write. */
interface Write {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  key: { PK: string; SK: string };
}

function writesOf(operation: string, body: Body): Write[] {
  switch (operation) {
    case 'PutItem':
      return [{ kind: 'Put', key: keyOf(body.Item) }];
    case 'UpdateItem':
      return [{ kind: 'Update', key: keyOf(body.Key) }];
    case 'DeleteItem':
      return [{ kind: 'Delete', key: keyOf(body.Key) }];
    case 'TransactWriteItems':
      return ((body.TransactItems ?? []) as Record<string, Body>[]).flatMap((entry) =>
        (['Put', 'Update', 'Delete', 'ConditionCheck'] as const).flatMap((kind) =>
          entry[kind] ? [{ kind, key: keyOf(entry[kind].Item ?? entry[kind].Key) }] : [],
        ),
      );
    default:
      return [];
  }
}

function batchKeys(body: Body): unknown[] {
  const requests = (body.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>;
  return Object.values(requests).flatMap((request) => request.Keys ?? []);
}

const distinct = (kinds: string[]) => [...new Set(kinds)].join(', ');

export function describeRequest(operation: string, body: Body): string {
  switch (operation) {
    case 'PutItem':
      return `${operation} ${kindOf(body.Item)}`;
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return `${operation} ${kindOf(body.Key)}`;
    case 'Query':
      return `${operation} ${queryLabel(body)}`;
    case 'BatchGetItem':
      return `${operation} ${distinct(batchKeys(body).map(kindOf))}`;
    case 'TransactWriteItems':
      return `${operation} ${distinct(
        writesOf(operation, body).map((write) => itemKind(write.key.PK, write.key.SK)),
      )}`;
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

/** The write units of one index entry: what the index projects of the item, per 1 KB. */
function indexEntryUnits(item: RawItem, index: GlobalIndex): number {
  const kept = new Set<string>([
    PARTITION_KEY,
    SORT_KEY,
    index.partitionKey,
    index.sortKey,
    ...(index.projection.type === 'INCLUDE' ? index.projection.attributes : []),
  ]);
  const projected =
    index.projection.type === 'ALL'
      ? item
      : Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
  return Math.max(1, Math.ceil(dynaliteDb.itemSize(projected) / 1024));
}

/** The units of the index entries an item has (it is in an index when it has its keys). */
function indexUnits(item: RawItem | undefined): number {
  if (!item) return 0;
  return GLOBAL_INDEXES.filter((index) => item[index.partitionKey] && item[index.sortKey]).reduce(
    (sum, index) => sum + indexEntryUnits(item, index),
    0,
  );
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

  const send = async (
    headers: IncomingMessage['headers'],
    path: string | undefined,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> => {
    const response = await new Promise<IncomingMessage>((resolveResponse, reject) => {
      const outgoing = httpRequest(
        {
          ...target,
          method: 'POST',
          path,
          headers: { ...headers, 'content-length': String(body.length) },
          agent,
        },
        resolveResponse,
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    return {
      status: response.statusCode ?? 500,
      headers: response.headers,
      body: await readAll(response),
    };
  };

  /** The item as stored now, read aside (not counted): what decides its index entries. */
  const storedItem = async (
    headers: IncomingMessage['headers'],
    tableName: string,
    key: { PK: string; SK: string },
  ): Promise<RawItem | undefined> => {
    const answer = await send(
      { ...headers, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      '/',
      Buffer.from(
        JSON.stringify({
          TableName: tableName,
          Key: { PK: { S: key.PK }, SK: { S: key.SK } },
          ConsistentRead: true,
        }),
      ),
    );
    return (JSON.parse(answer.body.toString('utf8') || '{}') as { Item?: RawItem }).Item;
  };

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
      const tableName = String(
        body?.TableName ??
          Object.values(((body?.TransactItems ?? [{}]) as Record<string, Body>[])[0] ?? {})[0]
            ?.TableName ??
          '',
      );
      const writes = body ? writesOf(operation, body) : [];
      // A deleted item's index entries go with it: their size is the item's before.
      const before = await Promise.all(
        writes.map((write) =>
          write.kind === 'Delete' ? storedItem(request.headers, tableName, write.key) : undefined,
        ),
      );
      const answer = await send(request.headers, request.url, forwarded);
      if (body) {
        const parsed = JSON.parse(answer.body.toString('utf8') || '{}') as Body;
        const type = String(parsed.__type ?? '');
        const failed = answer.status !== 200;
        const after = failed
          ? []
          : await Promise.all(
              writes.map((write) =>
                write.kind === 'Put' || write.kind === 'Update'
                  ? storedItem(request.headers, tableName, write.key)
                  : undefined,
              ),
            );
        const capacityUnits = unitsOf(parsed);
        const indexWrites = writes.reduce(
          (sum, _, i) => sum + indexUnits(after[i]) + indexUnits(before[i]),
          0,
        );
        records.push({
          label: describeRequest(operation, body),
          operation,
          capacityUnits,
          withIndexWrites: WRITES.has(operation) ? capacityUnits + (failed ? 0 : indexWrites) : 0,
          conditionFailed:
            type.endsWith('ConditionalCheckFailedException') ||
            type.endsWith('TransactionCanceledException'),
        });
      }
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
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
