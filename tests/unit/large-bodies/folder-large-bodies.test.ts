/**
 * The data-folder store of the local runtime: owner-only files, and URLs whose signature
 * and expiry are checked before anything is read.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FolderLargeBodyStore,
  LOCAL_LARGE_BODY_PATH,
  readSignedLargeBody,
  type LargeBodyFolder,
} from '#shared/adapters/files/folder-large-bodies.ts';
import { DOCX_MEDIA_TYPE } from '#shared/platform/media-types.ts';

const KEY = 'rollups/2026-Q3/all/agriculture-r1.industry-r1.services-r1/báo cáo.docx';
const BODY = {
  bytes: Buffer.from('PK\u0003\u0004 a Word document'),
  contentType: DOCX_MEDIA_TYPE,
  fileName: 'báo cáo.docx',
};
let root: string;
let now: Date;
let folder: LargeBodyFolder;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'large-bodies-'));
  now = new Date('2026-10-05T03:00:00Z');
  folder = {
    folder: join(root, 'large-bodies'),
    signingKey: Buffer.alloc(32, 9),
    clock: { now: () => now },
  };
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('FolderLargeBodyStore', () => {
  it('serves what it stored through its signed URL, with its type and name', async () => {
    // Prepare
    const store = new FolderLargeBodyStore(folder);
    await store.put(KEY, BODY);

    // Act
    const url = await store.signedUrl(KEY);
    const read = await readSignedLargeBody(folder, url);

    // Assess
    expect(url.startsWith(LOCAL_LARGE_BODY_PATH)).toBe(true);
    expect(read).toEqual({ outcome: 'found', body: BODY });
  });

  it('keeps its files its owner’s alone, and none named after the key', async () => {
    // Prepare
    const store = new FolderLargeBodyStore(folder);

    // Act
    await store.put(KEY, BODY);

    // Assess
    expect((await stat(folder.folder)).mode & 0o777).toBe(0o700);
    const names = await readdir(folder.folder);
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name).toMatch(/^[0-9a-f]{64}\.(body|json)$/);
      expect((await stat(join(folder.folder, name))).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses a URL whose key, expiry or signature was changed', async () => {
    // Prepare
    const store = new FolderLargeBodyStore(folder);
    await store.put(KEY, BODY);
    const url = new URL(await store.signedUrl(KEY), 'http://local');
    const other = new URL(url);
    other.pathname = `${LOCAL_LARGE_BODY_PATH}${encodeURIComponent('rollups/other')}`;
    const later = new URL(url);
    later.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    const forged = new URL(url);
    forged.searchParams.set('signature', 'A'.repeat(43));

    // Act
    const reads = await Promise.all(
      [other, later, forged].map((each) =>
        readSignedLargeBody(folder, `${each.pathname}${each.search}`),
      ),
    );

    // Assess
    for (const read of reads) expect(read).toEqual({ outcome: 'refused', reason: 'signature' });
  });

  it('refuses a genuine URL once its 15 minutes have passed', async () => {
    // Prepare
    const store = new FolderLargeBodyStore(folder);
    await store.put(KEY, BODY);
    const url = await store.signedUrl(KEY);

    // Act
    now = new Date(now.getTime() + 15 * 60 * 1000);
    const read = await readSignedLargeBody(folder, url);

    // Assess
    expect(read).toEqual({ outcome: 'refused', reason: 'expired' });
  });

  it('says missing for a genuine URL to a key it does not hold', async () => {
    // Prepare
    const store = new FolderLargeBodyStore(folder);

    // Act
    const read = await readSignedLargeBody(folder, await store.signedUrl(KEY));

    // Assess
    expect(read).toEqual({ outcome: 'missing' });
  });
});
