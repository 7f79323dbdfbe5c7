import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INDEX_READ_ACTIONS,
  PEOPLE_ACTIONS,
  READ_PEOPLE_ACTIONS,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
} from '#infra/cdk/constructs/grants.ts';
import { GLOBAL_INDEXES } from '#shared/adapters/dynamodb/table-definition.ts';
import { EVENT_SOURCE } from '#shared/platform/events.ts';
import { HANDLERS } from '#shared/platform/handlers.ts';
import { QUEUES } from '#shared/platform/queues.ts';
import {
  actionsOf,
  defined,
  functionIds,
  SAMPLE_HANDLERS,
  STAGE,
  statementsOfRole,
  synthesize,
  type Statement,
  type Synthesized,
} from './support/platform.ts';

const XRAY_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];
/** What an SQS event source adds to its consumer's role. */
const QUEUE_CONSUMER_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
];
/** What Lambda's failure destination adds to the roles of event targets. */
const DESTINATION_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'];

let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesize({ declarations: { handlers: SAMPLE_HANDLERS } });
});
afterAll(() => synthesized.dispose());

function functionProperties(handler: string): Record<string, unknown> {
  const ids = functionIds(synthesized.platform, handler);
  const resource = synthesized.stateless.toJSON().Resources[ids.function];
  return resource.Properties;
}

function statementsOf(handler: string): Statement[] {
  return statementsOfRole(synthesized.stateless, functionIds(synthesized.platform, handler).role);
}

const withAction = (statements: Statement[], prefix: string) =>
  statements.filter((statement) => actionsOf(statement).some((a) => a.startsWith(prefix)));

