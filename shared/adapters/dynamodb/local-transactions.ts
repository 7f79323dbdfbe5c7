/**
 * TransactWriteItems for the local store, which dynalite lacks. Written here because no
 * maintained package adds transactions to dynalite. The request's writes are carried out
 * in order, each a conditional single-item write sent to dynalite itself; when one's
 * condition fails, the writes before it are undone from the images they returned, and
 * the answer is DynamoDB's: TransactionCanceledException with one reason per item
 * (`ConditionalCheckFailed` with the item when asked, `None` for the others). Transactions
 * touching the same item wait for each other.
 *
 * What it does not give: atomicity against a crash (a process killed between two writes
 * leaves the first; dynalite's own PutItem writes an item and its index entries apart as
 * well), isolation from single-item writes, and ConditionCheck items. The platform orders
 * a transaction's writes so that a retry converges after a crash (submit-report.ts).
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { PARTITION_KEY, SORT_KEY } from './table-definition.ts';

export const TRANSACT_WRITE_TARGET = 'DynamoDB_20120810.TransactWriteItems';
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const MAX_ITEMS = 100;

type AttributeMap = Record<string, Record<string, unknown>>;
type Body = Record<string, unknown>;

interface Operation {
  target: 'PutItem' | 'UpdateItem' | 'DeleteItem';
  tableName: string;
  key: AttributeMap;
  request: Body;
  returnOnFailure: boolean;
}

interface Answer {
  status: number;
  body: Body;
}

/** A request to the store itself, as a client sends it (dynalite checks the headers' form). */
type Send = (target: string, body: Body, headers: IncomingMessage['headers']) => Promise<Answer>;

async function readBody(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, { status, body }: Answer): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const failure = (type: string, message: string, extra: Body = {}): Answer => ({
  status: 400,
  body: { __type: `${ERROR_PREFIX}${type}`, message, ...extra },
});

const TARGETS = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem' } as const;

/** The writes of a request, or the reason it is invalid. */
function operationsOf(body: Body): Operation[] | string {
  const items = body.TransactItems;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS) {
    return `TransactItems must hold 1 to ${MAX_ITEMS} items`;
  }
  const operations: Operation[] = [];
  const seen = new Set<string>();
  for (const entry of items as Body[]) {
    const kinds = Object.keys(entry);
    const [kind] = kinds;
    if (kinds.length !== 1 || !(kind === 'Put' || kind === 'Update' || kind === 'Delete')) {
      return 'the local store carries out Put, Update and Delete items, one per entry';
    }
    const {
      ReturnValuesOnConditionCheckFailure: returnOnFailure,
      TableName: tableName,
      ...request
    } = entry[kind] as Body;
    const source = (kind === 'Put' ? request.Item : request.Key) as AttributeMap | undefined;
    const key = Object.fromEntries(
      [PARTITION_KEY, SORT_KEY].flatMap((name) => (source?.[name] ? [[name, source[name]]] : [])),
    ) as AttributeMap;
    const identity = `${String(tableName)}|${JSON.stringify(key)}`;
    if (seen.has(identity)) {
      return 'Transaction request cannot include multiple operations on one item';
    }
    seen.add(identity);
    operations.push({
      target: TARGETS[kind],
      tableName: String(tableName),
      key,
      request: { ...request, TableName: tableName, ReturnValues: 'ALL_OLD' },
      returnOnFailure: returnOnFailure === 'ALL_OLD',
    });
  }
  return operations;
}

/** Per-item queues: a transaction waits for the earlier ones that touch any of its items. */
class ItemLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async hold<T>(names: string[], work: () => Promise<T>): Promise<T> {
    const earlier = names.map((name) => this.tails.get(name) ?? Promise.resolve());
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    for (const name of names) this.tails.set(name, mine);
    await Promise.all(earlier);
    try {
      return await work();
    } finally {
      release();
      for (const name of names) if (this.tails.get(name) === mine) this.tails.delete(name);
    }
  }
}

