/**
 * The embedded DynamoDB-compatible store (dynalite) on a private Unix socket, with the
 * project's table created from the same definition the CDK app deploys, and the
 * TransactWriteItems dynalite lacks (local-transactions.ts). Used by the local runtime and
 * by the integration tests.
 */
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { AbstractIterator, AbstractKeyIterator, AbstractValueIterator } from 'abstract-level';
import dynalite from 'dynalite';
import { Level } from 'level';
import { createDynamoClient, socketEndpoint } from '../aws-clients.ts';
import { serveTransactions } from './local-transactions.ts';
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
  /** `unix:///…/dynamodb.sock`: the SDK clients of aws-clients.ts connect to it. */
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalStoreOptions {
  /** LevelDB folder; in memory when absent. */
  path?: string;
  /**
   * The Unix socket to serve on, in a folder only its owner can enter; by default one in a
   * fresh owner-only temporary folder, removed on close. A stale socket file is replaced.
   */
  socketPath?: string;
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

/**
 * Serves a local emulation on a Unix socket only its owner may connect to, and returns its
 * endpoint. A socket file already there is one a killed platform left: the caller holds
 * the data folder (its LevelDB lock), so no running platform uses it.
 */
export async function listenOnPrivateSocket(server: Server, socketPath: string): Promise<string> {
  await rm(socketPath, { force: true });
  server.listen(socketPath);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  await chmod(socketPath, 0o600);
  return socketEndpoint(socketPath);
}

/**
 * dynalite on a Unix socket, never a TCP port: it needs no credentials and answers any
 * origin's CORS preflight, so on a port any local user or web page could read and write
 * the store (and make itself admin with a token record of its own).
 */
export async function startLocalStore(options: LocalStoreOptions = {}): Promise<LocalStore> {
  if (options.path) await checkStoreOpens(options.path);
  const ownFolder = options.socketPath ? null : await mkdtemp(join(tmpdir(), 'langson-store-')); // mkdtemp's folder is 0700
  const socketPath = options.socketPath ?? join(ownFolder ?? '', 'dynamodb.sock');
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  serveTransactions(server, () => socketPath);
  return {
    endpoint: await listenOnPrivateSocket(server, socketPath),
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      if (ownFolder) await rm(ownFolder, { recursive: true, force: true });
    },
  };
}

/** Creates the table unless it exists; safe to call on every start. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = createDynamoClient(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } finally {
    client.destroy();
  }
}
