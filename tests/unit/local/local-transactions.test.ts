/**
 * TransactWriteItems on the local store, against DynamoDB's documented behaviour: all the
 * writes or none, a cancellation reason per item (with the stored item when asked), one
 * operation per item, and a transactional write billed twice.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTable, type LocalTable } from '../../support/local-table.ts';

let table: LocalTable;
beforeAll(async () => {
  table = await startLocalTable();
});
afterAll(() => table.close());

const get = async (PK: string, SK = 'S') =>
  (await table.db.send(new GetCommand({ TableName: table.tableName, Key: { PK, SK } }))).Item;

const put = (PK: string, attributes: Record<string, unknown> = {}) =>
  table.db.send(
    new PutCommand({ TableName: table.tableName, Item: { PK, SK: 'S', ...attributes } }),
  );

async function cancellation(promise: Promise<unknown>): Promise<TransactionCanceledException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return error;
    throw error;
  }
  throw new Error('the transaction was not cancelled');
}

describe('TransactWriteItems on the local store', () => {
  it('carries out every write when every condition holds', async () => {
    // Prepare
    await put('update-me', { n: 1 });
    await put('delete-me');

    // Act
    const result = await table.db.send(
      new TransactWriteCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [
          {
            Put: {
              TableName: table.tableName,
              Item: { PK: 'new', SK: 'S', value: 'a' },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: table.tableName,
              Key: { PK: 'update-me', SK: 'S' },
              UpdateExpression: 'SET n = n + :one',
              ConditionExpression: 'n = :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          { Delete: { TableName: table.tableName, Key: { PK: 'delete-me', SK: 'S' } } },
        ],
      }),
    );

    // Assess
    expect(await get('new')).toEqual({ PK: 'new', SK: 'S', value: 'a' });
    expect((await get('update-me'))?.n).toBe(2);
    expect(await get('delete-me')).toBeUndefined();
    expect(result.ConsumedCapacity).toEqual([
      expect.objectContaining({ TableName: table.tableName, CapacityUnits: 6 }),
    ]);
  });

  it('writes nothing when a condition fails, and says which item failed with the item stored', async () => {
    // Prepare
    await put('kept', { n: 5 });
    await put('taken', { owner: 'first' });

    // Act
    const error = await cancellation(
      table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table.tableName, Item: { PK: 'fresh', SK: 'S' } } },
            {
              Update: {
                TableName: table.tableName,
                Key: { PK: 'kept', SK: 'S' },
                UpdateExpression: 'SET n = :n',
                ExpressionAttributeValues: { ':n': 6 },
              },
            },
            {
              Put: {
                TableName: table.tableName,
                Item: { PK: 'taken', SK: 'S', owner: 'second' },
                ConditionExpression: 'attribute_not_exists(PK)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Delete: { TableName: table.tableName, Key: { PK: 'kept', SK: 'other' } } },
          ],
        }),
      ),
    );

    // Assess
    expect(error.CancellationReasons?.map((reason) => reason.Code)).toEqual([
      'None',
      'None',
      'ConditionalCheckFailed',
      'None',
    ]);
    expect(error.CancellationReasons?.[2]?.Item).toEqual({
      PK: { S: 'taken' },
      SK: { S: 'S' },
      owner: { S: 'first' },
    });
    expect(await get('fresh')).toBeUndefined();
    expect((await get('kept'))?.n).toBe(5);
    expect((await get('taken'))?.owner).toBe('first');
  });

  it('refuses two operations on one item, writing nothing', async () => {
    // Act
    const attempt = table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.tableName, Item: { PK: 'twice', SK: 'S' } } },
          { Delete: { TableName: table.tableName, Key: { PK: 'twice', SK: 'S' } } },
        ],
      }),
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationException' });
    expect(await get('twice')).toBeUndefined();
  });

  it('lets one of two transactions claiming the same item win, the other writing nothing', async () => {
    // Prepare
    const claim = (who: string) =>
      table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table.tableName,
                Item: { PK: 'claimed', SK: 'S', who },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: table.tableName, Item: { PK: `by-${who}`, SK: 'S' } } },
          ],
        }),
      );

    // Act
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map(claim));

    // Assess
    const winners = outcomes.flatMap((o, i) =>
      o.status === 'fulfilled' ? [['a', 'b', 'c', 'd'][i]] : [],
    );
    expect(winners).toHaveLength(1);
    expect((await get('claimed'))?.who).toBe(winners[0]);
    const sideItems = await Promise.all(['a', 'b', 'c', 'd'].map((who) => get(`by-${who}`)));
    expect(sideItems.filter((item) => item !== undefined)).toHaveLength(1);
  });
});
