/**
 * Memory under sustained reads: the heap a request leaves behind after a forced collection
 * must stay small. Each dynalite Query once left its LevelDB iterator open (and the value
 * stream waiting on it), so the heap and the native memory grew with every request.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

const run = promisify(execFile);
/** Bytes a request may leave on the heap (the leak left 30 KB and more). */
const RETAINED_BYTES_PER_REQUEST = 1_024;

const resultSchema = z.object({ requests: z.number(), retainedBytesPerRequest: z.number() });

describe('the platform under 2,000 reads', () => {
  it('keeps no more than a kilobyte per request after a forced collection', async () => {
    // Act
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'tests/reliability/support/heap-soak.ts', '2000'],
      { env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' }, maxBuffer: 64 * 1024 * 1024 },
    );

    // Assess
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    const result = resultSchema.parse(JSON.parse(lastLine));
    expect(result.requests).toBe(2_000);
    expect(result.retainedBytesPerRequest).toBeLessThanOrEqual(RETAINED_BYTES_PER_REQUEST);
  }, 180_000);
});
