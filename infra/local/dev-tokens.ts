/**
 * Development tokens, issued on first start: an admin, a viewer and one per agency, written
 * to `<data folder>/tokens.json` (mode 0600, never committed). Later starts reuse the file.
 */
import { access, chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { Agency } from '#shared/domain/plan/model.ts';
import { issueToken, type TokenRepository } from '#shared/use-cases/access.ts';

export const devTokensSchema = z.object({
  admin: z.string(),
  viewer: z.string(),
  agencies: z.record(z.string(), z.string()),
});
export type DevTokens = z.infer<typeof devTokensSchema>;

export const tokensFile = (dataDir: string) => join(dataDir, 'tokens.json');

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDevTokens(
  dataDir: string,
  tokens: TokenRepository,
  agencies: readonly Agency[],
): Promise<{ file: string; tokens: DevTokens; issued: boolean }> {
  const file = tokensFile(dataDir);
  if (await exists(file)) {
    return {
      file,
      tokens: devTokensSchema.parse(JSON.parse(await readFile(file, 'utf8'))),
      issued: false,
    };
  }
  const now = new Date();
  const issue = async (role: 'admin' | 'viewer' | 'agency', agencyId?: string) =>
    (await issueToken({ role, agencyId, label: `development ${agencyId ?? role}` }, tokens, now))
      .secret;
  const devTokens: DevTokens = {
    admin: await issue('admin'),
    viewer: await issue('viewer'),
    agencies: {},
  };
  for (const agency of agencies.filter((a) => a.kind !== 'collective')) {
    devTokens.agencies[agency.id] = await issue('agency', agency.id);
  }
  await writeFile(file, `${JSON.stringify(devTokens, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { file, tokens: devTokens, issued: true };
}
