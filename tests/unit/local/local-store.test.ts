/**
 * The embedded store: every Query and Scan closes its LevelDB iterator (dynalite 4 calls a
 * method abstract-level 3 iterators lacked, so each query left one open).
 */
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { AbstractLevel } from 'abstract-level';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalTable, type LocalTable } from '../../support/local-table.ts';

let table: LocalTable;
beforeAll(async () => {
  table = await startLocalTable();
  for (let n = 0; n < 30; n++) {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { PK: 'P', SK: `S#${String(n).padStart(2, '0')}`, GSI1PK: 'G', GSI1SK: `S#${n}` },
      }),
    );
  }
});
afterAll(() => table.close());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the local store', () => {
  it.each([
    ['a query that stops at its limit', { KeyConditionExpression: 'PK = :p', Limit: 5 }, 'P'],
    ['a query read to its end', { KeyConditionExpression: 'PK = :p' }, 'P'],
    ['an index query', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p' }, 'G'],
  ])('closes the iterator of %s', async (_name, query, value) => {
    // Prepare
    const opened = vi.spyOn(AbstractLevel.prototype, 'attachResource');
    const closed = vi.spyOn(AbstractLevel.prototype, 'detachResource');

    // Act
    for (let n = 0; n < 20; n++) {
      await table.db.send(
        new QueryCommand({
          TableName: table.tableName,
          ExpressionAttributeValues: { ':p': value },
          ...query,
        }),
      );
    }
    await new Promise((resolve) => setImmediate(resolve));

    // Assess
    expect(opened.mock.calls.length).toBeGreaterThanOrEqual(20);
    expect(closed.mock.calls.length).toBe(opened.mock.calls.length);
  });

  it('closes the iterator of a scan', async () => {
    // Prepare
    const opened = vi.spyOn(AbstractLevel.prototype, 'attachResource');
    const closed = vi.spyOn(AbstractLevel.prototype, 'detachResource');

    // Act
    await table.db.send(new ScanCommand({ TableName: table.tableName, Limit: 3 }));
    await new Promise((resolve) => setImmediate(resolve));

    // Assess
    expect(opened).toHaveBeenCalled();
    expect(closed.mock.calls.length).toBe(opened.mock.calls.length);
  });
});
