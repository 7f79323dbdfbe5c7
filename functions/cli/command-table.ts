/**
 * The table an admin command line reads and writes: the running local platform's, found
 * through its data folder as every local command finds it (`--data-dir`, else DATA_DIR,
 * else `.data`), unless TABLE_NAME names another (a deployed one, with AWS credentials).
 * A `--data-dir` given on the command line always means the local platform.
 */
import { resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#shared/adapters/aws-clients.ts';
import { readRuntimeInfo } from '#infra/local/runtime-file.ts';
import { tableAccess } from '../wiring.ts';
import { CommandError } from './command-line.ts';

/** The flag every command that reaches the local platform takes. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

export function dataDirOf(flag: string | undefined): string {
  return resolve(flag ?? process.env.DATA_DIR ?? '.data');
}

export async function commandTable(
  dataDirFlag: string | undefined,
): Promise<{ db: DynamoDBDocumentClient; tableName: string }> {
  if (dataDirFlag === undefined && process.env.TABLE_NAME) return tableAccess();
  const dataDir = dataDirOf(dataDirFlag);
  const runtime = await readRuntimeInfo(dataDir);
  if (!runtime) {
    throw new CommandError(
      `no running platform uses ${dataDir}; start it with npm start, or set TABLE_NAME`,
    );
  }
  return { tableName: runtime.tableName, db: createDocumentClient(runtime.storeEndpoint) };
}
