/**
 * Large bodies on AWS: an object in the platform's private bucket, read back through a
 * presigned GetObject URL. The object carries its type and file name, so the browser saves
 * it as the small response would have been saved; the bucket's lifecycle rule removes it
 * after a day.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachment } from '#shared/platform/content-disposition.ts';
import {
  LARGE_BODY_URL_SECONDS,
  type LargeBody,
  type LargeBodyStore,
} from '#shared/use-cases/large-body-ports.ts';

export class S3LargeBodyStore implements LargeBodyStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly expiresInSeconds = LARGE_BODY_URL_SECONDS,
  ) {}

  async put(key: string, body: LargeBody): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body.bytes,
        ContentType: body.contentType,
        ...(body.fileName && { ContentDisposition: attachment(body.fileName) }),
        // A snapshot is the platform's data: no shared cache keeps a copy of it.
        CacheControl: 'private, no-store',
      }),
    );
  }

  signedUrl(key: string): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: this.expiresInSeconds,
    });
  }
}
