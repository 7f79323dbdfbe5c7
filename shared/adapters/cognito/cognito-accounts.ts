/**
 * People on AWS: a Cognito user pool. The page handler posts the user name and password
 * (USER_PASSWORD_AUTH), verifies the ID token it gets with aws-jwt-verify (signature
 * against the pool's keys, issuer, audience, expiry), and reads the role and agency from
 * the token's groups. A user with a pending challenge (a new password to set) is refused:
 * an administrator sets permanent passwords on the people page.
 */
import {
  InitiateAuthCommand,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { roleOfGroups } from '#shared/domain/access/person-groups.ts';
import type { SessionCaller } from '#shared/domain/session/session.ts';
import { actingAgency, type TokenRepository } from '#shared/use-cases/access.ts';
import type { PersonalAccounts } from '#shared/use-cases/web/session-ports.ts';

export interface UserPoolSettings {
  userPoolId: string;
  clientId: string;
}

/** What a wrong user name or password looks like from Cognito: a refusal, not a fault. */
const REFUSALS = [
  NotAuthorizedException,
  UserNotFoundException,
  UserNotConfirmedException,
  PasswordResetRequiredException,
];

export type IdTokenVerifier = { verify(token: string): Promise<Record<string, unknown>> };

export function idTokenVerifier(settings: UserPoolSettings): IdTokenVerifier {
  return CognitoJwtVerifier.create({
    userPoolId: settings.userPoolId,
    clientId: settings.clientId,
    tokenUse: 'id',
  });
}

export class CognitoAccounts implements PersonalAccounts {
  readonly kind = 'cognito';

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly settings: UserPoolSettings,
    private readonly verifier: IdTokenVerifier,
    private readonly agencies: Pick<TokenRepository, 'getAgency'>,
  ) {}

  async verify(login: string, password: string): Promise<SessionCaller | null> {
    let idToken: string | undefined;
    try {
      const answer = await this.client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: this.settings.clientId,
          AuthParameters: { USERNAME: login, PASSWORD: password },
        }),
      );
      idToken = answer.AuthenticationResult?.IdToken;
    } catch (error) {
      if (REFUSALS.some((refusal) => error instanceof refusal)) return null;
      throw error;
    }
    if (!idToken) return null;
    const claims = await this.verifier.verify(idToken);
    const groups = Array.isArray(claims['cognito:groups'])
      ? claims['cognito:groups'].map(String)
      : [];
    const membership = roleOfGroups(groups);
    if (!membership) return null;
    const subject = `usr_${String(claims.sub)}`;
    const person = String(claims.name ?? claims['cognito:username'] ?? login);
    if (membership.role !== 'agency' || !membership.agencyId) {
      return { tokenId: subject, role: membership.role, agencyId: null, actsFor: [], person };
    }
    const acting = await actingAgency(membership.agencyId, this.agencies);
    return acting && { tokenId: subject, role: 'agency', ...acting, person };
  }
}
