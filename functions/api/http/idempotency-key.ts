/**
 * The `Idempotency-Key` header, said once: the schema the handlers enforce and the OpenAPI
 * document publishes, the key scoped to the caller, the ids derived from it, and the
 * digest that tells a retry from another request under the same key. No store here: each
 * command keeps its key where its result is written (idempotency.ts for those that use
 * Powertools idempotency; a report is its own record, submit-command.ts).
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import * as z from 'zod';
import { createHash } from 'node:crypto';
import type { Caller } from '#shared/domain/access/caller.ts';
import { parsePart } from './request.ts';

/** Printable ASCII, as HTTP header values are safely sent. */
export const idempotencyKeySchema = z
  .string({
    error: 'bắt buộc với mọi POST: một giá trị riêng cho mỗi yêu cầu, dùng lại khi gửi lại',
  })
  .regex(/^[\x21-\x7e]{1,255}$/, 'từ 1 đến 255 ký tự ASCII in được')
  .meta({
    description:
      'Unique per request and reused on retry (1 to 255 printable ASCII characters): a replay returns the first response',
  });

/** The request header that carries it (header names arrive lower-cased). */
export const idempotencyHeaderSchema = z.object({ 'idempotency-key': idempotencyKeySchema });

export interface IdempotentRequest<Request> {
  /** The caller's agency (or token) and the header's key: what makes two requests "the same". */
  scope: string;
  /** Everything the result depends on: a replay with different content is refused. */
  request: Request;
}

/** The header's key, scoped to the calling agency (or, for admin and viewer, the token). */
export function idempotencyScope(event: APIGatewayProxyEvent, caller: Caller): string {
  const headers = parsePart(idempotencyHeaderSchema, event.headers, 'header');
  return scopeOf(caller, headers['idempotency-key']);
}

/** A key scoped to the caller's agency, or for admin and viewer to the token (or person). */
export function scopeOf(caller: Caller, key: string): string {
  return `${caller.agencyId ?? `token:${caller.tokenId}`}:${key}`;
}

/** A stable identifier derived from a scope, so a re-executed command writes the same item. */
export function stableId(prefix: string, scope: string): string {
  return `${prefix}_${createHash('sha256').update(scope).digest('base64url').slice(0, 22)}`;
}

/**
 * A digest of a parsed request (defaults applied, keys in the schema's order), so that two
 * spellings of the same body agree and a different body under the same key does not.
 */
export function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}
