/**
 * The people who sign in and their addresses: the Cognito user pool when USER_POOL_ID is
 * set (on AWS), else the local platform's personal tokens.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { CognitoPeople } from '#shared/adapters/cognito/cognito-people.ts';
import { PersonalTokenAccounts } from '#shared/adapters/dynamodb/personal-tokens.ts';
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { readEnv } from '#shared/config/env.ts';
import type { PeopleDirectory } from '#shared/use-cases/web/session-ports.ts';

export const userPoolEnvSchema = z.object({
  USER_POOL_ID: z.string().min(1).optional(),
  USER_POOL_CLIENT_ID: z.string().min(1).optional(),
});

export function peopleDirectory(
  stores: Pick<DynamoStores, 'tokens'>,
  client: () => CognitoIdentityProviderClient = () => new CognitoIdentityProviderClient({}),
): PeopleDirectory {
  const { USER_POOL_ID } = readEnv(userPoolEnvSchema);
  return USER_POOL_ID
    ? new CognitoPeople(client(), USER_POOL_ID)
    : new PersonalTokenAccounts(stores.tokens);
}
