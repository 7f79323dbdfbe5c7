import type { PolicyDocument, Statement } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, wildcardMatches } from '#infra/local/api-gateway/iam-policy.ts';

const ARN = 'arn:aws:execute-api:local:000000000000:local/local/POST/tasks/KH266-I-1.1/reports';

function document(...Statement: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement };
}

describe('evaluatePolicy', () => {
  it.each([
    { resource: ARN, decision: 'allow' },
    { resource: 'arn:aws:execute-api:local:000000000000:local/*', decision: 'allow' },
    { resource: 'arn:aws:execute-api:local:000000000000:local/local/*/tasks/*', decision: 'allow' },
    {
      resource: 'arn:aws:execute-api:local:000000000000:local/local/GET/*',
      decision: 'implicit-deny',
    },
    {
      resource: 'arn:aws:execute-api:local:000000000000:local/local/POS?/tasks/*',
      decision: 'allow',
    },
    {
      resource: 'arn:aws:execute-api:local:000000000000:local/local/PO?/tasks/*',
      decision: 'implicit-deny',
    },
    { resource: ARN.toLowerCase(), decision: 'implicit-deny' },
  ])('an Allow on $resource gives $decision', ({ resource, decision }) => {
    // Prepare
    const policy = document({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource });

    // Act
    const result = evaluatePolicy(policy, ARN);

    // Assess
    expect(result).toBe(decision);
  });

  it('lets an explicit Deny win over an Allow, whatever the order', () => {
    // Prepare
    const allow: Statement = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' };
    const deny: Statement = { Effect: 'Deny', Action: 'execute-api:*', Resource: [ARN] };

    // Act
    const results = [
      evaluatePolicy(document(allow, deny), ARN),
      evaluatePolicy(document(deny, allow), ARN),
    ];

    // Assess
    expect(results).toEqual(['explicit-deny', 'explicit-deny']);
  });

  it.each([
    {
      statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      decision: 'implicit-deny',
    },
    {
      statement: { Effect: 'Allow', Action: 'EXECUTE-API:invoke', Resource: '*' },
      decision: 'allow',
    },
    { statement: { Effect: 'Allow', Action: '*', Resource: '*' }, decision: 'allow' },
    { statement: { Effect: 'Allow', NotAction: 's3:*', Resource: '*' }, decision: 'allow' },
    { statement: { Effect: 'Allow', Action: '*', NotResource: ARN }, decision: 'implicit-deny' },
    { statement: { Effect: 'Allow', Action: '*', NotResource: 'arn:other' }, decision: 'allow' },
    {
      statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
      decision: 'implicit-deny',
    },
  ] satisfies { statement: Statement; decision: string }[])(
    'evaluates $statement as $decision',
    ({ statement, decision }) => {
      // Act
      const result = evaluatePolicy(document(statement), ARN);

      // Assess
      expect(result).toBe(decision);
    },
  );

  it('denies when no statement applies', () => {
    // Act
    const result = evaluatePolicy(document(), ARN);

    // Assess
    expect(result).toBe('implicit-deny');
  });
});

describe('wildcardMatches', () => {
  it.each([
    { pattern: 'a*c', value: 'a/b:c', matches: true },
    { pattern: 'a?c', value: 'abc', matches: true },
    { pattern: 'a?c', value: 'ac', matches: false },
    { pattern: 'a.c', value: 'abc', matches: false },
    { pattern: 'a+(c)', value: 'a+(c)', matches: true },
  ])('$pattern against $value: $matches', ({ pattern, value, matches }) => {
    // Act
    const result = wildcardMatches(pattern, value);

    // Assess
    expect(result).toBe(matches);
  });
});
