import { createHash } from 'node:crypto';

/** A digest of an entity's content, stored beside it so that unchanged writes can be skipped. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
