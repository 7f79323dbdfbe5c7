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

  it('gives the pool ids to the web functions and those that run reminders, people management to the admin function only', () => {
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
      expect.stringMatching(/reminderJob/),
      expect.stringMatching(/runJobs/),
      expect.stringMatching(/webAdmin/),
      expect.stringMatching(/webPages/),
    ]);
    for (const [id, fn] of withPool.filter(([each]) => /web/.test(each))) {
      expect(JSON.stringify(fn.Properties.Environment), id).toContain('USER_POOL_CLIENT_ID');
    }
    const statementsOf = (id: string, sid: string) =>
      (
        (policies.find(([each]) => each === id)?.[1].Properties.PolicyDocument ?? {
          Statement: [],
        }) as { Statement: { Sid?: string; Action: unknown; Resource: unknown }[] }
      ).Statement.filter((statement) => statement.Sid === sid);
    expect(policies.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/reminderJob/),
      expect.stringMatching(/runJobs/),
      expect.stringMatching(/webAdmin/),
    ]);
    for (const [id] of policies) {
      const manages = statementsOf(id, 'ManagePeople');
      const reads = statementsOf(id, 'ReadPeople');
      if (/webAdmin/.test(id)) {
        expect(manages).toHaveLength(1);
        expect(JSON.stringify(manages[0]?.Resource)).toContain('PeopleUsers');
      } else {
        expect(manages).toEqual([]);
        expect(reads).toHaveLength(1);
        expect(reads[0]?.Action).toEqual([
          'cognito-idp:ListUsers',
          'cognito-idp:AdminListGroupsForUser',
        ]);
        expect(JSON.stringify(reads[0]?.Resource)).toContain('PeopleUsers');
      }
    }
  });
});
