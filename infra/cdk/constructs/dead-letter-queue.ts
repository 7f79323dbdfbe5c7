/**
 * A dead-letter queue: where an event or a scheduled invocation goes when every attempt
 * failed. Encrypted with SQS-managed keys (EventBridge and Scheduler can write to those
 * without a key policy), TLS only, and kept for the longest SQS allows so a failure seen
 * late on a Friday is still there on Monday.
 */
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface DeadLetterQueueProps {
  /** What fails into this queue, for the acknowledgement and the alarm. Required. */
  readonly purpose: string;
  /**
   * How long a dead letter waits for an operator.
   * @default Duration.days(14) - the SQS maximum
   */
  readonly retentionPeriod?: Duration;
}

export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly purpose: string;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.purpose = props.purpose;
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? Duration.days(14),
    });
    acknowledge(
      this.queue,
      'AwsSolutions-SQS3',
      `This queue is itself a dead-letter queue (${props.purpose}); a queue behind it would never be read. Its depth is alarmed instead.`,
    );
  }
}
