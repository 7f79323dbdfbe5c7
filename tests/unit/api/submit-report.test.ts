import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/api/submit-report.ts';
import { agencyCaller, apiEvent, lambdaContext } from '../../support/api-event.ts';
import { seedPlans, seedTask } from '../../support/seed-tasks.ts';
import { catalogAnswers } from '../../support/stored-items.ts';

const documents = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

const TASK = seedTask('KH266-I-2'); // lead: Sở Nông nghiệp và Môi trường; UBND các xã, phường
const LEAD = agencyCaller('so-nong-nghiep-va-moi-truong', ['cac-so-ban-nganh']);
const COMMUNE = agencyCaller('ubnd-xa-huu-lien', ['ubnd-cap-xa']);
// Task II.6 names Sở Công Thương and the investor only: the health department holds no part of it.
const OUTSIDER = agencyCaller('so-y-te', ['cac-so-ban-nganh']);

const validBody = {
  period: '2026-Q3',
  status: 'on_track',
  percentComplete: 40,
  actuals: { lua: 9000 },
};

function submit(
  overrides: {
    body?: unknown;
    headers?: Record<string, string>;
    caller?: typeof LEAD;
    taskId?: string;
  } = {},
) {
  return handler(
    apiEvent({
      method: 'POST',
      resource: '/tasks/{taskId}/reports',
      pathParameters: { taskId: overrides.taskId ?? TASK.id },
      headers: { 'Idempotency-Key': 'key-1', ...overrides.headers },
      body: 'body' in overrides ? overrides.body : validBody,
      caller: overrides.caller ?? LEAD,
    }),
    lambdaContext(),
  );
}

const problemOf = (response: { body: string }) =>
  JSON.parse(response.body) as Record<string, unknown>;

/** DynamoDB's answer when the report's id is taken: the transaction cancelled, the item given. */
function reportIdTaken(stored: Record<string, unknown>) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: {},
    CancellationReasons: [
      { Code: 'ConditionalCheckFailed', Item: marshall(stored, { removeUndefinedValues: true }) },
      { Code: 'None' },
      { Code: 'None' },
    ],
  });
}

const transactions = () =>
  documents.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems);

/** The report item the first transaction put. */
function filedReportItem(): Record<string, unknown> {
  const item = transactions()[0]?.[0]?.Put?.Item;
  if (!item) throw new Error('no report was filed');
  return item;
}

