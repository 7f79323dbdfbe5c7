/**
 * The `bind*` helpers: each gives a function one capability, the environment variable it
 * reads and exactly the IAM actions it uses, on exactly the resources involved. Written by
 * hand rather than with the L2 `grant*` methods, which grant more than the code uses
 * (`grantReadData` adds Scan, ConditionCheckItem, DescribeTable and the stream actions).
 */
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { acknowledgeWildcardResource } from '../nag.ts';
import type { HouseFunction } from './house-function.ts';
import type { PeoplePoolHandles } from './people-pool.ts';
import type { EncryptedTopic } from './notification-topics.ts';
import type { PlatformTable } from './progress-table.ts';

export type TableAccess = 'read' | 'readWrite';

/** What the adapters send: GetCommand, BatchGetCommand, QueryCommand. */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/**
 * PutCommand, UpdateCommand, DeleteCommand (Powertools idempotency uses all three), and
 * TransactWriteCommand, which IAM authorizes item by item with the same actions.
 */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];
/** Indexes can only be queried (or scanned, which nothing does). */
export const INDEX_READ_ACTIONS = ['dynamodb:Query'];

export function bindTable(fn: HouseFunction, table: PlatformTable, access: TableAccess): void {
  fn.addEnvironment('TABLE_NAME', table.table.tableName);
  const allow = (sid: string, actions: string[], resources: string[]) =>
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({ sid, effect: Effect.ALLOW, actions, resources }),
    );
  allow('ReadTable', TABLE_READ_ACTIONS, [table.table.tableArn]);
  allow('QueryIndexes', INDEX_READ_ACTIONS, [...table.indexArns]);
  if (access === 'readWrite') allow('WriteTable', TABLE_WRITE_ACTIONS, [table.table.tableArn]);
}

/**
 * PutEvents on the platform's bus only, and only with the platform's source: a function
 * cannot impersonate another source on the bus the rules listen to.
 */
export function bindEventBus(fn: HouseFunction, bus: IEventBus, source: string): void {
  fn.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'PublishEvents',
      actions: ['events:PutEvents'],
      resources: [bus.eventBusArn],
      conditions: { StringEquals: { 'events:source': source } },
    }),
  );
}

/** sns:Publish on the risk topic, and the two key actions SNS needs to encrypt for it. */
export function bindRiskTopic(fn: HouseFunction, risks: EncryptedTopic): void {
  fn.addEnvironment('RISK_TOPIC_ARN', risks.topic.topicArn);
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'NotifyRisks',
      actions: ['sns:Publish'],
      resources: [risks.topic.topicArn],
    }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'EncryptRiskNotifications',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [risks.key.keyArn],
    }),
  );
}

/** What the people page does with the user pool, and nothing more. */
export const PEOPLE_ACTIONS = [
  'cognito-idp:ListUsers',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:CreateGroup',
];

/** What reading the people and their addresses takes (the reminders' recipients). */
export const READ_PEOPLE_ACTIONS = ['cognito-idp:ListUsers', 'cognito-idp:AdminListGroupsForUser'];

/**
 * The user pool's ids for sign-in (InitiateAuth with a public client needs no IAM); for
 * `readPeople` listing its people with their groups; for `managePeople` the people page's
 * actions; on this pool only.
 */
export function bindUserPool(
  fn: HouseFunction,
  people: PeoplePoolHandles,
  access: 'signIn' | 'readPeople' | 'managePeople',
): void {
  fn.addEnvironment('USER_POOL_ID', people.userPool.userPoolId);
  fn.addEnvironment('USER_POOL_CLIENT_ID', people.client.userPoolClientId);
  if (access === 'readPeople') {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadPeople',
        actions: READ_PEOPLE_ACTIONS,
        resources: [people.userPool.userPoolArn],
      }),
    );
  }
  if (access === 'managePeople') {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ManagePeople',
        actions: PEOPLE_ACTIONS,
        resources: [people.userPool.userPoolArn],
      }),
    );
  }
}

/** sqs:SendMessage (SendMessageBatch is authorized as it) on the one queue, and its URL. */
export function bindQueue(
  fn: HouseFunction,
  queue: IQueue,
  declaration: { name: string; urlVariable: string },
): void {
  fn.addEnvironment(declaration.urlVariable, queue.queueUrl);
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: `SendTo${declaration.name}Queue`,
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
    }),
  );
}

/** The sending identity, and the address mail goes from. */
export interface MailIdentity {
  /** `arn:aws:ses:<region>:<account>:identity/<domain or address>`. */
  readonly identityArn: string;
  readonly from: string;
}

/**
 * ses:SendEmail from the platform's identity only, and only with its own address as the
 * sender: the function cannot send as anyone else, nor from another identity.
 */
export function bindMailSender(fn: HouseFunction, mail: MailIdentity): void {
  fn.addEnvironment('MAIL_FROM', mail.from);
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'SendMail',
      actions: ['ses:SendEmail'],
      resources: [mail.identityArn],
      conditions: { StringEquals: { 'ses:FromAddress': mail.from } },
    }),
  );
}

/** Writing a large body, and reading it, which the URL the function presigns does as it. */
export const LARGE_BODY_ACTIONS = ['s3:PutObject', 's3:GetObject'];

/** The large-body bucket's objects, and its name; nothing on other buckets. */
export function bindLargeBodyBucket(fn: HouseFunction, bucket: IBucket): void {
  fn.addEnvironment('LARGE_BODY_BUCKET', bucket.bucketName);
  const objects = bucket.arnForObjects('*');
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'StoreLargeBodies',
      actions: LARGE_BODY_ACTIONS,
      resources: [objects],
    }),
  );
  acknowledgeWildcardResource(
    fn.role,
    objects,
    'Object keys name each snapshot and format, so the function writes and signs any key of the one bucket that holds nothing else; no other bucket and no bucket-level action.',
  );
}
