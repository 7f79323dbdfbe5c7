/**
 * Reads a request body up to API Gateway's payload limit, and no further: as soon as the
 * body passes the limit it resolves `tooLarge`, keeps nothing, and lets the rest drain
 * (the gateway answers 413 and closes the connection).
 */
import type { IncomingMessage } from 'node:http';

export type BodyReadResult = { body: Buffer } | { tooLarge: true };

export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > limitBytes) return;
      size += chunk.length;
      if (size > limitBytes) {
        chunks = [];
        resolve({ tooLarge: true });
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve({ body: Buffer.concat(chunks) }));
    request.on('error', reject);
  });
}
