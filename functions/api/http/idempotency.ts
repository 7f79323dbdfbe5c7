/**
 * Idempotent commands with Powertools idempotency, keyed by the `Idempotency-Key` header
 * scoped to the caller. Its records live in the platform's single table. Its errors become
 * the API's: a duplicate still in flight is 409, a key reused with another body is 422.
 */
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import * as z from 'zod';
import { createHash } from 'node:crypto';
import { createDynamoClient } from '#shared/adapters/aws-clients.ts';
import {
  PARTITION_KEY,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from '#shared/adapters/dynamodb/table-definition.ts';
import type { Caller } from '#shared/domain/access/caller.ts';
import { ConflictError, UnavailableError, UnprocessableError } from '#shared/domain/errors.ts';
import { parsePart } from './request.ts';

/** A replay within a day returns the first response. */
const RECORD_LIFETIME_SECONDS = 24 * 60 * 60;

const idempotencyKeySchema = z.object({
  'idempotency-key': z
    .string({
      error: 'bắt buộc với mọi POST: một giá trị riêng cho mỗi yêu cầu, dùng lại khi gửi lại',
    })
    .regex(/^[\x21-\x7e]{1,255}$/, 'từ 1 đến 255 ký tự ASCII in được'),
});

export interface IdempotentRequest<Request> {
  /** The caller's agency (or token) and the header's key: what makes two requests "the same". */
  scope: string;
  /** Everything the result depends on: a replay with different content is refused. */
  request: Request;
}

/** The header's key, scoped to the calling agency (or, for admin and viewer, the token). */
export function idempotencyScope(event: APIGatewayProxyEvent, caller: Caller): string {
  const headers = parsePart(idempotencyKeySchema, event.headers, 'header');
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

export function idempotentCommand<Request, Result>(
  name: string,
  tableName: string,
  command: (input: IdempotentRequest<Request>) => Promise<Result>,
): (input: IdempotentRequest<Request>, context: Context) => Promise<Result> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'scope',
    payloadValidationJmesPath: 'request',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: RECORD_LIFETIME_SECONDS,
  });
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    keyAttr: PARTITION_KEY,
    sortKeyAttr: SORT_KEY,
    staticPkValue: `IDEMPOTENCY#${name}`,
    expiryAttr: TTL_ATTRIBUTE,
    awsSdkV3Client: createDynamoClient(),
  });
  const idempotent = makeIdempotent(command, { persistenceStore, config });

  return async (input, context) => {
    config.registerLambdaContext(context);
    try {
      return await idempotent(input);
    } catch (error) {
      if (error instanceof IdempotencyAlreadyInProgressError) {
        throw new ConflictError(
          'request-in-progress',
          'một yêu cầu với Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau giây lát',
        );
      }
      if (error instanceof IdempotencyPersistenceLayerError) {
        // The store of idempotency records was throttled or timed out: safe to retry.
        throw new UnavailableError('dịch vụ đang bận; hãy gửi lại với cùng Idempotency-Key', [], {
          cause: error,
        });
      }
      if (error instanceof IdempotencyValidationError) {
        throw new UnprocessableError(
          'idempotency-key-reused',
          'Idempotency-Key này đã được dùng cho một yêu cầu khác',
          [{ field: 'header.idempotency-key', reason: 'đã dùng với nội dung khác' }],
        );
      }
      throw error;
    }
  };
}
