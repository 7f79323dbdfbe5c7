/**
 * Idempotent commands with Powertools idempotency, keyed by the `Idempotency-Key` header
 * scoped to the caller (idempotency-key.ts). Its records live in the platform's single
 * table. Its errors become the API's: a duplicate still in flight is 409, a key reused
 * with another body is 422.
 */
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { createDynamoClient } from '#shared/adapters/aws-clients.ts';
import { idempotencyKeys } from '#shared/adapters/dynamodb/keys.ts';
import {
  PARTITION_KEY,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from '#shared/adapters/dynamodb/table-definition.ts';
import { ConflictError, UnavailableError, UnprocessableError } from '#shared/domain/errors.ts';
import type { IdempotentRequest } from './idempotency-key.ts';

/** A replay within a day returns the first response. */
const RECORD_LIFETIME_SECONDS = 24 * 60 * 60;

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
    staticPkValue: idempotencyKeys.partition(name),
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
