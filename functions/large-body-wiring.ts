/**
 * The composition root of the functions that serve snapshots (the API's rollup reads and
 * the web app's downloads): the large-body store their environment names, the S3 bucket
 * on AWS or the data folder the local runtime prepared. Only they import this, so only
 * their bundles carry the S3 client.
 */
import { FolderLargeBodyStore } from '#shared/adapters/files/folder-large-bodies.ts';
import { createS3Client } from '#shared/adapters/s3/s3-client.ts';
import { S3LargeBodyStore } from '#shared/adapters/s3/s3-large-bodies.ts';
import { ConfigurationError, largeBodyEnvSchema, readEnv } from '#shared/config/env.ts';
import { MAX_INLINE_RESPONSE_BYTES, type LargeBodies } from './api/http/downloads.ts';
import { systemClock } from './wiring.ts';

export function largeBodies(env: NodeJS.ProcessEnv = process.env): LargeBodies {
  const settings = readEnv(largeBodyEnvSchema, env);
  const thresholdBytes = settings.LARGE_BODY_THRESHOLD_BYTES ?? MAX_INLINE_RESPONSE_BYTES;
  if (settings.LARGE_BODY_BUCKET) {
    const store = new S3LargeBodyStore(createS3Client(), settings.LARGE_BODY_BUCKET);
    return { store, thresholdBytes };
  }
  if (settings.LARGE_BODY_FOLDER && settings.LARGE_BODY_SIGNING_KEY) {
    const store = new FolderLargeBodyStore({
      folder: settings.LARGE_BODY_FOLDER,
      signingKey: Buffer.from(settings.LARGE_BODY_SIGNING_KEY, 'base64'),
      clock: systemClock,
    });
    return { store, thresholdBytes };
  }
  throw new ConfigurationError(
    'invalid environment: LARGE_BODY_BUCKET: the S3 bucket for large responses (locally LARGE_BODY_FOLDER and LARGE_BODY_SIGNING_KEY)',
  );
}
