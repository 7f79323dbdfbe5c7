import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asyncRetriesByTarget,
  MAX_LAMBDA_ASYNC_RETRIES,
} from '#infra/cdk/constructs/async-invocation-failures.ts';
import { checkDeclarations, SHARED_DECLARATIONS } from '#infra/cdk/declarations.ts';
import { EVENT_RULES, SCHEDULES } from '#shared/platform/events.ts';
import {
  actionsOf,
  arnOf,
  functionIds,
  only,
  SAMPLE_HANDLERS,
  SAMPLE_RULE,
  SAMPLE_SCHEDULE,
  statementsOfRole,
  synthesize,
  type Synthesized,
} from './support/platform.ts';

const RULES = [...EVENT_RULES, SAMPLE_RULE];
const SCHEDULE_SPECS = [...SCHEDULES, SAMPLE_SCHEDULE];

let synthesized: Synthesized;
type Resource = { Type: string; Properties: Record<string, unknown> };
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize({
    declarations: { handlers: SAMPLE_HANDLERS, rules: RULES, schedules: SCHEDULE_SPECS },
  });
  resources = synthesized.stateless.toJSON().Resources as Record<string, Resource>;
});
afterAll(() => synthesized.dispose());

const byDescription = (type: string, description: string): Resource => {
  const found = Object.values(resources).filter(
    (r) => r.Type === type && r.Properties.Description === description,
  );
  return only(found, `${type} "${description}"`);
};

/** The queue a DeadLetterConfig points at, with its queue policy's statements. */
function deadLetterQueue(arn: unknown) {
  const id = (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const queue = resources[id];
  const policies = Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::SQS::QueuePolicy' &&
      JSON.stringify(r.Properties.Queues) === JSON.stringify([{ Ref: id }]),
  );
  const statements = policies.flatMap(
    (p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
  );
  return { id, queue, statements };
}

function expectEncryptedTlsOnly(arn: unknown): void {
  const { queue, statements } = deadLetterQueue(arn);
  expect(queue?.Type).toBe('AWS::SQS::Queue');
  expect(queue?.Properties).toMatchObject({
    SqsManagedSseEnabled: true,
    MessageRetentionPeriod: 14 * 24 * 3600,
  });
  expect(statements).toContainEqual(
    expect.objectContaining({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  );
}

describe('event rules', () => {
  it('build the sample rule on the custom bus with the declared pattern and target', () => {
    // Prepare
    const target = functionIds(synthesized.platform, SAMPLE_RULE.target).function;

    // Act
    const rule = byDescription('AWS::Events::Rule', SAMPLE_RULE.description);

    // Assess
    expect(rule.Properties.EventBusName).toEqual({
      'Fn::ImportValue': expect.stringMatching(/Stateful:ExportsOutputRefEventsBus/),
    });
    expect(rule.Properties.EventPattern).toEqual(SAMPLE_RULE.pattern);
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: arnOf(target),
        RetryPolicy: {
          MaximumRetryAttempts: SAMPLE_RULE.maxAttempts - 1,
          MaximumEventAgeInSeconds: 24 * 3600,
        },
      }),
    ]);
  });

  it.each(RULES.map((rule) => [rule.name, rule] as const))(
    '%s retries as declared and dead-letters to an encrypted, TLS-only queue of its own',
    (_name, declaration) => {
      // Prepare
      const rule = byDescription('AWS::Events::Rule', declaration.description);

      // Act
      const [target] = rule.Properties.Targets as Record<string, unknown>[];
      const deadLetterArn = (target?.DeadLetterConfig as { Arn: unknown } | undefined)?.Arn;

      // Assess
      expect(target?.RetryPolicy).toMatchObject({
        MaximumRetryAttempts: declaration.maxAttempts - 1,
      });
      expect(deadLetterArn).toBeDefined();
      expectEncryptedTlsOnly(deadLetterArn);
      const { statements } = deadLetterQueue(deadLetterArn);
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
        }),
      );
    },
  );

  it('are one per declaration, each with a queue nobody else writes to', () => {
    // Prepare
    const rules = Object.values(resources).filter((r) => r.Type === 'AWS::Events::Rule');

    // Act
    const queues = rules.map((rule) => {
      const [target] = rule.Properties.Targets as { DeadLetterConfig: { Arn: unknown } }[];
      return JSON.stringify(target?.DeadLetterConfig.Arn);
    });

    // Assess
    expect(rules).toHaveLength(RULES.length);
    expect(new Set(queues).size).toBe(RULES.length);
  });
});