describe.each(Object.entries(SAMPLE_HANDLERS))('function %s', (name, declaration) => {
  it('runs Node.js 24 on arm64 with active tracing, sized as declared', () => {
    // Prepare
    const properties = functionProperties(name);

    // Act
    const { Runtime, Architectures, TracingConfig, MemorySize, Timeout, Handler } = properties;

    // Assess
    expect(Runtime).toBe('nodejs24.x');
    expect(Architectures).toEqual(['arm64']);
    expect(TracingConfig).toEqual({ Mode: 'Active' });
    expect(MemorySize).toBe(declaration.memoryMb);
    expect(Timeout).toBe(declaration.timeoutSeconds);
    expect(Handler).toBe('index.handler');
  });

  it('logs JSON to a log group of its own with a retention', () => {
    // Prepare
    const ids = functionIds(synthesized.platform, name);

    // Act
    const properties = functionProperties(name);
    const logGroup = synthesized.stateless.toJSON().Resources[ids.logGroup];

    // Assess
    expect(properties.LoggingConfig).toMatchObject({
      LogFormat: 'JSON',
      LogGroup: { Ref: ids.logGroup },
    });
    expect(logGroup.Properties.RetentionInDays).toBe(90);
  });

  it('gets the environment its grants imply, and nothing else', () => {
    // Prepare
    const { grants } = declaration;

    // Act
    const variables = (
      functionProperties(name).Environment as { Variables: Record<string, unknown> }
    ).Variables;

    // Assess
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: `langson-progress-${STAGE}`,
      POWERTOOLS_METRICS_NAMESPACE: 'LangSonProgress',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    const expected = [
      'NODE_OPTIONS',
      'POWERTOOLS_LOG_LEVEL',
      'POWERTOOLS_METRICS_NAMESPACE',
      'POWERTOOLS_SERVICE_NAME',
      ...(grants.table ? ['TABLE_NAME'] : []),
      ...(grants.publishEvents ? ['EVENT_BUS_NAME'] : []),
      ...(grants.notifyRisks ? ['RISK_TOPIC_ARN'] : []),
      ...(grants.userPool ? ['USER_POOL_ID', 'USER_POOL_CLIENT_ID'] : []),
      ...(grants.queues ?? []).map(
        (queue) => QUEUES.find((each) => each.name === queue)?.urlVariable ?? queue,
      ),
      ...(grants.sendMail ? ['MAIL_FROM', 'PUBLIC_BASE_URL'] : []),
      // No WEB_ASSETS_DIR: the web functions find their files beside their bundle.
    ];
    expect(Object.keys(variables).sort()).toEqual(expected.sort());
    if (grants.table) {
      expect(variables.TABLE_NAME).toEqual({
        'Fn::ImportValue': expect.stringMatching(/Stateful:ExportsOutputRefProgressTable/),
      });
    }
  });

  it('has no wildcard action, and Resource "*" only for X-Ray', () => {
    // Prepare
    const statements = statementsOf(name);

    // Act
    const wildcardActions = statements.flatMap(actionsOf).filter((a) => a.includes('*'));
    const anyResource = statements.filter((s) => JSON.stringify(s.Resource).includes('"*"'));

    // Assess
    expect(wildcardActions).toEqual([]);
    expect(anyResource.flatMap(actionsOf).sort()).toEqual([...XRAY_ACTIONS].sort());
  });

  it('writes only to its own log group', () => {
    // Prepare
    const ids = functionIds(synthesized.platform, name);

    // Act
    const logs = withAction(statementsOf(name), 'logs:');

    // Assess
    const [statement] = logs;
    expect(logs).toHaveLength(1);
    expect(actionsOf(defined(statement, 'logs statement')).sort()).toEqual([...LOG_ACTIONS].sort());
    expect(statement?.Resource).toEqual({ 'Fn::GetAtt': [ids.logGroup, 'Arn'] });
  });

  it('touches the table exactly as declared', () => {
    // Prepare
    const access = declaration.grants.table;

    // Act
    const dynamo = withAction(statementsOf(name), 'dynamodb:');
    const onTable = dynamo.filter((s) => !JSON.stringify(s.Resource).includes('/index/'));
    const onIndexes = dynamo.filter((s) => JSON.stringify(s.Resource).includes('/index/'));

    // Assess
    const expectedOnTable = [
      ...(access ? TABLE_READ_ACTIONS : []),
      ...(access === 'readWrite' ? TABLE_WRITE_ACTIONS : []),
    ];
    expect(onTable.flatMap(actionsOf).sort()).toEqual(expectedOnTable.sort());
    expect(onIndexes.flatMap(actionsOf)).toEqual(access ? INDEX_READ_ACTIONS : []);
    for (const statement of onIndexes) {
      const text = JSON.stringify(statement.Resource);
      for (const index of GLOBAL_INDEXES) expect(text).toContain(`/index/${index.indexName}"`);
      expect(text).not.toContain('/index/*');
    }
  });

  it('publishes events only if declared, only to the bus and only as the platform', () => {
    // Prepare
    const publishes = declaration.grants.publishEvents === true;

    // Act
    const events = withAction(statementsOf(name), 'events:');

    // Assess
    expect(events).toHaveLength(publishes ? 1 : 0);
    if (publishes) {
      const statement = defined(events[0], 'events statement');
      expect(actionsOf(statement)).toEqual(['events:PutEvents']);
      expect(statement.Resource).toEqual({
        'Fn::ImportValue': expect.stringMatching(/Stateful:ExportsOutputFnGetAttEventsBus/),
      });
      expect(statement.Condition).toEqual({
        StringEquals: { 'events:source': EVENT_SOURCE },
      });
    }
  });

  it('publishes to the risk topic only if declared', () => {
    // Prepare
    const notifies = declaration.grants.notifyRisks === true;

    // Act
    const statements = statementsOf(name);
    const sns = withAction(statements, 'sns:');
    const kms = withAction(statements, 'kms:');

    // Assess
    expect(sns.flatMap(actionsOf)).toEqual(notifies ? ['sns:Publish'] : []);
    expect(kms.flatMap(actionsOf).sort()).toEqual(
      notifies ? ['kms:Decrypt', 'kms:GenerateDataKey'] : [],
    );
    if (notifies) {
      expect(sns[0]?.Resource).toEqual({
        'Fn::ImportValue': expect.stringMatching(
          /Stateful:ExportsOutputRefTopicsRiskNotifications/,
        ),
      });
    }
  });

  it('is allowed nothing beyond its grants, its logs, X-Ray and its failure queue', () => {
    // Prepare
    const allowed = new Set([
      ...LOG_ACTIONS,
      ...XRAY_ACTIONS,
      ...TABLE_READ_ACTIONS,
      ...TABLE_WRITE_ACTIONS,
      'events:PutEvents',
      'sns:Publish',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      ...DESTINATION_ACTIONS,
      ...(declaration.grants.userPool === 'readPeople' ? READ_PEOPLE_ACTIONS : []),
      ...(declaration.grants.userPool === 'managePeople' ? PEOPLE_ACTIONS : []),
      ...(declaration.grants.sendMail ? ['ses:SendEmail'] : []),
      // The event source mapping's reading of the queue it consumes.
      ...(QUEUES.some((queue) => queue.consumer === name) ? QUEUE_CONSUMER_ACTIONS : []),
    ]);

    // Act
    const actions = statementsOf(name).flatMap(actionsOf);

    // Assess
    expect(actions.filter((action) => !allowed.has(action))).toEqual([]);
  });
});

describe('the set of functions', () => {
  it('is exactly one per declared handler, test-only handlers included', () => {
    // Prepare
    const names = Object.keys(SAMPLE_HANDLERS);

    // Act
    const functions = synthesized.stateless.findResources('AWS::Lambda::Function');

    // Assess
    expect(Object.keys(functions)).toHaveLength(names.length);
    expect([...synthesized.platform.stateless.functions.byName.keys()].sort()).toEqual(
      names.sort(),
    );
    expect(names).toEqual(expect.arrayContaining(Object.keys(HANDLERS)));
  });
});
