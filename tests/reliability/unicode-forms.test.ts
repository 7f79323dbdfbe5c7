/**
 * Vietnamese text can arrive composed (NFC) or decomposed (NFD); the platform stores NFC
 * and treats the same words in either form as the same request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, startTestPlatform, type TestPlatform } from '../support/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.stop());

const LEAD = 'so-nong-nghiep-va-moi-truong';
const NFC = 'Mưa lũ kéo dài, thiếu giống lúa';
const NFD = NFC.normalize('NFD');

const submit = (words: string, key: string) =>
  platform.request('/tasks/KH266-I-2/reports', {
    method: 'POST',
    token: platform.tokens.agencies[LEAD],
    headers: { 'idempotency-key': key },
    body: JSON.stringify({ status: 'delayed', percentComplete: 20, obstacles: [words] }),
  });

describe('the same words in NFC and NFD', () => {
  it('are one request under one Idempotency-Key, stored in NFC', async () => {
    // Act
    const first = await submit(NFD, 'unicode-1');
    const second = await submit(NFC, 'unicode-1');

    // Assess
    const [stored, replayed] = [await bodyOf(first), await bodyOf(second)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(replayed.id).toBe(stored.id);
    expect(stored.obstacles).toEqual([NFC]);
  });
});
