/**
 * Large bodies on one machine: files in the data folder (owner-only, as everything there),
 * served by the local runtime's own route through a URL signed with HMAC-SHA256 that
 * expires as a presigned S3 URL does. The route is relative to the runtime's address, so a
 * client follows it wherever the runtime listens. Hand-written: there is no S3 here to
 * presign for, and the signature is a few lines of node:crypto.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { Clock } from '#shared/use-cases/progress-ports.ts';
import {
  LARGE_BODY_URL_SECONDS,
  type LargeBody,
  type LargeBodyStore,
} from '#shared/use-cases/large-body-ports.ts';

/** The local runtime's route for them: a prefix of its own, outside the declared routes. */
export const LOCAL_LARGE_BODY_PATH = '/tep-lon/';

export interface LargeBodyFolder {
  folder: string;
  /** The HMAC key the URLs are signed with; the runtime makes a fresh one at each start. */
  signingKey: Buffer;
  clock: Clock;
  expiresInSeconds?: number;
}

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

const metadataSchema = z.object({
  contentType: z.string().min(1),
  fileName: z.string().min(1).optional(),
});

/** A key may hold any character: its files are named by its hash, never by the key itself. */
const filesOf = (folder: string, key: string) => {
  const base = join(folder, createHash('sha256').update(key).digest('hex'));
  return { body: `${base}.body`, metadata: `${base}.json` };
};

const signatureOf = (signingKey: Buffer, key: string, expires: number) =>
  createHmac('sha256', signingKey).update(`${key}\n${expires}`).digest('base64url');

/** Writes beside the target, then renames: a reader never sees half a file. */
async function writePrivately(path: string, content: Uint8Array | string): Promise<void> {
  const partial = `${path}.${randomUUID()}.part`;
  await writeFile(partial, content, { mode: PRIVATE_FILE });
  await rename(partial, path);
}

export class FolderLargeBodyStore implements LargeBodyStore {
  constructor(private readonly options: LargeBodyFolder) {}

  async put(key: string, body: LargeBody): Promise<void> {
    await mkdir(this.options.folder, { recursive: true, mode: PRIVATE_FOLDER });
    const files = filesOf(this.options.folder, key);
    const metadata: z.infer<typeof metadataSchema> = {
      contentType: body.contentType,
      ...(body.fileName && { fileName: body.fileName }),
    };
    // The body first: the metadata's presence says the body is complete.
    await writePrivately(files.body, body.bytes);
    await writePrivately(files.metadata, JSON.stringify(metadata));
  }

  async signedUrl(key: string): Promise<string> {
    const seconds = this.options.expiresInSeconds ?? LARGE_BODY_URL_SECONDS;
    const expires = Math.floor(this.options.clock.now().getTime() / 1000) + seconds;
    const query = new URLSearchParams({
      expires: String(expires),
      signature: signatureOf(this.options.signingKey, key, expires),
    });
    return `${LOCAL_LARGE_BODY_PATH}${encodeURIComponent(key)}?${query}`;
  }
}

export type SignedRead =
  | { outcome: 'found'; body: LargeBody }
  | { outcome: 'refused'; reason: 'signature' | 'expired' }
  | { outcome: 'missing' };

/**
 * The body a signed URL names (its path and query, under LOCAL_LARGE_BODY_PATH), once its
 * signature and expiry are checked; the signature first, so that an expired URL says so
 * only to whoever holds a genuine one.
 */
export async function readSignedLargeBody(
  options: LargeBodyFolder,
  pathAndQuery: string,
): Promise<SignedRead> {
  const url = new URL(pathAndQuery, 'http://local');
  let key: string;
  try {
    key = decodeURIComponent(url.pathname.slice(LOCAL_LARGE_BODY_PATH.length));
  } catch {
    return { outcome: 'refused', reason: 'signature' };
  }
  const expires = Number(url.searchParams.get('expires'));
  const given = Buffer.from(url.searchParams.get('signature') ?? '', 'base64url');
  const expected = Buffer.from(signatureOf(options.signingKey, key, expires), 'base64url');
  if (!Number.isSafeInteger(expires) || given.length !== expected.length) {
    return { outcome: 'refused', reason: 'signature' };
  }
  if (!timingSafeEqual(given, expected)) return { outcome: 'refused', reason: 'signature' };
  if (options.clock.now().getTime() >= expires * 1000) {
    return { outcome: 'refused', reason: 'expired' };
  }
  const files = filesOf(options.folder, key);
  try {
    const metadata = metadataSchema.parse(JSON.parse(await readFile(files.metadata, 'utf8')));
    const bytes = await readFile(files.body);
    return { outcome: 'found', body: { bytes, ...metadata } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { outcome: 'missing' };
    throw error;
  }
}
