/**
 * The baseline of a rollup: the very same reads, page for page, with no computation on
 * them. For each sector, what DynamoRollupStore and DynamoRiskStore read during
 * runRollup: the stored snapshot head, the agencies (memberships), the plans (which
 * version is current), the sector's tasks in pages of 500 and their plan's states, last
 * year's snapshot head, and the reports received in each month of the quarter's data
 * window. Items are unmarshalled (that is reading),
 * not validated, sorted or summed.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endOfDayInstant } from '#shared/domain/calendar.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { dataWindow } from '#shared/domain/rollup/data-window.ts';
import { keys, progressKeys, rollupKeys } from '#shared/adapters/dynamodb/keys.ts';
import { QUARTER, syntheticPlan, syntheticVersionTag } from './synthetic-province.ts';

const CUTOFF = 'calendar';
const LAST_YEAR = `${Number(QUARTER.slice(0, 4)) - 1}${QUARTER.slice(4)}`;

async function queryAll(
  db: DynamoDBDocumentClient,
  input: ConstructorParameters<typeof QueryCommand>[0],
): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    count += page.Items?.length ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** The months of receipt the window touches (its GSI2 partitions), as the rollup lists them. */
function windowMonths(): { months: string[]; from: string; to: string } {
  const window = dataWindow(QUARTER, CUTOFF);
  const months: string[] = [];
  const [startYear, startMonth] = window.start.split('-').map(Number) as [number, number];
  for (
    let y = startYear, m = startMonth;
    `${y}-${String(m).padStart(2, '0')}` <= window.end.slice(0, 7);
  ) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return {
    months,
    from: new Date(`${window.start}T00:00:00+07:00`).toISOString(),
    to: `${endOfDayInstant(window.end).toISOString()}~`,
  };
}

/** Reads what a rollup of every sector reads; returns the number of items read. */
export async function rawRead(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const { months, from, to } = windowMonths();
  let items = 0;
  for (const sector of SECTORS) {
    const head = async (quarter: string) => {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: rollupKeys.snapshot(quarter, CUTOFF, sector),
          ConsistentRead: true,
        }),
      );
      return Item ? 1 : 0;
    };
    items += await head(QUARTER);
    items += await queryAll(db, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'AGENCIES' },
    });
    items += await queryAll(db, {
      TableName: tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.plans },
    });
    items += await queryAll(db, {
      TableName: tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.tasksOfSector(sector),
        ':prefix': `${syntheticVersionTag(sector)}#`,
      },
      Limit: 500,
    });
    items += await queryAll(db, {
      TableName: tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': progressKeys.statesOfPlan(syntheticPlan(sector)) },
    });
    items += await head(LAST_YEAR);
    for (const month of months) {
      items += await queryAll(db, {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': progressKeys.reportsReceived(sector, month),
          ':from': from,
          ':to': to,
        },
      });
    }
  }
  return items;
}
