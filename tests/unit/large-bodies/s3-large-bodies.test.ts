/**
 * The S3 large-body store against the AWS SDK (aws-sdk-client-mock): what PutObject
 * carries, and the presigned GetObject URL (presigning is offline, so fake credentials do).
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3LargeBodyStore } from '#shared/adapters/s3/s3-large-bodies.ts';
import { XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';

const s3 = mockClient(S3Client);
const BUCKET = 'langson-large-bodies-test';
const client = () =>
  new S3Client({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example-secret' },
  });

beforeEach(() => {
  s3.reset();
});

describe('S3LargeBodyStore', () => {
  it('puts the bytes with their type, a download name and no shared caching', async () => {
    // Prepare
    s3.on(PutObjectCommand).resolves({});
    const store = new S3LargeBodyStore(client(), BUCKET);
    const bytes = new Uint8Array([80, 75, 3, 4]);

    // Act
    await store.put('rollups/2026-Q3/agriculture/agriculture-r1/rollup.xlsx', {
      bytes,
      contentType: XLSX_MEDIA_TYPE,
      fileName: 'tổng-hợp-2026-Q3.xlsx',
    });

    // Assess
    expect(s3).toHaveReceivedCommandTimes(PutObjectCommand, 1);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: BUCKET,
      Key: 'rollups/2026-Q3/agriculture/agriculture-r1/rollup.xlsx',
      Body: bytes,
      ContentType: XLSX_MEDIA_TYPE,
      ContentDisposition:
        'attachment; filename="tong-hop-2026-Q3.xlsx"; filename*=UTF-8\'\'t%E1%BB%95ng-h%E1%BB%A3p-2026-Q3.xlsx',
      CacheControl: 'private, no-store',
    });
  });

  it('puts a JSON body without a download name', async () => {
    // Prepare
    s3.on(PutObjectCommand).resolves({});
    const store = new S3LargeBodyStore(client(), BUCKET);

    // Act
    await store.put('rollups/2026-Q3/all/x/rollup-2026-Q3.json', {
      bytes: Buffer.from('{}'),
      contentType: 'application/json; charset=utf-8',
    });

    // Assess
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.ContentType).toBe('application/json; charset=utf-8');
    expect(input).not.toHaveProperty('ContentDisposition');
  });

  it('signs a GetObject URL for the key that expires in 15 minutes', async () => {
    // Prepare
    const store = new S3LargeBodyStore(client(), BUCKET);
    const key = 'rollups/2026-Q3/all/agriculture-r1.industry-r0.services-r2/rollup-2026-Q3.json';

    // Act
    const url = new URL(await store.signedUrl(key));

    // Assess
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe(`${BUCKET}.s3.ap-southeast-1.amazonaws.com`);
    expect(decodeURIComponent(url.pathname)).toBe(`/${key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIAEXAMPLE\//);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // Presigning sends nothing.
    expect(s3).toHaveReceivedCommandTimes(GetObjectCommand, 0);
  });
});
