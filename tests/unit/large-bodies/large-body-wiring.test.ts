/** The composition root picks the store its environment names, and fails fast without one. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { largeBodies } from '#functions/large-body-wiring.ts';
import { MAX_INLINE_RESPONSE_BYTES } from '#functions/api/http/downloads.ts';
import { ConfigurationError } from '#shared/config/env.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('largeBodies', () => {
  it('signs S3 URLs on AWS, at the threshold derived from Lambda’s limit', async () => {
    // Prepare: Lambda puts the role's credentials in the environment.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example-secret');
    const env = { LARGE_BODY_BUCKET: 'langson-large-bodies' };

    // Act
    const large = largeBodies(env);
    const url = new URL(await large.store.signedUrl('rollups/2026-Q3/all/x/a.json'));

    // Assess
    expect(large.thresholdBytes).toBe(MAX_INLINE_RESPONSE_BYTES);
    expect(url.hostname).toBe('langson-large-bodies.s3.ap-southeast-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('signs local URLs over the data folder, at a threshold a test lowered', async () => {
    // Prepare
    const env = {
      LARGE_BODY_FOLDER: '/tmp/large-bodies-unused',
      LARGE_BODY_SIGNING_KEY: Buffer.alloc(32, 1).toString('base64'),
      LARGE_BODY_THRESHOLD_BYTES: '512',
    };

    // Act
    const large = largeBodies(env);
    const url = await large.store.signedUrl('rollups/2026-Q3/all/x/a.json');

    // Assess
    expect(large.thresholdBytes).toBe(512);
    expect(url).toMatch(
      /^\/tep-lon\/rollups%2F2026-Q3%2Fall%2Fx%2Fa\.json\?expires=\d+&signature=/,
    );
  });

  it('fails fast, naming the variable, when neither is configured', () => {
    // Prepare
    const env = {};

    // Act
    const build = () => largeBodies(env);

    // Assess
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/LARGE_BODY_BUCKET/);
  });
});
