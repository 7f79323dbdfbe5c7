import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError, UnprocessableError } from '#shared/domain/errors.ts';
import { loadSeed } from '#shared/seed-registry.ts';
import {
  importDocument,
  previewImport,
  type ImportRequest,
} from '#shared/use-cases/registry/import-document.ts';
import { startLocalTable, type LocalTable } from '../support/local-table.ts';
import { registryDeps, seedRequest } from '../support/registry.ts';

const KH266 = seedRequest('kh266-phu-luc-8.txt');
const KH267 = seedRequest('kh267-phu-luc-iii.txt');

/** KH266 with one line of its table replaced. */
const kh266With = (from: string, to: string): ImportRequest => {
  if (!KH266.source.text.includes(from)) throw new Error(`KH266 has no "${from}"`);
  return { ...KH266, source: { ...KH266.source, text: KH266.source.text.replace(from, to) } };
};

describe('importing plan documents into the local store', () => {
  let table: LocalTable;
  let deps: ReturnType<typeof registryDeps>;

  beforeAll(async () => {
    table = await startLocalTable();
    deps = registryDeps(table);
    for (const agency of (await loadSeed('.')).agencies) await deps.agencies.save(agency, null);
  });
  afterAll(() => table.close());

  const itemCount = async () =>
    (await table.db.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }))).Count;
  const partition = async (taskId: string) => {
    const { Items } = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `TASK#${taskId}` },
      }),
    );
    return Items ?? [];
  };

  it('creates every task and publishes version 1 of each plan on the first import', async () => {
    // Act
    const kh266 = await importDocument(KH266, deps);
    const kh267 = await importDocument(KH267, deps);

    // Assess
    expect([kh266.outcome, kh266.version, kh266.tasks.created.length]).toEqual(['created', 1, 49]);
    expect([kh267.outcome, kh267.version, kh267.tasks.created.length]).toEqual(['created', 1, 106]);
    expect(kh266.plan).toMatchObject({ code: 'KH266', status: 'active', currentVersion: 1 });
    expect(kh266.warnings).toEqual([]);
  });

  it('changes nothing when the same document is imported again', async () => {
    // Prepare
    const before = await itemCount();

    // Act
    const again = await importDocument(KH266, deps);

    // Assess
    expect(again.outcome).toBe('unchanged');
    expect(again.version).toBe(1);
    expect(again.tasks.unchanged).toHaveLength(49);
    expect(await itemCount()).toBe(before);
  });

  it('lists a task under each agency it names, in the current version', async () => {
    const { Items } = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'AGENCY#ubnd-xa-huu-lien' },
      }),
    );
    expect(Items?.map((i) => [i.taskId, i.role, i.planVersion])).toEqual([
      ['KH266-III-30', 'lead', 'KH266#000001'],
    ]);
  });

  it('publishes a corrected table as a new version that keeps reported state and moves links', async () => {
    // Prepare
    await deps.stores.progress.recordLatest({
      id: 'rep_1',
      taskId: 'KH266-III-30',
      agencyId: 'ubnd-xa-huu-lien',
      plan: 'KH266',
      sector: 'services',
      period: '2026-Q3',
      status: 'on_track',
      percentComplete: 40,
      actuals: {},
      actualsStatus: 'estimate',
      narrative: '',
      obstacles: [],
      proposals: [],
      asOf: '2026-08-01',
      receivedAt: '2026-08-01T03:00:00.000Z',
      deadline: '2026-09-18',
      timeliness: 'on_time',
    });
    const corrected = kh266With(
      '30\tLễ hội du lịch mùa hạ - Đồng Lâm, Hữu Liên\tUBND xã Hữu Liên',
      '30\tLễ hội du lịch mùa hạ - Đồng Lâm, Hữu Liên\tUBND xã Bắc Sơn',
    );

    // Act
    const result = await importDocument(corrected, deps);

    // Assess
    expect([result.outcome, result.version]).toEqual(['updated', 2]);
    expect(result.tasks.updated).toEqual(['KH266-III-30']);
    const current = await deps.stores.catalog.getTask('KH266-III-30');
    expect(current?.task.lead).toEqual([{ id: 'ubnd-xa-bac-son', name: 'UBND xã Bắc Sơn' }]);
    expect(current?.version).toBe(2);
    const bySk = Object.fromEntries((await partition('KH266-III-30')).map((i) => [i.SK, i]));
    expect(bySk['STATE#ubnd-xa-huu-lien']?.state).toMatchObject({
      reportId: 'rep_1',
      percentComplete: 40,
    });
    expect(bySk['V#000001']).toBeDefined();
    expect(bySk['LINK#000001#ubnd-xa-huu-lien']).toBeUndefined();
    expect(bySk['LINK#000002#ubnd-xa-bac-son']).toMatchObject({ role: 'lead' });
  });

  it('retires the tasks a corrected table no longer has: readable by id, out of lists', async () => {
    // Prepare: drop row 30 of section III.
    const row30 = KH266.source.text.split('\n').find((line) => line.startsWith('30\tLễ hội'));
    const dropped = kh266With(`${row30 ?? ''}\n`, '');

    // Act
    const result = await importDocument(dropped, deps);

    // Assess
    expect(result.tasks.retired).toEqual(['KH266-III-30']);
    const retired = await deps.stores.catalog.getTask('KH266-III-30');
    expect(retired).toMatchObject({ retired: true, version: 2 });
    const services = [];
    for await (const task of deps.stores.catalog.tasksOfSector('services')) services.push(task.id);
    expect(services).not.toContain('KH266-III-30');
    expect(services).toContain('KH266-III-29');
  });

  it('refuses a stale import: an older claim never overwrites a newer published version', async () => {
    // Prepare: an import claims its version, then a newer one is published before it ends.
    const plans = deps.plans;
    let raced = false;
    const racing = registryDeps(table, {
      plans: {
        ...plans,
        getPlan: (code) => plans.getPlan(code),
        getVersion: (code, v) => plans.getVersion(code, v),
        listVersions: (code) => plans.listVersions(code),
        tasksOf: (code, v) => plans.tasksOf(code, v),
        claimVersion: (d, s, at) => plans.claimVersion(d, s, at),
        writeTask: (t, v) => plans.writeTask(t, v),
        saveVersion: (v) => plans.saveVersion(v),
        afterPublish: (c, v, r) => plans.afterPublish(c, v, r),
        correct: (c, r, ch, at) => plans.correct(c, r, ch, at),
        publish: async (d, v, at) => {
          if (!raced) {
            raced = true;
            await importDocument(kh266With('Tháng 7-11/2026', 'Tháng 7-12/2026'), deps);
          }
          return plans.publish(d, v, at);
        },
      },
    });

    // Act
    const stale = importDocument(kh266With('Tháng 7-10/2026', 'Tháng 8-10/2026'), racing);

    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const plan = await deps.plans.getPlan('KH266');
    expect(plan?.currentVersion).toBe(5);
    expect(plan?.latestVersion).toBe(5);
  });

  it('publishes nothing when the import runs out of time', async () => {
    // Prepare
    const before = await deps.plans.getPlan('KH266');
    let calls = 0;
    const late = registryDeps(table, {
      clock: { now: () => new Date(Date.UTC(2026, 7, 1, 3, 0, calls++)) },
      deadline: Date.UTC(2026, 7, 1, 3, 0, 20),
    });

    // Act
    const run = importDocument(kh266With('Tháng 7-11/2026', 'Tháng 7-9/2026'), late);

    // Assess
    await expect(run).rejects.toBeInstanceOf(UnavailableError);
    const after = await deps.plans.getPlan('KH266');
    expect(after?.currentVersion).toBe(before?.currentVersion);
  });

  it('writes nothing for a file that is not a plan table', async () => {
    // Prepare
    const before = await itemCount();

    // Act
    const run = importDocument(
      { ...KH266, source: { file: 'notes.txt', text: 'hello', format: 'text' } },
      deps,
    );

    // Assess
    await expect(run).rejects.toBeInstanceOf(UnprocessableError);
    expect(await itemCount()).toBe(before);
  });

  it('refuses names the registry does not know, writing nothing, and lists them with their cells', async () => {
    // Prepare
    const before = await itemCount();
    const unknown = kh266With(
      '\tSở Công Thương\tChủ đầu tư\tTháng 8/2026',
      '\tSở Năng lượng tỉnh\tChủ đầu tư\tTháng 8/2026',
    );

    // Act
    const error = await importDocument(unknown, deps).catch((e: unknown) => e);
    const preview = await previewImport(unknown, deps);

    // Assess
    expect(error).toBeInstanceOf(UnprocessableError);
    expect((error as UnprocessableError).code).toBe('unresolved-agencies');
    expect((error as UnprocessableError).extensions.unresolved).toEqual([
      expect.objectContaining({ name: 'Sở Năng lượng tỉnh' }),
    ]);
    expect(preview.unresolved.map((u) => u.name)).toEqual(['Sở Năng lượng tỉnh']);
    expect(await itemCount()).toBe(before);
  });

  it('imports once the officer answers each unknown name: an alias, or a new agency', async () => {
    // Prepare
    const unknown = kh266With(
      '\tSở Công Thương\tChủ đầu tư\tTháng 8/2026',
      '\tSở Năng lượng tỉnh\tChủ đầu tư\tTháng 8/2026',
    );

    // Act
    const result = await importDocument(
      {
        ...unknown,
        resolutions: [{ name: 'Sở Năng lượng tỉnh', newAgency: { kind: 'department' } }],
      },
      deps,
    );

    // Assess
    expect(result.agencyChanges.created).toEqual(['so-nang-luong-tinh']);
    const task = await deps.stores.catalog.getTask('KH266-II-6');
    expect(task?.task.lead).toEqual([{ id: 'so-nang-luong-tinh', name: 'Sở Năng lượng tỉnh' }]);
  });
});
