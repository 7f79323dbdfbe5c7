/**
 * The baseline of a rollup: the very same reads, page for page, with no computation on
 * them. What DynamoRollupStore, DynamoRiskStore and DynamoIndicatorStore read during
 * runRollup of the quarter: the plans (which are current, which cover the quarter); per
 * sector, the newest revision head, the agencies (names and memberships), the sector's
 * tasks in pages of 500 and their plan's states, the reports describing the quarter and
 * each of its months (one partition per plan and period, the attributes the rollup reads),
 * and last year's revision head;
 * and once per run, the figures' inputs: the indicators, the links, two years of each
 * indicator's values and the reports of the linked tasks. Items are unmarshalled (that is
 * reading), not validated, sorted or summed.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indicatorKeys, keys, progressKeys, rollupKeys } from '#shared/adapters/dynamodb/keys.ts';
import { REPORT_SOURCE_PROJECTION } from '#shared/adapters/dynamodb/rollup-store.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { formatPeriod, requirePeriod } from '#shared/domain/period/period.ts';
import { periodsWithin } from '#shared/domain/period/period-parts.ts';
import { QUARTER, syntheticPlan, syntheticVersionTag } from './synthetic-province.ts';

const LAST_YEAR = `${Number(QUARTER.slice(0, 4)) - 1}${QUARTER.slice(4)}`;
const DESCRIBED = periodsWithin(requirePeriod(QUARTER)).map(formatPeriod);

/**
 * A query read to its end: its items, or, with `keep: false`, only their count (each page
 * let go as the next comes), so that the baseline holds no more memory than reading needs.
 */
async function queryAll(
  db: DynamoDBDocumentClient,
  input: ConstructorParameters<typeof QueryCommand>[0],
  keep = false,
): Promise<{ count: number; items: Record<string, unknown>[] }> {
  const items: Record<string, unknown>[] = [];
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    count += page.Items?.length ?? 0;
    if (keep) items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { count, items };
}

/** Reads what a rollup of every sector reads; returns the number of items read. */
export async function rawRead(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let items = 0;
  const gsi1 = async (pk: string) =>
    (
      await queryAll(
        db,
        {
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        },
        true,
      )
    ).items;
  const head = async (period: string, sector: string) =>
    (
      await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': rollupKeys.period(period),
            ':prefix': rollupKeys.revisionPrefix(sector),
          },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      )
    ).Items?.length ?? 0;

  items += (await gsi1(keys.plans)).length;
  for (const sector of SECTORS) {
    items += await head(QUARTER, sector);
    items += (await gsi1(keys.agencies)).length;
    items += (await gsi1(keys.plans)).length;
    items += (
      await queryAll(db, {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.tasksOfSector(sector),
          ':prefix': `${syntheticVersionTag(sector)}#`,
        },
        Limit: 500,
      })
    ).count;
    items += (
      await queryAll(db, {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': progressKeys.statesOfPlan(syntheticPlan(sector)) },
      })
    ).count;
    for (const period of DESCRIBED) {
      items += (
        await queryAll(db, {
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: {
            ':pk': progressKeys.reportsDescribing(syntheticPlan(sector), period),
          },
          ...REPORT_SOURCE_PROJECTION,
        })
      ).count;
    }
    items += await head(LAST_YEAR, sector);
  }

  // The figures, once per run.
  const indicators = await gsi1(indicatorKeys.indicators);
  const links = await gsi1(indicatorKeys.links);
  items += indicators.length + links.length;
  const year = Number(QUARTER.slice(0, 4));
  const range = indicatorKeys.valueRange(year - 1, year);
  for (const indicator of indicators) {
    const code = (indicator.indicator as { code: string }).code;
    items += (
      await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': indicatorKeys.indicatorPk(code),
          ':from': range.from,
          ':to': range.to,
        },
      })
    ).count;
  }
  for (const taskId of new Set(links.map((link) => String(link.taskId)))) {
    items += (
      await queryAll(db, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ProjectionExpression: 'taskId, agencyId, #period, actuals, actualsStatus, receivedAt',
        ExpressionAttributeNames: { '#period': 'period' },
        ExpressionAttributeValues: { ':pk': progressKeys.reportsOfTask(taskId) },
      })
    ).count;
  }
  items += (await gsi1(keys.plans)).length;
  return items;
}
