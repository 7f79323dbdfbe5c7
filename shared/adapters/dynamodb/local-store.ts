/**
 * The embedded DynamoDB-compatible store (dynalite) on 127.0.0.1, with the project's
 * table created from the same definition the CDK app deploys. Used by the local runtime
 * and by the integration tests.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { AbstractIterator, AbstractKeyIterator, AbstractValueIterator } from 'abstract-level';
import dynalite from 'dynalite';
import { Level } from 'level';
import { createTableInput } from './table-definition.ts';

/**
 * dynalite 4.0.0 wraps each Query and Scan in a stream whose destroy() ends the LevelDB
 * iterator with `iterator.return()`, a method abstract-level 3 iterators do not have (they
 * have `close()`). Every query therefore left its iterator open and attached to the
 * database, with the native iterator, its snapshot and the stream waiting on it: the heap
 * grew by tens of kilobytes a request (tests/reliability/memory-soak.test.ts measures it).
 * Giving the iterators the method dynalite calls closes them where dynalite means to.
 */
function closeIteratorsOnReturn(): void {
  for (const iterator of [AbstractIterator, AbstractKeyIterator, AbstractValueIterator]) {
    const prototype = iterator.prototype as { return?: unknown; close(): Promise<void> };
    if (typeof prototype.return === 'function') continue;
    Object.defineProperty(prototype, 'return', {
      configurable: true,
      writable: true,
      value(this: { close(): Promise<void> }) {
        return this.close();
      },
    });
  }
}
closeIteratorsOnReturn();

export interface LocalStore {
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalStoreOptions {
  /** LevelDB folder; in memory when absent. */
  path?: string;
  port?: number;
  host?: string;
}

/**
 * dynalite reports a store it cannot open (corrupt, or locked by another process) only as
 * an uncaught exception from a callback; opening it once first turns that into an error
 * the caller can report.
 */
async function checkStoreOpens(path: string): Promise<void> {
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    throw new Error(cause?.message ?? (error as Error).message, { cause: error });
  } finally {
    await db.close();
  }
}

export async function startLocalStore(options: LocalStoreOptions = {}): Promise<LocalStore> {
  if (options.path) await checkStoreOpens(options.path);
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

/** Creates the table unless it exists; safe to call on every start. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } finally {
    client.destroy();
  }
}
