/**
 * The local stand-in for an SQS queue and its Lambda consumer: messages in, batches of
 * SQS records out to the declared consumer, the records it reports failed (its partial
 * batch response) delivered again after a pause, and a message that failed on every one
 * of its deliveries appended to the queue's dead letters, as on AWS.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import type { QueueDeclaration } from '#shared/platform/queues.ts';
import { consoleLogger, describeError, type EventsLogger } from '../events/log.ts';

export interface QueueDeadLetter {
  id: string;
  queue: string;
  body: string;
  receiveCount: number;
  lastError: { name: string; message: string };
  failedAt: string;
}

export interface QueueDeadLetterStore {
  add(letter: QueueDeadLetter): Promise<void>;
}

export interface LocalQueueOptions {
  declaration: QueueDeclaration;
  /** The queue's URL, as the functions that send to it are told. */
  url: string;
  invoke: (consumer: string, event: SQSEvent) => Promise<unknown>;
  deadLetters: QueueDeadLetterStore;
  /** Wait before delivery number `receiveCount` + 1 (the visibility timeout, shortened). */
  retryDelayMs?: (receiveCount: number) => number;
  logger?: EventsLogger;
  now?: () => Date;
}

/** Doubling from 200 ms up to 10 s: quick locally, still spacing out a failing consumer. */
const defaultRetryDelayMs = (receiveCount: number) =>
  Math.min(200 * 2 ** (receiveCount - 1), 10_000);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const batchResponseSchema = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })) })
  .nullish();

interface QueuedMessage {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
}

export const md5Hex = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export class LocalQueue {
  readonly url: string;
  readonly #declaration: QueueDeclaration;
  readonly #invoke: LocalQueueOptions['invoke'];
  readonly #deadLetters: QueueDeadLetterStore;
  readonly #retryDelayMs: (receiveCount: number) => number;
  readonly #logger: EventsLogger;
  readonly #now: () => Date;
  readonly #waiting: QueuedMessage[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #started = false;
  #closed = false;

  constructor(options: LocalQueueOptions) {
    this.url = options.url;
    this.#declaration = options.declaration;
    this.#invoke = options.invoke;
    this.#deadLetters = options.deadLetters;
    this.#retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.#logger = options.logger ?? consoleLogger;
    this.#now = options.now ?? (() => new Date());
  }

  get name(): string {
    return this.#declaration.name;
  }

  /** Accepts the messages and returns before the consumer runs, as SQS does. */
  send(bodies: readonly string[]): { messageId: string; md5OfBody: string }[] {
    if (this.#closed) throw new Error(`The local queue ${this.name} is closed`);
    const accepted = bodies.map((body) => ({
      messageId: randomUUID(),
      body,
      sentAt: this.#now().getTime(),
      receiveCount: 0,
    }));
    this.#waiting.push(...accepted);
    if (this.#started) this.#flush();
    return accepted.map(({ messageId, body }) => ({ messageId, md5OfBody: md5Hex(body) }));
  }

  /** Starts delivering (messages sent before wait: the consumer may need the gateway up). */
  start(): void {
    this.#started = true;
    this.#flush();
  }

  /** Resolves once nothing is being delivered or waiting to be, including what comes meanwhile. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0 || (this.#started && this.#waiting.length > 0)) {
      this.#flush();
      await Promise.all(this.#inFlight);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.drain();
  }

  #flush(): void {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#declaration.batchSize);
      const delivery = this.#deliver(batch);
      this.#inFlight.add(delivery);
      void delivery.finally(() => this.#inFlight.delete(delivery));
    }
  }

  /** Never rejects: each message ends delivered, retried or dead-lettered. */
  async #deliver(batch: QueuedMessage[]): Promise<void> {
    await sleep(0); // never inside the sender's call, as on AWS
    for (const message of batch) message.receiveCount += 1;
    const failed = await this.#attempt(batch);
    for (const message of batch) {
      const error = failed.get(message.messageId);
      if (error === undefined) continue;
      if (message.receiveCount >= this.#declaration.maxReceiveCount) {
        await this.#deadLetter(message, error);
        continue;
      }
      this.#logger.warn('queue message failed; will be delivered again', {
        queue: this.name,
        messageId: message.messageId,
        receiveCount: message.receiveCount,
        error: describeError(error),
      });
      const retry = sleep(this.#retryDelayMs(message.receiveCount)).then(() => {
        this.#waiting.push(message);
        this.#flush();
      });
      this.#inFlight.add(retry);
      void retry.finally(() => this.#inFlight.delete(retry));
    }
  }

  /** The messages of the batch that failed, with why. */
  async #attempt(batch: QueuedMessage[]): Promise<Map<string, unknown>> {
    try {
      const response = batchResponseSchema.parse(
        (await this.#invoke(this.#declaration.consumer, this.#event(batch))) as
          SQSBatchResponse | undefined,
      );
      const failures = new Set(response?.batchItemFailures.map((item) => item.itemIdentifier));
      return new Map(
        batch
          .filter((message) => failures.has(message.messageId))
          .map((message) => [message.messageId, new Error('reported failed by the consumer')]),
      );
    } catch (error) {
      return new Map(batch.map((message) => [message.messageId, error]));
    }
  }

  #event(batch: readonly QueuedMessage[]): SQSEvent {
    const arn = `arn:aws:sqs:local:000000000000:${this.name}`;
    return {
      Records: batch.map((message): SQSRecord => ({
        messageId: message.messageId,
        receiptHandle: `${message.messageId}#${message.receiveCount}`,
        body: message.body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(message.sentAt),
        },
        messageAttributes: {},
        md5OfBody: md5Hex(message.body),
        eventSource: 'aws:sqs',
        eventSourceARN: arn,
        awsRegion: 'local',
      })),
    };
  }

  async #deadLetter(message: QueuedMessage, error: unknown): Promise<void> {
    const lastError = describeError(error);
    const context = { queue: this.name, messageId: message.messageId, lastError };
    try {
      await this.#deadLetters.add({
        id: message.messageId,
        queue: this.name,
        body: message.body,
        receiveCount: message.receiveCount,
        lastError,
        failedAt: this.#now().toISOString(),
      });
      this.#logger.error('queue message failed on every delivery; dead-lettered', context);
    } catch (storeError) {
      this.#logger.error('queue message failed and its dead letter could not be kept; lost', {
        ...context,
        storeError: describeError(storeError),
      });
    }
  }
}
