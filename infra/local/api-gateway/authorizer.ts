/**
 * Runs a Lambda TOKEN authorizer as API Gateway does: the identity-source check, the call,
 * the policy evaluated against the method ARN, and the result cache keyed by token.
 * Roles are not checked here: on AWS they are whatever the authorizer's policy allows.
 */
import { randomUUID } from 'node:crypto';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayTokenAuthorizerEvent,
  Context,
  PolicyDocument,
} from 'aws-lambda';
import { evaluatePolicy } from './iam-policy.ts';
import { invokeLambda } from './invoke-lambda.ts';
import { lambdaSettingsFor, type LambdaSettings } from './lambda-context.ts';
import { LOCAL_API } from './local-api.ts';

export type TokenAuthorizerHandler = (
  event: APIGatewayTokenAuthorizerEvent,
  context: Context,
) => Promise<APIGatewayAuthorizerResult>;

export interface AuthorizedPrincipal {
  principalId: string;
  /** The authorizer's context; API Gateway hands numbers and booleans on as strings. */
  context: Record<string, string>;
  /** Milliseconds the authorizer took; 0 when the answer came from the cache. */
  integrationLatency: number;
}

export type AuthorizationOutcome =
  | { outcome: 'allow'; principal: AuthorizedPrincipal }
  | { outcome: 'unauthorized'; reason: string }
  | { outcome: 'forbidden'; explicitDeny: boolean; principalId: string }
  | { outcome: 'error'; reason: string; cause?: unknown };

export interface TokenAuthorizerOptions {
  authorizer: TokenAuthorizerHandler;
  /** Seconds a token's result is reused (API Gateway's default 300; 0 disables). */
  cacheTtlSeconds?: number;
  /** Name, memory and timeout of the authorizer function; the declared ones by default. */
  settings?: LambdaSettings;
  now?: () => number;
}

export interface TokenAuthorizerRunner {
  authorize(
    authorizationHeader: string | undefined,
    methodArn: string,
  ): Promise<AuthorizationOutcome>;
}

interface AuthorizerAnswer {
  principalId: string;
  policyDocument: PolicyDocument;
  context: Record<string, string>;
  latencyMs: number;
}

class AuthorizerConfigurationError extends Error {}

export const DEFAULT_AUTHORIZER_CACHE_TTL_SECONDS = 300;

/** `arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path without '/'}`. */
export function buildMethodArn(method: string, path: string): string {
  const { region, accountId, apiId, stage } = LOCAL_API;
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${method.toUpperCase()}/${path.replace(/^\//, '')}`;
}

export function createTokenAuthorizer(options: TokenAuthorizerOptions): TokenAuthorizerRunner {
  const ttlMs = (options.cacheTtlSeconds ?? DEFAULT_AUTHORIZER_CACHE_TTL_SECONDS) * 1000;
  if (!(ttlMs >= 0)) throw new Error('cacheTtlSeconds must be 0 or more');
  const now = options.now ?? Date.now;
  const settings = options.settings ?? lambdaSettingsFor('authorizer');
  // Promises, so concurrent requests with one token share a single authorizer call.
  const cache = new Map<string, { expiresAt: number; answer: Promise<AuthorizerAnswer> }>();

  const call = (
    token: string,
    methodArn: string,
  ): { answer: Promise<AuthorizerAnswer>; cached: boolean } => {
    const hit = cache.get(token);
    if (hit && hit.expiresAt > now()) return { answer: hit.answer, cached: true };
    cache.delete(token);
    const answer = invokeAuthorizer(options.authorizer, settings, token, methodArn);
    if (ttlMs > 0) {
      const entry = { expiresAt: Number.POSITIVE_INFINITY, answer };
      cache.set(token, entry);
      answer.then(
        () => (entry.expiresAt = now() + ttlMs),
        // Only policies are cached: a rejected token or a failing authorizer is asked again.
        () => cache.get(token) === entry && cache.delete(token),
      );
    }
    return { answer, cached: false };
  };

  return {
    async authorize(authorizationHeader, methodArn) {
      // API Gateway's identity-source check: no token, no authorizer call.
      const token = authorizationHeader?.trim() ? authorizationHeader : undefined;
      if (token === undefined)
        return { outcome: 'unauthorized', reason: 'missing Authorization header' };

      let answer: AuthorizerAnswer;
      let cached: boolean;
      try {
        const result = call(token, methodArn);
        cached = result.cached;
        answer = await result.answer;
      } catch (error) {
        if (isUnauthorized(error))
          return { outcome: 'unauthorized', reason: 'authorizer rejected the token' };
        const reason =
          error instanceof AuthorizerConfigurationError
            ? `authorizer configuration error: ${error.message}`
            : 'authorizer failed';
        return { outcome: 'error', reason, cause: error };
      }

      // The cached policy is evaluated against this request's ARN, as on AWS: a policy
      // that allowed only the first method ARN denies the others until it expires.
      const decision = evaluatePolicy(answer.policyDocument, methodArn);
      if (decision !== 'allow') {
        return {
          outcome: 'forbidden',
          explicitDeny: decision === 'explicit-deny',
          principalId: answer.principalId,
        };
      }
      return {
        outcome: 'allow',
        principal: {
          principalId: answer.principalId,
          context: answer.context,
          integrationLatency: cached ? 0 : answer.latencyMs,
        },
      };
    },
  };
}

async function invokeAuthorizer(
  authorizer: TokenAuthorizerHandler,
  settings: LambdaSettings,
  token: string,
  methodArn: string,
): Promise<AuthorizerAnswer> {
  const started = performance.now();
  const event: APIGatewayTokenAuthorizerEvent = {
    type: 'TOKEN',
    authorizationToken: token,
    methodArn,
  };
  const result: unknown = await invokeLambda(authorizer, event, settings, randomUUID());
  return { ...validateAnswer(result), latencyMs: Math.round(performance.now() - started) };
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof Error && error.message === 'Unauthorized';
}

function validateAnswer(result: unknown): Omit<AuthorizerAnswer, 'latencyMs'> {
  if (typeof result !== 'object' || result === null) {
    throw new AuthorizerConfigurationError('the authorizer returned no object');
  }
  const { principalId, policyDocument, context } = result as Record<string, unknown>;
  if (typeof principalId !== 'string' || principalId === '') {
    throw new AuthorizerConfigurationError('principalId must be a non-empty string');
  }
  if (
    typeof policyDocument !== 'object' ||
    policyDocument === null ||
    typeof (policyDocument as { Statement?: unknown }).Statement !== 'object' ||
    (policyDocument as { Statement?: unknown }).Statement === null
  ) {
    throw new AuthorizerConfigurationError('policyDocument.Statement is missing');
  }
  return {
    principalId,
    policyDocument: policyDocument as PolicyDocument,
    context: stringifyContext(context),
  };
}

/** API Gateway accepts only primitive context values and passes them on as strings. */
function stringifyContext(context: unknown): Record<string, string> {
  if (context === undefined || context === null) return {};
  if (typeof context !== 'object' || Array.isArray(context)) {
    throw new AuthorizerConfigurationError('context must be an object');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      throw new AuthorizerConfigurationError(`context.${key} is an object or array`);
    }
    out[key] = String(value);
  }
  return out;
}
