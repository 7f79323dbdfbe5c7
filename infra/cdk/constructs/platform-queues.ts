/**
 * The platform's queues, one per declaration (shared/platform/queues.ts): an SQS queue
 * (SQS-managed encryption, TLS only) whose messages go to a dead-letter queue of their own
 * after the declared number of deliveries, and, once the functions exist, its consumer
 * reading batches with partial failures reported (a failed record is retried alone).
 * The dead-letter queues join the others: each alarms when a message lands in it.
 */
import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueSpec } from '../declarations.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { PlatformFunctions } from './platform-functions.ts';

export interface PlatformQueuesProps {
  /** The queues to build. Required (may be empty). */
  readonly queues: readonly QueueSpec[];
  /**
   * How long a message waits to be delivered.
   * @default Duration.days(4) - the SQS default
   */
  readonly retentionPeriod?: Duration;
}

export class PlatformQueues extends Construct {
  readonly byName: ReadonlyMap<string, Queue>;
  readonly deadLetterQueues: readonly DeadLetterQueue[];
  readonly #declarations: readonly QueueSpec[];

  constructor(scope: Construct, id: string, props: PlatformQueuesProps) {
    super(scope, id);
    this.#declarations = props.queues;
    const byName = new Map<string, Queue>();
    const deadLetterQueues: DeadLetterQueue[] = [];
    for (const declaration of props.queues) {
      const deadLetters = new DeadLetterQueue(this, `${declaration.name}-dead-letters`, {
        purpose: `messages of queue ${declaration.name} that ${declaration.consumer} failed on ${declaration.maxReceiveCount} times`,
      });
      const queue = new Queue(this, declaration.name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(declaration.visibilityTimeoutSeconds),
        retentionPeriod: props.retentionPeriod ?? Duration.days(4),
        deadLetterQueue: { queue: deadLetters.queue, maxReceiveCount: declaration.maxReceiveCount },
      });
      byName.set(declaration.name, queue);
      deadLetterQueues.push(deadLetters);
    }
    this.byName = byName;
    this.deadLetterQueues = deadLetterQueues;
  }

  /** The queue of a declaration; throws on a name that was not declared. */
  get(name: string): Queue {
    const queue = this.byName.get(name);
    if (!queue) throw new Error(`no queue "${name}"`);
    return queue;
  }

  /** The declaration a queue was built from. */
  declarationOf(name: string): QueueSpec {
    const declaration = this.#declarations.find((each) => each.name === name);
    if (!declaration) throw new Error(`no queue "${name}"`);
    return declaration;
  }

  /** Each queue's consumer reads it (the functions are built after the queues they send to). */
  connectConsumers(functions: PlatformFunctions): void {
    for (const declaration of this.#declarations) {
      functions.get(declaration.consumer).lambda.addEventSource(
        new SqsEventSource(this.get(declaration.name), {
          batchSize: declaration.batchSize,
          reportBatchItemFailures: true,
        }),
      );
    }
  }
}
