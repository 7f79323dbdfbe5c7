/**
 * What holds state and must outlive any deployment of the code: the table (reports are
 * facts kept for years), the event bus with its archive (rules and replays refer to it),
 * the two topics (their subscriptions are confirmed by people, by e-mail), and the bucket
 * of large bodies (copies of the table's data, kept as the table is). This stack
 * changes rarely; the stateless stack can be torn down and rebuilt beside it.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { LargeBodyBucket } from './constructs/large-body-bucket.ts';
import { NotificationTopics, type EncryptedTopic } from './constructs/notification-topics.ts';
import { PeoplePool, type PeoplePoolHandles } from './constructs/people-pool.ts';
import { PlatformEventBus } from './constructs/platform-event-bus.ts';
import { ProgressTable, type PlatformTable } from './constructs/progress-table.ts';

/** What the stateless stack receives: typed handles, never names passed by convention. */
export interface StatefulResources {
  readonly table: PlatformTable;
  readonly eventBus: IEventBus;
  readonly riskTopic: EncryptedTopic;
  readonly alarmTopic: EncryptedTopic;
  /** The people who sign in to the web app. */
  readonly people: PeoplePoolHandles;
  /** Bodies too large for one response, served through presigned URLs. */
  readonly largeBodies: IBucket;
}

export class StatefulStack extends Stack {
  readonly resources: StatefulResources;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const table = new ProgressTable(this, 'Progress');
    const events = new PlatformEventBus(this, 'Events');
    const topics = new NotificationTopics(this, 'Topics');
    const people = new PeoplePool(this, 'People');
    const largeBodies = new LargeBodyBucket(this, 'LargeBodies');

    this.resources = {
      table,
      eventBus: events.bus,
      riskTopic: topics.riskNotifications,
      alarmTopic: topics.operatorAlarms,
      people,
      largeBodies: largeBodies.bucket,
    };

    new CfnOutput(this, 'TableName', {
      description: 'The DynamoDB table (TABLE_NAME of the functions)',
      value: table.table.tableName,
    });
    new CfnOutput(this, 'EventBusName', {
      description: 'The EventBridge bus (EVENT_BUS_NAME of the publishers)',
      value: events.bus.eventBusName,
    });
    new CfnOutput(this, 'UserPoolId', {
      description: 'The people of the web app: add the first administrator here (group admin)',
      value: people.userPool.userPoolId,
    });
    new CfnOutput(this, 'RiskTopicArn', {
      description: 'Subscribe the provincial office here for tasks at risk',
      value: topics.riskNotifications.topic.topicArn,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Subscribe the operators here for alarms',
      value: topics.operatorAlarms.topic.topicArn,
    });
  }
}
