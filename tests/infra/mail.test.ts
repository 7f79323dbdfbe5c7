/**
 * The reminders on AWS, as synthesized: the mail queue with its dead-letter queue and an
 * alarm on it, its consumer reading batches with partial failures, SES permission scoped
 * to the sending identity and address, the producers allowed to send to the queue only,
 * and the two schedules in the province's time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULES } from '#shared/platform/events.ts';
import { QUEUES } from '#shared/platform/queues.ts';
import {
  actionsOf,
  arnOf,
  defined,
  functionIds,
  logicalIdOf,
  only,
  statementsOfRole,
  synthesize,
  type Synthesized,
} from './support/platform.ts';
import type { CfnElement } from 'aws-cdk-lib';

type Resource = { Type: string; Properties: Record<string, unknown> };

let synthesized: Synthesized;
let custom: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize();
  custom = synthesize({
    context: {
      mailFrom: 'nhac-viec@vpubnd.langson.gov.vn',
      publicBaseUrl: 'https://tiendo.langson.gov.vn',
    },
  });
  resources = synthesized.stateless.toJSON().Resources as Record<string, Resource>;
});
afterAll(() => {
  synthesized.dispose();
  custom.dispose();
});

const MAIL = defined(
  QUEUES.find((queue) => queue.name === 'Mail'),
  'the mail queue declaration',
);

function mailQueueIds(platform = synthesized.platform) {
  const queue = platform.stateless.node.findChild('Queues').node.findChild('Mail');
  const id = logicalIdOf(queue.node.defaultChild as CfnElement);
  const redrive = (synthesized.stateless.toJSON().Resources[id] as Resource).Properties
    .RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } };
  return { queue: id, deadLetters: redrive.deadLetterTargetArn['Fn::GetAtt'][0] };
}

const variablesOf = (template: Synthesized, handler: string) =>
  (
    (
      template.stateless.toJSON().Resources[
        functionIds(template.platform, handler).function
      ] as Resource
    ).Properties.Environment as { Variables: Record<string, unknown> }
  ).Variables;

describe('the mail queue', () => {
  it('is encrypted, TLS only, and sends a message failed five times to its dead-letter queue', () => {
    // Prepare
    const ids = mailQueueIds();

    // Act
    const queue = defined(resources[ids.queue], 'mail queue');
    const policies = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::SQS::QueuePolicy' &&
        JSON.stringify(r.Properties.Queues).includes(ids.queue),
    );

    // Assess
    expect(queue.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: MAIL.visibilityTimeoutSeconds,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: arnOf(ids.deadLetters) },
    });
    expect(JSON.stringify(only(policies, 'queue policy').Properties.PolicyDocument)).toContain(
      '"aws:SecureTransport":"false"',
    );
  });

  it('alarms on the first message in its dead-letter queue', () => {
    // Prepare
    const { deadLetters } = mailQueueIds();

    // Act
    const alarms = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        r.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(r.Properties.Dimensions).includes(deadLetters),
    );

    // Assess
    expect(only(alarms, 'dead-letter alarm').Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [expect.anything()],
    });
  });

  it('alarms when its oldest message has waited longer than five failed deliveries take', () => {
    // Prepare
    const { queue } = mailQueueIds();

    // Act
    const alarms = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        r.Properties.MetricName === 'ApproximateAgeOfOldestMessage' &&
        JSON.stringify(r.Properties.Dimensions).includes(queue),
    );

    // Assess
    const alarm = only(alarms, 'oldest-message alarm').Properties;
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      Statistic: 'Maximum',
      Threshold: 30 * 60,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [expect.anything()],
      OKActions: [expect.anything()],
    });
    expect(alarm.Threshold).toBeGreaterThan(MAIL.maxReceiveCount * MAIL.visibilityTimeoutSeconds);
  });

  it('is read by the mail sender in batches, each failed record retried alone', () => {
    // Prepare
    const { queue } = mailQueueIds();
    const sender = functionIds(synthesized.platform, 'sendMail').function;

    // Act
    const mappings = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Lambda::EventSourceMapping',
    );

    // Assess
    expect(only(mappings, 'event source mapping').Properties).toMatchObject({
      EventSourceArn: arnOf(queue),
      FunctionName: { Ref: sender },
      BatchSize: MAIL.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('takes messages from the functions that run reminders only (the schedules’ and the jobs’), which may send to it and nothing else', () => {
    // Prepare
    const { queue } = mailQueueIds();

    // Act
    const senders = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
      .filter(([, r]) =>
        (r.Properties.PolicyDocument as { Statement: { Sid?: string }[] }).Statement.some(
          (statement) => statement.Sid === 'SendToMailQueue',
        ),
      );

    // Assess
    expect(senders).toHaveLength(2);
    for (const handler of ['reminderJob', 'runJobs']) {
      const statements = statementsOfRole(
        synthesized.stateless,
        functionIds(synthesized.platform, handler).role,
      ).filter((statement) => JSON.stringify(statement.Resource).includes(queue));
      expect(statements).toEqual([
        expect.objectContaining({
          Sid: 'SendToMailQueue',
          Action: 'sqs:SendMessage',
          Resource: arnOf(queue),
        }),
      ]);
      expect(variablesOf(synthesized, handler).MAIL_QUEUE_URL).toEqual({ Ref: queue });
    }
  });
});

describe('the mail sender', () => {
  it('may send only from the SES identity and its own address', () => {
    // Prepare
    const role = functionIds(synthesized.platform, 'sendMail').role;

    // Act
    const ses = statementsOfRole(synthesized.stateless, role).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('ses:')),
    );

    // Assess
    const statement = only(ses, 'SES statement');
    expect(actionsOf(statement)).toEqual(['ses:SendEmail']);
    expect(JSON.stringify(statement.Resource)).toContain(':identity/langson.gov.vn');
    expect(statement.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'no-reply@langson.gov.vn' },
    });
  });

  it('links to the API stage by default, and to the address given in context', () => {
    // Act
    const byDefault = variablesOf(synthesized, 'sendMail');
    const given = variablesOf(custom, 'sendMail');
    const givenRole = functionIds(custom.platform, 'sendMail').role;

    // Assess
    expect(byDefault.MAIL_FROM).toBe('no-reply@langson.gov.vn');
    expect(JSON.stringify(byDefault.PUBLIC_BASE_URL)).toContain('execute-api');
    expect(given).toMatchObject({
      MAIL_FROM: 'nhac-viec@vpubnd.langson.gov.vn',
      PUBLIC_BASE_URL: 'https://tiendo.langson.gov.vn',
    });
    const ses = statementsOfRole(custom.stateless, givenRole).find(
      (statement) => statement.Sid === 'SendMail',
    );
    expect(JSON.stringify(ses?.Resource)).toContain(':identity/vpubnd.langson.gov.vn');
  });
});

describe('the reminder schedules', () => {
  it.each([
    ['DailyReminders', 'cron(0 7 * * ? *)', { job: 'daily' }],
    ['WeeklyDigest', 'cron(30 7 ? * MON *)', { job: 'digest' }],
  ])('%s runs the reminder job on %s in the province', (name, cron, input) => {
    // Prepare
    const declaration = defined(
      SCHEDULES.find((schedule) => schedule.name === name),
      name,
    );
    const job = functionIds(synthesized.platform, 'reminderJob').function;

    // Act
    const schedule = only(
      Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::Scheduler::Schedule' &&
          r.Properties.Description === declaration.description,
      ),
      name,
    );

    // Assess
    const target = schedule.Properties.Target as { Arn: unknown; Input: string };
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: cron,
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    expect(target.Arn).toEqual(arnOf(job));
    expect(JSON.parse(target.Input)).toEqual(input);
  });
});
