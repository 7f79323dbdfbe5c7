/**
 * API Gateway TOKEN authorizer: `Authorization: Bearer <secret>` → the caller's role and
 * agency, or 401. What each role may call is the policy; which task an agency may write
 * is checked in the handler (it needs the task).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { DynamoTokenStore } from '#shared/adapters/dynamodb/token-store.ts';
import { toAuthorizerContext } from '#shared/domain/access/caller.ts';
import { bearerSecret } from '#shared/domain/access/token.ts';
import { logger } from '#shared/observability.ts';
import { authenticate } from '#shared/use-cases/access.ts';
import { tableAccess } from '../wiring.ts';
import { policyFor } from './access-policy.ts';

const { db, tableName } = tableAccess();
const tokens = new DynamoTokenStore(db, tableName);

/** API Gateway answers 401 only to this exact message. */
const UNAUTHORIZED = 'Unauthorized';

async function authorize(
  event: APIGatewayTokenAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  const secret = bearerSecret(event.authorizationToken);
  const caller = secret ? await authenticate(secret, tokens, new Date()) : null;
  if (!caller) {
    logger.info('token refused', { reason: secret ? 'unknown, revoked or expired' : 'malformed' });
    throw new Error(UNAUTHORIZED);
  }
  logger.appendKeys({ tokenId: caller.tokenId, role: caller.role, agency: caller.agencyId });
  return policyFor(caller.tokenId, caller.role, event.methodArn, toAuthorizerContext(caller));
}

export const handler = middy(authorize).use(injectLambdaContext(logger, { resetKeys: true }));