describe('schedules', () => {
  it('build the sample schedule with its cron, time zone, input and no flexible window', () => {
    // Prepare
    const target = functionIds(synthesized.platform, SAMPLE_SCHEDULE.target).function;

    // Act
    const schedule = byDescription('AWS::Scheduler::Schedule', SAMPLE_SCHEDULE.description);

    // Assess
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(30 0 1 1,4,7,10 ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
    const scheduleTarget = schedule.Properties.Target as Record<string, unknown>;
    expect(scheduleTarget.Arn).toEqual(arnOf(target));
    expect(JSON.parse(String(scheduleTarget.Input))).toEqual(SAMPLE_SCHEDULE.input);
  });

  it.each(SCHEDULE_SPECS.map((s) => [s.name, s] as const))(
    '%s runs on its declared cron and zone, retries, and dead-letters',
    (_name, declaration) => {
      // Prepare
      const schedule = byDescription('AWS::Scheduler::Schedule', declaration.description);

      // Act
      const target = schedule.Properties.Target as Record<string, unknown>;

      // Assess
      expect(schedule.Properties.ScheduleExpression).toBe(declaration.cron);
      expect(schedule.Properties.ScheduleExpressionTimezone).toBe(declaration.timeZone);
      expect(schedule.Properties.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(target.RetryPolicy).toEqual({
        MaximumRetryAttempts: 5,
        MaximumEventAgeInSeconds: 2 * 3600,
      });
      expectEncryptedTlsOnly((target.DeadLetterConfig as { Arn: unknown }).Arn);
    },
  );

  it.each(SCHEDULE_SPECS.map((s) => [s.name, s] as const))(
    "%s's role may invoke its target (no versions or aliases) and write its dead letters, nothing else",
    (_name, declaration) => {
      // Prepare
      const schedule = byDescription('AWS::Scheduler::Schedule', declaration.description);
      const target = schedule.Properties.Target as {
        RoleArn: { 'Fn::GetAtt': [string, string] };
        DeadLetterConfig: { Arn: unknown };
      };
      const roleId = target.RoleArn['Fn::GetAtt'][0];
      const fn = functionIds(synthesized.platform, declaration.target).function;

      // Act
      const statements = statementsOfRole(synthesized.stateless, roleId);
      const role = resources[roleId];

      // Assess
      expect(statements.map((s) => [actionsOf(s), s.Resource])).toEqual([
        [['lambda:InvokeFunction'], arnOf(fn)],
        [['sqs:SendMessage'], target.DeadLetterConfig.Arn],
      ]);
      expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain(
        'scheduler.amazonaws.com',
      );
    },
  );
});

describe('handler failures of asynchronous invocations', () => {
  it('go, after Lambda retries, to a failure queue per target function', () => {
    // Prepare
    const expected = asyncRetriesByTarget(RULES, SCHEDULE_SPECS);

    // Act
    const configs = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Lambda::EventInvokeConfig',
    );

    // Assess
    expect(configs).toHaveLength(expected.size);
    for (const [handler, retries] of expected) {
      const fn = functionIds(synthesized.platform, handler).function;
      const config = configs.find(
        (c) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: fn }),
      );
      expect(config?.Properties, handler).toMatchObject({
        MaximumRetryAttempts: retries,
        MaximumEventAgeInSeconds: 6 * 3600,
      });
      const destination = (
        config?.Properties.DestinationConfig as { OnFailure: { Destination: unknown } }
      ).OnFailure.Destination;
      expectEncryptedTlsOnly(destination);
    }
  });

  it('are retried as the rule asks, within the two retries Lambda allows', () => {
    // Prepare
    const rules = [
      { ...SAMPLE_RULE, name: 'once', target: 'a', maxAttempts: 1 },
      { ...SAMPLE_RULE, name: 'twice', target: 'b', maxAttempts: 2 },
      { ...SAMPLE_RULE, name: 'many', target: 'b', maxAttempts: 8 },
    ];

    // Act
    const retries = asyncRetriesByTarget(rules, [{ ...SAMPLE_SCHEDULE, target: 'c' }]);

    // Assess
    expect(Object.fromEntries(retries)).toEqual({
      a: 0,
      b: MAX_LAMBDA_ASYNC_RETRIES,
      c: MAX_LAMBDA_ASYNC_RETRIES,
    });
  });
});

describe('declarations', () => {
  it('are refused when a rule or schedule names a handler that does not exist', () => {
    // Prepare
    const declarations = {
      ...SHARED_DECLARATIONS,
      rules: [{ ...SAMPLE_RULE, target: 'noSuchHandler' }],
      schedules: [{ ...SAMPLE_SCHEDULE, target: 'alsoMissing' }],
    };

    // Act
    const check = () => checkDeclarations(declarations);

    // Assess
    expect(check).toThrow(
      /event rule "SampleIndustryReported" names unknown handler "noSuchHandler"/,
    );
    expect(check).toThrow(/schedule "SampleQuarterClose" names unknown handler "alsoMissing"/);
  });

  it('are refused when a rule asks for more attempts than EventBridge makes', () => {
    // Prepare
    const declarations = {
      ...SHARED_DECLARATIONS,
      handlers: SAMPLE_HANDLERS,
      rules: [{ ...SAMPLE_RULE, maxAttempts: 187 }],
    };

    // Act
    const check = () => checkDeclarations(declarations);

    // Assess
    expect(check).toThrow(/maxAttempts must be an integer from 1 to 186/);
  });

  it('pass the check as shared today', () => {
    // Prepare
    const declarations = SHARED_DECLARATIONS;

    // Act
    const check = () => checkDeclarations(declarations);

    // Assess
    expect(check).not.toThrow();
  });
});
