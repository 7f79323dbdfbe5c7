/**
 * The web functions' composition root: the table's adapters, the sessions, the assets,
 * and who signs people in: the Cognito user pool when USER_POOL_ID and
 * USER_POOL_CLIENT_ID are set (on AWS), else the local platform's personal tokens.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { vi as vietnamese } from 'zod/locales';
import { CognitoAccounts, idTokenVerifier } from '#shared/adapters/cognito/cognito-accounts.ts';
import { PersonalTokenAccounts } from '#shared/adapters/dynamodb/personal-tokens.ts';
import { DynamoSessionStore } from '#shared/adapters/dynamodb/session-store.ts';
import { readEnv } from '#shared/config/env.ts';
import type { PeopleDirectory, PersonalAccounts } from '#shared/use-cases/web/session-ports.ts';
import { loadAssets } from '#shared/web/assets.ts';
import { peopleDirectory, userPoolEnvSchema } from '../people-wiring.ts';
import { systemClock, tableAccess, tableStores } from '../wiring.ts';
import type { WebDeps } from './http/web-handler.tsx';

// zod's messages for the forms' schemas, in Vietnamese (as the API's).
z.config(vietnamese());

export function webStores() {
  const { tableName, stores } = tableStores();
  const { db } = tableAccess();
  const sessions = new DynamoSessionStore(db, tableName);
  const env = readEnv(userPoolEnvSchema);
  let accounts: PersonalAccounts & Partial<Pick<PeopleDirectory, 'list'>>;
  let people: PeopleDirectory;
  if (env.USER_POOL_ID && env.USER_POOL_CLIENT_ID) {
    const client = new CognitoIdentityProviderClient({});
    const settings = { userPoolId: env.USER_POOL_ID, clientId: env.USER_POOL_CLIENT_ID };
    accounts = new CognitoAccounts(client, settings, idTokenVerifier(settings), stores.tokens);
    people = peopleDirectory(stores, () => client);
  } else {
    const local = new PersonalTokenAccounts(stores.tokens);
    accounts = local;
    people = local;
  }
  const web: WebDeps = {
    sessions,
    clock: systemClock,
    assets: loadAssets(),
    agencyName: async (agencyId) => (await stores.catalog.names()).nameOf(agencyId),
  };
  return { tableName, db, stores, sessions, accounts, people, web };
}
