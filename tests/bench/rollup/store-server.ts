/**
 * dynalite in a process of its own, persisted on disk like the local runtime's store, with
 * the project's table: the generator and the rollup talk to it over loopback as Lambda
 * talks to DynamoDB, each on its own core.
 */
import { ensureTable, startLocalStore } from '#shared/adapters/dynamodb/local-store.ts';
import { runMain, serve } from '../lib/child.ts';

runMain(async () => {
  const [path, tableName] = process.argv.slice(2);
  if (!path || !tableName) throw new Error('usage: store-server.ts <folder> <table name>');
  const store = await startLocalStore(path === 'memory' ? {} : { path });
  await ensureTable(store.endpoint, tableName);
  await serve({ endpoint: store.endpoint }, {}, () => store.close());
});
