/**
 * The S3 client, apart from aws-clients.ts, which every function imports: only the
 * functions that serve large bodies import this one.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { withoutSdkLogging } from '../aws-clients.ts';

export function createS3Client(): S3Client {
  return withoutSdkLogging(new S3Client({}));
}
