/**
 * `<data folder>/runtime.json`: where a running local runtime serves, so the command lines
 * (`npm run rollup`, `npm run risk-scan`, `npm run dead-letters`) find it. Removed on stop.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';

export const runtimeInfoSchema = z.object({
  pid: z.number(),
  apiUrl: z.url(),
  controlUrl: z.url(),
  storeEndpoint: z.url(),
  tableName: z.string(),
});
export type RuntimeInfo = z.infer<typeof runtimeInfoSchema>;

const runtimeFile = (dataDir: string) => join(dataDir, 'runtime.json');

export async function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): Promise<void> {
  await writeFile(runtimeFile(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function removeRuntimeInfo(dataDir: string): Promise<void> {
  await rm(runtimeFile(dataDir), { force: true });
}

export async function readRuntimeInfo(dataDir: string): Promise<RuntimeInfo | null> {
  try {
    return runtimeInfoSchema.parse(JSON.parse(await readFile(runtimeFile(dataDir), 'utf8')));
  } catch {
    return null;
  }
}