describe('POST /tasks/{taskId}/reports', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-15T03:00:00Z'));
  });
  afterAll(() => vi.useRealTimers());

  beforeEach(() => {
    documents.reset();
    bus.reset();
    const catalog = catalogAnswers(seedPlans.tasks);
    documents.on(GetCommand).callsFake(catalog.get);
    documents.on(BatchGetCommand).callsFake((input) => catalog.batchGet(input));
    documents.on(QueryCommand).callsFake((input) => catalog.query(input) ?? { Items: [] });
    documents.on(TransactWriteCommand).resolves({});
    documents.on(PutCommand).resolves({});
    documents.on(UpdateCommand).resolves({});
    bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
  });

  it('files the report with its audit entry and latest state in one transaction, publishes ProgressReported and answers 201', async () => {
    const response = await submit();

    expect(response.statusCode).toBe(201);
    const report = JSON.parse(response.body);
    expect(report).toMatchObject({
      taskId: TASK.id,
      agencyId: LEAD.agencyId,
      sector: 'agriculture',
      period: '2026-Q3',
      percentComplete: 40,
      actualsStatus: 'estimate',
      deadline: '2026-09-18',
      timeliness: 'on_time',
      actuals: { lua: 9000 },
      asOf: '2026-08-15',
      receivedAt: '2026-08-15T03:00:00.000Z',
    });
    expect(report.id).toMatch(/^rep_/);
    expect(transactions()).toEqual([
      [
        {
          Put: expect.objectContaining({
            ConditionExpression: 'attribute_not_exists(PK)',
            Item: expect.objectContaining({ PK: `REPORT#${report.id}`, SK: 'REPORT' }),
          }),
        },
        {
          Put: expect.objectContaining({
            Item: expect.objectContaining({
              PK: `AUDIT#task/${TASK.id}`,
              action: 'report.submitted',
            }),
          }),
        },
        {
          Update: expect.objectContaining({
            Key: { PK: `TASK#${TASK.id}`, SK: `STATE#${LEAD.agencyId}` },
          }),
        },
      ],
    ]);
    // Nothing else is written, and the task is read in one request.
    expect(documents).toHaveReceivedCommandTimes(PutCommand, 0);
    expect(documents).toHaveReceivedCommandTimes(UpdateCommand, 0);
    const entry = bus.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(entry).toMatchObject({
      Source: 'langson.progress',
      DetailType: 'ProgressReported',
      EventBusName: 'progress-test-bus',
    });
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({
      version: '2',
      period: '2026-Q3',
      timeliness: 'on_time',
      reportId: report.id,
      taskId: TASK.id,
    });
  });

  it('derives the same report id from the same agency and key, whatever the attempt', async () => {
    const first = JSON.parse((await submit()).body);
    const second = JSON.parse((await submit({ headers: { 'Idempotency-Key': 'key-1' } })).body);
    const other = JSON.parse((await submit({ headers: { 'Idempotency-Key': 'key-2' } })).body);

    expect(second.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });

  it('lets a commune report on a task assigned to "UBND các xã, phường"', async () => {
    const response = await submit({ caller: COMMUNE });

    expect(response.statusCode).toBe(201);
  });

  it.each([
    ['no Idempotency-Key', { headers: { 'Idempotency-Key': '' } }, 400, 'header.idempotency-key'],
    [
      'a percent over 100',
      { body: { ...validBody, percentComplete: 101 } },
      400,
      'body.percentComplete',
    ],
    ['an unknown status', { body: { ...validBody, status: 'done' } }, 400, 'body.status'],
    ['an unknown field', { body: { ...validBody, agencyId: 'so-y-te' } }, 400, 'body'],
    ['a malformed period', { body: { ...validBody, period: '2026-13' } }, 400, 'body.period'],
    [
      'an unknown target key',
      { body: { ...validBody, actuals: { gao: 1 } } },
      422,
      'body.actuals.gao',
    ],
    ['a period not yet begun', { body: { ...validBody, period: '2027-Q1' } }, 422, 'body.period'],
  ])(
    'refuses %s with problem+json naming the field, writing nothing',
    async (_name, overrides, status, field) => {
      const response = await submit(overrides as Parameters<typeof submit>[0]);

      expect(response.statusCode).toBe(status);
      expect(response.headers?.['content-type']).toBe('application/problem+json');
      const problem = problemOf(response);
      expect(problem).toMatchObject({
        status,
        type: expect.stringContaining('/problems/'),
        title: expect.any(String),
      });
      expect(JSON.stringify(problem.errors)).toContain(field);
      expect(documents).toHaveReceivedCommandTimes(TransactWriteCommand, 0);
      expect(documents).toHaveReceivedCommandTimes(PutCommand, 0);
      expect(documents).toHaveReceivedCommandTimes(UpdateCommand, 0);
      expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 0);
    },
  );

  it('refuses a task the agency neither leads nor coordinates with 403', async () => {
    const response = await submit({ caller: OUTSIDER, taskId: 'KH266-II-6' });

    expect(response.statusCode).toBe(403);
    expect(documents).toHaveReceivedCommandTimes(TransactWriteCommand, 0);
  });

  it('answers 404 for an unknown task', async () => {
    const response = await submit({ taskId: 'KH266-I-99' });

    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ detail: 'no task KH266-I-99' });
  });

  it('answers 415 for a body that is not JSON by content type, and 400 for malformed JSON', async () => {
    const wrongType = await submit({ headers: { 'Content-Type': 'text/plain' } });
    const malformed = await submit({ body: '{"status": ' });

    expect(wrongType.statusCode).toBe(415);
    expect(malformed.statusCode).toBe(400);
  });

  it('answers 413 for a body over 64 KB', async () => {
    const response = await submit({ body: { ...validBody, narrative: 'x'.repeat(70_000) } });

    expect(response.statusCode).toBe(413);
    expect(documents).toHaveReceivedCommandTimes(TransactWriteCommand, 0);
  });

  it('retries entries the bus refused, and answers 503 when it keeps refusing', async () => {
    bus.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'busy' }],
    });

    const response = await submit();

    expect(response.statusCode).toBe(503);
    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 3);
  });

  it('answers 503, not 500, when DynamoDB throttles', async () => {
    documents
      .on(TransactWriteCommand)
      .rejects(
        Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }),
      );

    const response = await submit();

    expect(response.statusCode).toBe(503);
  });

  it('hides unexpected failures behind a generic 500', async () => {
    documents.on(TransactWriteCommand).rejects(new Error('disk on fire at 10.0.0.7'));

    const response = await submit();

    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('10.0.0.7');
  });

  it('answers a retry with the report stored under its key, completing its filing and republishing it', async () => {
    const first = JSON.parse((await submit()).body) as Record<string, unknown>;
    const filed = filedReportItem();
    documents.reset();
    bus.resetHistory();
    const catalog = catalogAnswers(seedPlans.tasks);
    documents.on(BatchGetCommand).callsFake((input) => catalog.batchGet(input));
    documents.on(TransactWriteCommand).rejects(reportIdTaken(filed));
    documents.on(PutCommand).resolves({});
    documents.on(UpdateCommand).resolves({});
    vi.setSystemTime(new Date('2026-08-15T03:05:00Z'));

    const retried = await submit();

    expect(retried.statusCode).toBe(201);
    expect(JSON.parse(retried.body)).toEqual(first);
    expect(documents).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ SK: `2026-08-15T03:00:00.000Z#report:${String(first.id)}` }),
    });
    expect(documents).toHaveReceivedCommandWith(UpdateCommand, {
      Key: { PK: `TASK#${TASK.id}`, SK: `STATE#${LEAD.agencyId}` },
    });
    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 1);
    vi.setSystemTime(new Date('2026-08-15T03:00:00Z'));
  });

  it('refuses with 422 a key already used for another request, publishing nothing', async () => {
    await submit();
    const filed = filedReportItem();
    documents.on(TransactWriteCommand).rejects(reportIdTaken(filed));
    bus.resetHistory();

    const reused = await submit({ body: { ...validBody, percentComplete: 41 } });

    expect(reused.statusCode).toBe(422);
    expect(problemOf(reused)).toMatchObject({
      type: expect.stringMatching(/\/idempotency-key-reused$/),
    });
    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });

  it('files the report without its agency state when a newer state is stored', async () => {
    documents
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [
            { Code: 'None' },
            { Code: 'None' },
            { Code: 'ConditionalCheckFailed' },
          ],
        }),
      )
      .resolves({});

    const response = await submit();

    expect(response.statusCode).toBe(201);
    expect(transactions().map((items) => items?.length)).toEqual([3, 2]);
    expect(bus).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });
});
