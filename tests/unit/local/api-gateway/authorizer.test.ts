import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import { describe, expect, it, vi, type Mock } from 'vitest';
import {
  buildMethodArn,
  createTokenAuthorizer,
  type TokenAuthorizerHandler,
} from '#infra/local/api-gateway/authorizer.ts';
import { policy } from './gateway-fixtures.ts';

const TASKS_ARN = buildMethodArn('GET', '/tasks');
const PLANS_ARN = buildMethodArn('POST', '/plans');

function fakeAuthorizer(
  answer: APIGatewayAuthorizerResult | Error = policy('Allow', TASKS_ARN),
): Mock<TokenAuthorizerHandler> {
  return vi.fn<TokenAuthorizerHandler>(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
}

describe('buildMethodArn', () => {
  it('names the stage, method and path without its leading slash', () => {
    // Act
    const arn = buildMethodArn('get', '/tasks/KH266-I-1.1');

    // Assess
    expect(arn).toBe('arn:aws:execute-api:local:000000000000:local/local/GET/tasks/KH266-I-1.1');
  });
});

describe('createTokenAuthorizer', () => {
  it.each([undefined, '', '   '])(
    'answers unauthorized without calling the authorizer for header %j',
    async (header) => {
      // Prepare
      const authorizer = fakeAuthorizer();
      const runner = createTokenAuthorizer({ authorizer });

      // Act
      const outcome = await runner.authorize(header, TASKS_ARN);

      // Assess
      expect(outcome.outcome).toBe('unauthorized');
      expect(authorizer).not.toHaveBeenCalled();
    },
  );

  it('sends the whole header as a TOKEN event with the method ARN', async () => {
    // Prepare
    const authorizer = fakeAuthorizer();
    const runner = createTokenAuthorizer({ authorizer });

    // Act
    await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(authorizer).toHaveBeenCalledWith(
      { type: 'TOKEN', authorizationToken: 'Bearer abc', methodArn: TASKS_ARN },
      expect.objectContaining({ functionName: 'local-authorizer', memoryLimitInMB: '256' }),
    );
  });

  it("maps Error('Unauthorized') to unauthorized", async () => {
    // Prepare
    const runner = createTokenAuthorizer({ authorizer: fakeAuthorizer(new Error('Unauthorized')) });

    // Act
    const outcome = await runner.authorize('Bearer bad', TASKS_ARN);

    // Assess
    expect(outcome.outcome).toBe('unauthorized');
  });

  it.each([
    { what: 'any other error', answer: new Error('table not found') },
    { what: 'a result without principalId', answer: { ...policy('Allow', '*'), principalId: '' } },
    {
      what: 'an object in the context',
      answer: policy('Allow', '*', 'p', { nested: {} as never }),
    },
  ])('maps $what to an authorizer error', async ({ answer }) => {
    // Prepare
    const runner = createTokenAuthorizer({ authorizer: fakeAuthorizer(answer) });

    // Act
    const outcome = await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(outcome.outcome).toBe('error');
  });

  it.each([
    { effect: 'Deny' as const, resource: TASKS_ARN, explicitDeny: true },
    { effect: 'Allow' as const, resource: PLANS_ARN, explicitDeny: false },
  ])('forbids on $effect of $resource', async ({ effect, resource, explicitDeny }) => {
    // Prepare
    const runner = createTokenAuthorizer({ authorizer: fakeAuthorizer(policy(effect, resource)) });

    // Act
    const outcome = await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(outcome).toEqual({ outcome: 'forbidden', explicitDeny, principalId: 'agency-so-nn' });
  });

  it('allows with the context turned to strings, as API Gateway passes it on', async () => {
    // Prepare
    const answer = policy('Allow', TASKS_ARN, 'agency-so-nn', {
      role: 'agency',
      tokenVersion: 3,
      admin: false,
      dropped: null,
    });
    const runner = createTokenAuthorizer({ authorizer: fakeAuthorizer(answer) });

    // Act
    const outcome = await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(outcome).toEqual({
      outcome: 'allow',
      principal: {
        principalId: 'agency-so-nn',
        context: { role: 'agency', tokenVersion: '3', admin: 'false' },
        integrationLatency: expect.any(Number),
      },
    });
  });

  it('reuses a result per token for the TTL, then asks again', async () => {
    // Prepare
    let now = 1_000_000;
    const authorizer = fakeAuthorizer();
    const runner = createTokenAuthorizer({ authorizer, cacheTtlSeconds: 60, now: () => now });
    await runner.authorize('Bearer abc', TASKS_ARN);

    // Act
    now += 59_000;
    const hit = await runner.authorize('Bearer abc', TASKS_ARN);
    const callsAfterHit = authorizer.mock.calls.length;
    await runner.authorize('Bearer other', TASKS_ARN);
    now += 2_000;
    await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(callsAfterHit).toBe(1);
    expect(hit).toMatchObject({ outcome: 'allow', principal: { integrationLatency: 0 } });
    expect(authorizer).toHaveBeenCalledTimes(3);
  });

  it('evaluates a cached policy against each new method ARN, as API Gateway does', async () => {
    // Prepare
    const authorizer = fakeAuthorizer(policy('Allow', TASKS_ARN));
    const runner = createTokenAuthorizer({ authorizer });
    await runner.authorize('Bearer abc', TASKS_ARN);

    // Act
    const outcome = await runner.authorize('Bearer abc', PLANS_ARN);

    // Assess
    expect(outcome.outcome).toBe('forbidden');
    expect(authorizer).toHaveBeenCalledTimes(1);
  });

  it('calls the authorizer every time with a TTL of 0', async () => {
    // Prepare
    const authorizer = fakeAuthorizer();
    const runner = createTokenAuthorizer({ authorizer, cacheTtlSeconds: 0 });

    // Act
    await runner.authorize('Bearer abc', TASKS_ARN);
    await runner.authorize('Bearer abc', TASKS_ARN);

    // Assess
    expect(authorizer).toHaveBeenCalledTimes(2);
  });

  it('does not cache a rejected token', async () => {
    // Prepare
    const authorizer = fakeAuthorizer(new Error('Unauthorized'));
    const runner = createTokenAuthorizer({ authorizer });
    await runner.authorize('Bearer bad', TASKS_ARN);

    // Act
    await runner.authorize('Bearer bad', TASKS_ARN);

    // Assess
    expect(authorizer).toHaveBeenCalledTimes(2);
  });

  it('shares one authorizer call among concurrent requests with the same token', async () => {
    // Prepare
    const authorizer = fakeAuthorizer();
    const runner = createTokenAuthorizer({ authorizer });

    // Act
    const outcomes = await Promise.all([
      runner.authorize('Bearer abc', TASKS_ARN),
      runner.authorize('Bearer abc', TASKS_ARN),
    ]);

    // Assess
    expect(outcomes.map((o) => o.outcome)).toEqual(['allow', 'allow']);
    expect(authorizer).toHaveBeenCalledTimes(1);
  });

  it('refuses a negative TTL', () => {
    // Act
    const create = (): unknown =>
      createTokenAuthorizer({ authorizer: fakeAuthorizer(), cacheTtlSeconds: -1 });

    // Assess
    expect(create).toThrow(/cacheTtlSeconds/);
  });
});
