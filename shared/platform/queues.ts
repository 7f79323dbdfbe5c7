/**
 * The platform's queues, declared once: the CDK app builds an SQS queue with its
 * dead-letter queue and consumer for each, the local runtime a queue in the process that
 * invokes the same consumer the same way.
 */
import type { HandlerName } from './handlers.ts';

export const QUEUE_NAMES = ['Mail'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueDeclaration {
  name: QueueName;
  description: string;
  /** The handler invoked with each batch (an SQS event); it reports the records that failed. */
  consumer: HandlerName;
  /** The environment variable that names the queue's URL to the functions that send to it. */
  urlVariable: string;
  /** Deliveries of one message before it goes to the dead-letter queue. */
  maxReceiveCount: number;
  /** How long a delivered message stays hidden: at least the consumer's timeout. */
  visibilityTimeoutSeconds: number;
  /** Records per invocation (1 to 10). */
  batchSize: number;
  /**
   * The age of the oldest message waiting, in seconds, at which the operators are paged:
   * longer than a message failing every delivery waits before its dead-letter queue takes
   * it (maxReceiveCount × visibilityTimeoutSeconds), so retries alone never raise it.
   */
  oldestMessageAlarmSeconds: number;
}

export const QUEUES: readonly QueueDeclaration[] = [
  {
    name: 'Mail',
    description: 'Messages of the outbox (reminders, escalations, digests) to send',
    consumer: 'sendMail',
    urlVariable: 'MAIL_QUEUE_URL',
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 180,
    batchSize: 10,
    // Twice the 15 minutes of five failed deliveries: mail this late means the sender is
    // not reading the queue at all (stopped, throttled), and a deadline may pass unheard.
    oldestMessageAlarmSeconds: 30 * 60,
  },
];
