// dynalite ships no types; this covers the part of its API the project uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';
  interface DynaliteOptions {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}

// The store's own item sizing (DynamoDB's rules), which the benchmark's capacity proxy uses.
declare module 'dynalite/db/index.js' {
  const db: { itemSize(item: Record<string, Record<string, unknown>>): number };
  export default db;
}
