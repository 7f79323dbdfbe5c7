/**
 * Reads a request body up to API Gateway's payload limit. Past the limit the rest is read
 * and thrown away, so the client finishes sending and can read the 413 instead of
 * meeting a reset connection.
 */
import type { IncomingMessage } from 'node:http';

export type BodyReadResult = { body: Buffer } | { tooLarge: true };

export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(request.headers['content-length'] ?? 0) > limitBytes;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(tooLarge ? { tooLarge: true } : { body: Buffer.concat(chunks) }),
    );
    request.on('error', reject);
  });
}