const capacityOf = (body: Body) =>
  Number((body.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0);

async function transact(body: Body, headers: IncomingMessage['headers'], send: Send) {
  const operations = operationsOf(body);
  if (typeof operations === 'string') return failure('ValidationException', operations);
  const metered =
    body.ReturnConsumedCapacity === 'TOTAL' || body.ReturnConsumedCapacity === 'INDEXES';
  const undo: { target: string; request: Body }[] = [];
  let units = 0;
  const rollBack = async () => {
    for (const step of undo.reverse()) await send(step.target, step.request, headers);
  };
  for (const [index, operation] of operations.entries()) {
    const answer = await send(
      operation.target,
      { ...operation.request, ...(metered && { ReturnConsumedCapacity: 'TOTAL' }) },
      headers,
    );
    if (answer.status === 200) {
      units += capacityOf(answer.body);
      const before = answer.body.Attributes as AttributeMap | undefined;
      undo.push(
        before
          ? { target: 'PutItem', request: { TableName: operation.tableName, Item: before } }
          : {
              target: 'DeleteItem',
              request: { TableName: operation.tableName, Key: operation.key },
            },
      );
      continue;
    }
    await rollBack();
    if (!String(answer.body.__type).endsWith('ConditionalCheckFailedException')) return answer;
    const stored = operation.returnOnFailure
      ? await send(
          'GetItem',
          { TableName: operation.tableName, Key: operation.key, ConsistentRead: true },
          headers,
        )
      : null;
    const reasons = operations.map((_, i) =>
      i !== index
        ? { Code: 'None' }
        : {
            Code: 'ConditionalCheckFailed',
            Message: 'The conditional request failed',
            ...(stored?.body.Item ? { Item: stored.body.Item } : {}),
          },
    );
    return failure(
      'TransactionCanceledException',
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
      { CancellationReasons: reasons },
    );
  }
  // DynamoDB bills a transactional write twice a standard one.
  const tableName = operations[0]?.tableName ?? '';
  return {
    status: 200,
    body: metered
      ? {
          ConsumedCapacity: [
            { TableName: tableName, CapacityUnits: units * 2, WriteCapacityUnits: units * 2 },
          ],
        }
      : {},
  };
}

/** Sends a request to the store's own socket, as any client would. */
function socketSender(socketPath: string): Send {
  return (target, body, headers) =>
    new Promise<Answer>((resolve, reject) => {
      const text = JSON.stringify(body);
      const outgoing = httpRequest(
        {
          socketPath,
          method: 'POST',
          path: '/',
          headers: {
            host: 'localhost',
            'content-type': 'application/x-amz-json-1.0',
            'content-length': Buffer.byteLength(text),
            'x-amz-target': `DynamoDB_20120810.${target}`,
            'x-amz-date': headers['x-amz-date'],
            authorization: headers.authorization,
          },
        },
        (response) => {
          readBody(response).then(
            (answer) =>
              resolve({
                status: response.statusCode ?? 500,
                body: answer ? (JSON.parse(answer) as Body) : {},
              }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(text);
    });
}

/**
 * Makes the dynalite server listening on `socketPath` answer TransactWriteItems too; every
 * other request still goes straight to dynalite.
 */
export function serveTransactions(server: Server, socketPath: () => string): void {
  const [dynaliteHandler] = server.listeners('request') as RequestListener[];
  if (!dynaliteHandler) throw new Error('the store has no request handler to extend');
  const locks = new ItemLocks();
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers['x-amz-target'] !== TRANSACT_WRITE_TARGET) {
      dynaliteHandler(request, response);
      return;
    }
    void (async () => {
      const body = JSON.parse(await readBody(request)) as Body;
      const operations = operationsOf(body);
      const names =
        typeof operations === 'string'
          ? []
          : operations.map((o) => `${o.tableName}|${JSON.stringify(o.key)}`);
      const answer = await locks.hold(names, () =>
        transact(body, request.headers, socketSender(socketPath())),
      );
      reply(response, answer);
    })().catch((error: unknown) => {
      reply(response, {
        status: 500,
        body: { __type: `${ERROR_PREFIX}InternalServerError`, message: String(error) },
      });
    });
  });
}
