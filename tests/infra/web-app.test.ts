/**
 * The web app on AWS: its pages routed to the web functions without the token authorizer
 * (the pages check sessions), the people's user pool with a group per role, the sessions'
 * TTL, the user pool's ids on the web functions, and people management granted to the
 * admin function alone, on this pool alone.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TTL_ATTRIBUTE } from '#shared/adapters/dynamodb/table-definition.ts';
import { ROLES } from '#shared/domain/access/caller.ts';
import { PAGE_ROUTES } from '#shared/platform/routes.ts';
import { synthesize, type Synthesized } from './support/platform.ts';

let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesize();
});
afterAll(() => synthesized.dispose());

type Resource = { Type: string; Properties: Record<string, unknown> };
const resourcesOf = (template: Synthesized['stateless']) =>
  Object.entries(template.toJSON().Resources as Record<string, Resource>);

describe('the web app on AWS', () => {
  it('routes every page without the token authorizer', () => {
    // Prepare
    const methods = resourcesOf(synthesized.stateless).filter(
      ([, r]) => r.Type === 'AWS::ApiGateway::Method',
    );

    // Act
    const rootGet = methods.filter(
      ([, r]) => r.Properties.HttpMethod === 'GET' && r.Properties.AuthorizationType === 'NONE',
    );

    // Assess: /openapi.json and every GET page are public to the gateway
    const pageGets = PAGE_ROUTES.filter((route) => route.method === 'GET').length;
    expect(rootGet.length).toBe(pageGets + 1);
  });

  it('keeps people in a retained user pool with one group per role and a public app client', () => {
    // Act
    const template = synthesized.stateful;

    // Assess
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
      }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH']),
      GenerateSecret: false,
    });
    const groups = resourcesOf(synthesized.stateful)
      .filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolGroup')
      .map(([, r]) => r.Properties.GroupName)
      .sort();
    expect(groups).toEqual([...ROLES].sort());
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('gives the web functions the pool ids, and people management to the admin function only', () => {
    // Prepare
    const functions = resourcesOf(synthesized.stateless).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function',
    );
    const withPool = functions.filter(([, r]) =>
      JSON.stringify(r.Properties.Environment ?? {}).includes('USER_POOL_CLIENT_ID'),
    );
    const policies = resourcesOf(synthesized.stateless).filter(
      ([, r]) =>
        r.Type === 'AWS::IAM::Policy' &&
        JSON.stringify(r.Properties.PolicyDocument).includes('cognito-idp:'),
    );

    // Assess
    expect(withPool.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/webAdmin/),
      expect.stringMatching(/webPages/),
    ]);
    for (const [, fn] of withPool) {
      expect(JSON.stringify(fn.Properties.Environment)).toContain('USER_POOL_CLIENT_ID');
    }
    expect(policies).toHaveLength(1);
    const [id, policy] = policies[0] ?? ['', { Type: '', Properties: {} }];
    expect(id).toMatch(/webAdmin/);
    const document = policy.Properties.PolicyDocument as {
      Statement: { Sid?: string; Resource: unknown }[];
    };
    const statements = document.Statement.filter((statement) => statement.Sid === 'ManagePeople');
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]?.Resource)).toContain('PeopleUsers');
  });
});
