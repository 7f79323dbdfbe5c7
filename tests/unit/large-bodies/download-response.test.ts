/**
 * The one decision every snapshot download goes through: in the response while its
 * serialized form fits the threshold, otherwise stored under its key and answered 303 to
 * the store's URL.
 */
import { describe, expect, it } from 'vitest';
import {
  downloadResponse,
  inlineResponse,
  MAX_INLINE_RESPONSE_BYTES,
  type Download,
} from '#functions/api/http/downloads.ts';
import type { LargeBody, LargeBodyStore } from '#shared/use-cases/large-body-ports.ts';
import { XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';

/** A store that keeps what it is given and signs nothing: the adapters have their own tests. */
class MemoryStore implements LargeBodyStore {
  readonly stored = new Map<string, LargeBody>();

  async put(key: string, body: LargeBody): Promise<void> {
    this.stored.set(key, body);
  }

  async signedUrl(key: string): Promise<string> {
    return `https://bodies.example/${encodeURIComponent(key)}?signature=s`;
  }
}

const KEY = 'rollups/2026-Q3/agriculture/agriculture-r1/rollup-2026-Q3-agriculture.xlsx';
const workbook = (size: number): Download => ({
  body: new Uint8Array(size).fill(7),
  contentType: XLSX_MEDIA_TYPE,
  fileName: 'rollup-2026-Q3-agriculture.xlsx',
  headers: { 'x-report-template': 'default' },
});

describe('downloadResponse', () => {
  it('answers in place when the serialized response fits, storing nothing', async () => {
    // Prepare
    const store = new MemoryStore();
    const download = workbook(3000);
    const fits = Buffer.byteLength(JSON.stringify(inlineResponse(download)));

    // Act
    const response = await downloadResponse(download, KEY, { store, thresholdBytes: fits });

    // Assess
    expect(response).toEqual(inlineResponse(download));
    expect(response.statusCode).toBe(200);
    expect(store.stored.size).toBe(0);
  });

  it('counts the body as sent: base64 makes 3000 bytes weigh 4000', async () => {
    // Prepare
    const store = new MemoryStore();

    // Act
    const response = await downloadResponse(workbook(3000), KEY, {
      store,
      thresholdBytes: 3500,
    });

    // Assess
    expect(response.statusCode).toBe(303);
  });

  it('counts text as JSON escapes it: quotes and line ends weigh twice', async () => {
    // Prepare
    const store = new MemoryStore();
    const csv = '"a"\n'.repeat(1000);
    const download: Download = { body: csv, contentType: 'text/csv; charset=utf-8' };
    const thresholdBytes = Buffer.byteLength(csv) + 500;

    // Act
    const response = await downloadResponse(download, KEY, { store, thresholdBytes });

    // Assess
    expect(response.statusCode).toBe(303);
  });

  it('stores a larger one under its key with its type and name, and answers 303 to its URL', async () => {
    // Prepare
    const store = new MemoryStore();
    const download = workbook(3000);
    const fits = Buffer.byteLength(JSON.stringify(inlineResponse(download)));

    // Act
    const response = await downloadResponse(download, KEY, { store, thresholdBytes: fits - 1 });

    // Assess
    expect(response).toEqual({
      statusCode: 303,
      headers: {
        location: `https://bodies.example/${encodeURIComponent(KEY)}?signature=s`,
        'cache-control': 'no-store',
        'x-report-template': 'default',
      },
      body: '',
    });
    expect(store.stored.get(KEY)).toEqual({
      bytes: download.body,
      contentType: XLSX_MEDIA_TYPE,
      fileName: 'rollup-2026-Q3-agriculture.xlsx',
    });
  });

  it('stores text as its UTF-8 bytes, and JSON without a download name', async () => {
    // Prepare
    const store = new MemoryStore();
    const text = JSON.stringify({ tên: 'Nông nghiệp' });

    // Act
    await downloadResponse({ body: text, contentType: 'application/json; charset=utf-8' }, KEY, {
      store,
      thresholdBytes: 10,
    });

    // Assess
    const stored = store.stored.get(KEY);
    expect(Buffer.from(stored?.bytes ?? []).toString('utf8')).toBe(text);
    expect(stored).not.toHaveProperty('fileName');
  });
});

describe('MAX_INLINE_RESPONSE_BYTES', () => {
  it("stays under Lambda's 6 MB response limit", () => {
    // Prepare
    const lambdaLimit = 6 * 1024 * 1024;

    // Act
    const threshold = MAX_INLINE_RESPONSE_BYTES;

    // Assess
    expect(threshold).toBeLessThan(lambdaLimit);
    expect(threshold).toBeGreaterThan(lambdaLimit - 128 * 1024);
  });
});
