import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  BatchGetCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/events/evaluate-task-risk.ts';
import { lambdaContext } from '../../support/api-event.ts';
import { seedTask } from '../../support/seed-tasks.ts';
import { catalogAnswers } from '../../support/stored-items.ts';

const documents = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);
const TASK = seedTask('KH266-I-9');
const AGENCY = 'so-nong-nghiep-va-moi-truong';

const delayedState = {
  PK: `TASK#${TASK.id}`,
  SK: `STATE#${AGENCY}`,
  state: {
    reportId: 'rep_1',
    agencyId: AGENCY,
    status: 'delayed',
    percentComplete: 10,
    period: '2026-Q4',
    asOf: '2026-11-20',
    receivedAt: '2026-11-20T03:00:00.000Z',
    hasObstacles: true,
    actuals: {},
  },
};

const progressReported = {
  version: '0',
  id: 'event-1',
  'detail-type': 'ProgressReported',
  source: 'langson.progress',
  account: '000000000000',
  time: '2026-11-20T03:00:01Z',
  region: 'ap-southeast-1',
  resources: [],
  detail: {
    version: '1',
    reportId: 'rep_1',
    taskId: TASK.id,
    agencyId: AGENCY,
    plan: 'KH266',
    sector: 'agriculture',
    period: '2026-Q4',
    quarter: '2026-Q4',
    status: 'delayed',
    percentComplete: 10,
    hasObstacles: true,
    receivedAt: '2026-11-20T03:00:00.000Z',
  },
};

/** The task as version 1 of its plan, with its agency's delayed state and the given summary. */
function storeHolds(summary: Record<string, unknown> = {}) {
  const catalog = catalogAnswers([TASK]);
  documents.on(GetCommand).callsFake(catalog.get);
  documents.on(BatchGetCommand).callsFake((input) => catalog.batchGet(input));
  documents
    .on(QueryCommand)
    .callsFake(
      (input: {
        KeyConditionExpression: string;
        ExpressionAttributeValues: Record<string, string>;
      }) => {
        const fromCatalog = catalog.query(input);
        if (fromCatalog) return fromCatalog;
        if (input.ExpressionAttributeValues[':pk'] === 'AGENCIES') return { Items: [] };
        return {
          Items: [
            delayedState,
            { PK: `TASK#${TASK.id}`, SK: 'SUMMARY', taskId: TASK.id, ...summary },
          ],
        };
      },
    );
}

describe('evaluate-task-risk (ProgressReported)', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T03:00:05Z'));
  });
  afterAll(() => vi.useRealTimers());
  beforeEach(() => {
    documents.reset();
    bus.reset();
    documents.on(UpdateCommand).resolves({});
    documents.on(PutCommand).resolves({});
    documents.on(DeleteCommand).resolves({});
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
  });

  it('flags a task reported delayed, lists it and announces TaskFlaggedAtRisk once', async () => {
    storeHolds();

    await handler(progressReported, lambdaContext());

    expect(documents).toHaveReceivedCommandWith(UpdateCommand, {
      UpdateExpression: expect.stringContaining(
        'SET riskReasons = :reasons, riskEvaluatedAt = :at',
      ),
      ExpressionAttributeValues: expect.objectContaining({
        ':reasons': [expect.objectContaining({ code: 'SELF_REPORTED' })],
      }),
    });
    expect(documents).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({
        SK: 'RISK',
        GSI1PK: 'RISKS',
        reasonCodes: ['SELF_REPORTED'],
      }),
    });
    const entry = bus.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(entry?.DetailType).toBe('TaskFlaggedAtRisk');
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      taskId: TASK.id,
      gained: ['SELF_REPORTED'],
    });
    expect(documents).toHaveReceivedCommandWith(UpdateCommand, {
      UpdateExpression: expect.stringContaining('SET riskAnnounced = :codes'),
    });
  });

  it('publishes nothing when the same state was already evaluated and announced', async () => {
    const reasons = [
      {
        code: 'SELF_REPORTED',
        message: 'Đơn vị báo cáo khó khăn: Sở Nông nghiệp và Môi trường chậm tiến độ, có vướng mắc',
      },
    ];
    storeHolds({ riskReasons: reasons, riskAnnounced: ['SELF_REPORTED'] });

    await handler(progressReported, lambdaContext());

    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 0);
    expect(documents).toHaveReceivedCommandTimes(PutCommand, 0);
  });

  it('republishes when an earlier attempt stored the reasons but did not announce them', async () => {
    const reasons = [
      {
        code: 'SELF_REPORTED',
        message: 'Đơn vị báo cáo khó khăn: Sở Nông nghiệp và Môi trường chậm tiến độ, có vướng mắc',
      },
    ];
    storeHolds({ riskReasons: reasons, riskAnnounced: [] });

    await handler(progressReported, lambdaContext());

    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('rejects an event that is not a ProgressReported v1, so the bus retries and dead-letters it', async () => {
    await expect(
      handler({ ...progressReported, detail: { version: '2' } }, lambdaContext()),
    ).rejects.toThrow();
    expect(documents).toHaveReceivedCommandTimes(UpdateCommand, 0);
  });

  it('stores the official state and the reasons in one update of the summary, forward only', async () => {
    storeHolds();

    await handler(progressReported, lambdaContext());

    const updates = documents.commandCalls(UpdateCommand).map((call) => call.args[0].input);
    const evaluation = updates.filter((u) => u.UpdateExpression?.includes('riskReasons'));
    expect(evaluation).toHaveLength(1);
    expect(evaluation[0]).toMatchObject({
      UpdateExpression: expect.stringContaining('latestReport = :official'),
      ConditionExpression: expect.stringContaining('latestReport.receivedAt < :received'),
      ExpressionAttributeValues: expect.objectContaining({
        ':official': expect.objectContaining({ reportId: 'rep_1', status: 'delayed' }),
      }),
    });
  });

  it('leaves flag and announcement to the newer evaluation when a newer official state is stored', async () => {
    storeHolds();
    documents
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'newer', $metadata: {} }));

    await handler(progressReported, lambdaContext());

    expect(documents).toHaveReceivedCommandTimes(PutCommand, 0);
    expect(documents).toHaveReceivedCommandTimes(DeleteCommand, 0);
    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });
});
