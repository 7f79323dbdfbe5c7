/**
 * The mail queue's consumer: each record names a message of the outbox, which is sent
 * through SES and marked sent. A record that fails is reported back alone (partial batch
 * response), so the queue retries it and, after its last attempt, dead-letters it; the
 * others of the batch are not sent again.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mailQueueBodySchema } from '#shared/adapters/sqs/mail-queue.ts';
import { logger, metrics } from '#shared/observability.ts';
import { sendMessage } from '#shared/use-cases/reminders/send-mail.ts';
import { outboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { sendMailDeps } from '../reminder-wiring.ts';
import { tableAccess } from '../wiring.ts';

const { db, tableName } = tableAccess();
const deps = sendMailDeps(outboxStores(db, tableName));
const processor = new BatchProcessor(EventType.SQS);

async function sendRecord(record: SQSRecord): Promise<void> {
  const { messageId } = mailQueueBodySchema.parse(JSON.parse(record.body));
  const outcome = await sendMessage(messageId, deps);
  if (outcome === 'sent') metrics.addMetric('MailSent', MetricUnit.Count, 1);
  logger.info('mail message handled', { messageId, outcome });
}

async function consume(event: SQSEvent, context: Context) {
  return processPartialResponse(event, sendRecord, processor, { context });
}

export const handler = middy(consume)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
