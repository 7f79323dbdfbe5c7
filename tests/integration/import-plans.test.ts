import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPlanRegistryStore } from '#shared/adapters/dynamodb/plan-registry-store.ts';
import { DynamoProgressStore } from '#shared/adapters/dynamodb/progress-store.ts';
import { PlanTableError } from '#shared/domain/plan/plan-parser.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { importPlans } from '#shared/use-cases/import-plans.ts';
import { startLocalTable, type LocalTable } from '../support/local-table.ts';
import { seedSources } from '../support/seed-tasks.ts';

/** A seed table with its request's overrides, as `npm start` imports it. */
const seed = (file: string) => {
  const found = seedSources().find((source) => source.file === file);
  if (!found) throw new Error(`no seed import for ${file}`);
  return found;
};
const KH266 = seed('kh266-phu-luc-8.txt');
const KH267 = seed('kh267-phu-luc-iii.txt');

describe('importing plan tables into the local store', () => {
  let table: LocalTable;
  let deps: Parameters<typeof importPlans>[1];

  beforeAll(async () => {
    table = await startLocalTable();
    deps = {
      registry: seedAgencyRegistry(),
      repository: new DynamoPlanRegistryStore(table.db, table.tableName),
    };
  });
  afterAll(() => table.close());

  const itemCount = async () =>
    (await table.db.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }))).Count;

  it('creates every task, agency and plan on the first import', async () => {
    const summary = await importPlans([KH266, KH267], deps);

    expect(summary.plans).toEqual([
      { code: 'KH266', outcome: 'created', tasks: 49 },
      { code: 'KH267', outcome: 'created', tasks: 106 },
    ]);
    expect(summary.tasks.created).toHaveLength(155);
    expect(summary.unresolved).toEqual([]);
    expect(summary.warnings).toEqual([]);
  });

  it('changes nothing when the same tables are imported again', async () => {
    const before = await itemCount();

    const summary = await importPlans([KH266, KH267], deps);

    expect(summary.tasks.unchanged).toHaveLength(155);
    expect(summary.tasks.created).toEqual([]);
    expect(summary.tasks.updated).toEqual([]);
    expect(summary.plans.map((p) => p.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await itemCount()).toBe(before);
  });

  it('lists a task under each agency it names', async () => {
    const { Items } = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'AGENCY#ubnd-xa-huu-lien' },
      }),
    );
    expect(Items?.map((i) => [i.taskId, i.role])).toEqual([['KH266-III-30', 'lead']]);
  });

  it('updates a corrected task without touching its reported state, and moves its links', async () => {
    const store = new DynamoProgressStore(table.db, table.tableName);
    await store.recordLatest({
      id: 'rep_1',
      taskId: 'KH266-III-30',
      agencyId: 'ubnd-xa-huu-lien',
      plan: 'KH266',
      sector: 'services',
      period: '2026-Q3',
      quarter: '2026-Q3',
      status: 'on_track',
      percentComplete: 40,
      actuals: {},
      narrative: '',
      obstacles: [],
      proposals: [],
      asOf: '2026-08-01',
      receivedAt: '2026-08-01T03:00:00.000Z',
    });
    const corrected = {
      ...KH266,
      text: KH266.text.replace(
        '30\tLễ hội du lịch mùa hạ - Đồng Lâm, Hữu Liên\tUBND xã Hữu Liên',
        '30\tLễ hội du lịch mùa hạ - Đồng Lâm, Hữu Liên\tUBND xã Bắc Sơn',
      ),
    };

    const summary = await importPlans([corrected], deps);

    expect(summary.tasks.updated).toEqual(['KH266-III-30']);
    const task = await store.getTask('KH266-III-30');
    expect(task?.lead).toEqual([{ id: 'ubnd-xa-bac-son', name: 'UBND xã Bắc Sơn' }]);
    const { Items } = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'TASK#KH266-III-30' },
      }),
    );
    const bySk = Object.fromEntries((Items ?? []).map((i) => [i.SK, i]));
    expect(bySk['TASK']?.latestReport).toMatchObject({ reportId: 'rep_1', percentComplete: 40 });
    expect(bySk['LINK#ubnd-xa-huu-lien']).toBeUndefined();
    expect(bySk['LINK#ubnd-xa-bac-son']).toMatchObject({ role: 'lead' });
  });

  it('writes nothing when one of the files is not a plan table', async () => {
    const before = await itemCount();

    await expect(
      importPlans([KH266, { file: 'notes.txt', text: 'hello' }], deps),
    ).rejects.toBeInstanceOf(PlanTableError);

    expect(await itemCount()).toBe(before);
  });
});
