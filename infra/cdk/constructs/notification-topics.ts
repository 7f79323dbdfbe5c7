/**
 * The two SNS topics: risk notifications (tasks flagged at risk, for the provincial
 * office) and operator alarms (CloudWatch alarm actions). Both are encrypted with one
 * customer-managed key, because CloudWatch cannot publish to a topic encrypted with the
 * AWS-managed `alias/aws/sns` key: its key policy cannot be extended to the service.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** A topic and the key its messages are encrypted with: publishers need both. */
export interface EncryptedTopic {
  readonly topic: ITopic;
  readonly key: IKey;
}

export interface NotificationTopicsProps {
  /**
   * Prefix of the topics' display names, shown in e-mail notifications.
   * @default 'Lang Son progress' (ASCII: display names travel in e-mail headers and SMS)
   */
  readonly displayNamePrefix?: string;
}

export class NotificationTopics extends Construct {
  readonly key: Key;
  readonly riskNotifications: EncryptedTopic;
  readonly operatorAlarms: EncryptedTopic;

  constructor(scope: Construct, id: string, props: NotificationTopicsProps = {}) {
    super(scope, id);
    const prefix = props.displayNamePrefix ?? 'Lang Son progress';

    this.key = new Key(this, 'Key', {
      description: 'Encrypts the risk-notification and operator-alarm topics',
      enableKeyRotation: true,
      // Messages still in flight or retried would be unreadable without it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Alarm actions publish as the CloudWatch service, which needs the key; the rest of
    // the key policy is the default (the account administers it through IAM).
    this.key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );

    const topic = (topicId: string, displayName: string): EncryptedTopic => ({
      topic: new Topic(this, topicId, {
        displayName: `${prefix}: ${displayName}`,
        masterKey: this.key,
        enforceSSL: true,
      }),
      key: this.key,
    });
    this.riskNotifications = topic('RiskNotifications', 'tasks at risk');
    this.operatorAlarms = topic('OperatorAlarms', 'operator alarms');

    // The topic policy CDK writes for enforceSSL replaces SNS's default one, which is what
    // let the account's services publish; alarm actions publish as CloudWatch, so allow it
    // back, for this account's alarms only.
    const { partition, region, account } = Stack.of(this);
    this.operatorAlarms.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.operatorAlarms.topic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
  }
}
