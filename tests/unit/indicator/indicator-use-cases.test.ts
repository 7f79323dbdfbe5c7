import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '#shared/domain/audit/audit-entry.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/plan/model.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import {
  createIndicator,
  indicatorPatchSchema,
  updateIndicator,
} from '#shared/use-cases/indicators/manage-indicators.ts';
import { confirmLinks, planLinks, targetLinker } from '#shared/use-cases/indicators/plan-links.ts';
import { reportIndicatorValue } from '#shared/use-cases/indicators/report-indicator-value.ts';
import { target, task } from '../risk/fixtures.ts';
import { FakeIndicatorStore } from './fake-store.ts';
import { indicator, seedIndicators } from './fixtures.ts';

const NOW = new Date('2026-08-15T10:00:00+07:00');
const clock = { now: () => NOW };
const actor = { tokenId: 'tok_admin', agencyId: null, person: null };

class Audit {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry) {
    this.entries.push(entry);
  }
}

const rice = target({
  key: 'lua',
  label: 'Lúa',
  value: 15_520,
  unit: 'ha',
  text: 'Lúa: 15.520 ha',
});
const kh266Task = task({ id: 'KH266-I-2', targets: [rice] });

function plans(tasks: Task[] = [kh266Task]) {
  const plan = {
    code: 'KH266',
    currentVersion: 1,
    period: { start: '2026-07-01', end: '2026-12-31' },
  } as PlanRecord;
  return {
    getPlan: async (code: string) => (code === 'KH266' ? plan : null),
    tasksOf: async () => tasks,
  };
}

describe('the registry of indicators', () => {
  const deps = (store: FakeIndicatorStore) => ({
    indicators: store,
    audit: new Audit(),
    clock,
    actor,
    requestId: 'req-1',
  });

  it('adds an indicator after the others, and refuses a code taken (409)', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);
    const input = indicator({
      code: 'dien-tich-che',
      name: 'Diện tích chè',
      shortName: 'Cây chè',
      aliases: ['Chè'],
    });

    // Act
    const created = await createIndicator(input, deps(store));
    const again = createIndicator(input, deps(store));

    // Assess
    expect(created.revision).toBe(1);
    expect(store.indicators.get('dien-tich-che')?.position).toBe(seedIndicators.length + 1);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a name another indicator answers to (422), writing nothing', async () => {
    // Prepare: "Lúa" is the rice area's alias
    const store = new FakeIndicatorStore(seedIndicators);
    const input = indicator({ code: 'lua-moi', name: 'Lúa mới', shortName: 'Lúa', aliases: [] });

    // Act
    const act = createIndicator(input, deps(store));

    // Assess
    await expect(act).rejects.toBeInstanceOf(UnprocessableError);
    expect(store.writes).toBe(0);
  });

  it('corrects an indicator, keeping what the patch does not name', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);
    const patch = indicatorPatchSchema.parse({ shortName: 'Lúa cả năm', revision: 1 });

    // Act
    const updated = await updateIndicator('dien-tich-lua', patch, deps(store));

    // Assess
    expect(updated).toMatchObject({
      shortName: 'Lúa cả năm',
      aliases: ['Lúa', 'Diện tích lúa', 'Diện tích cây lúa'],
      owners: ['so-nong-nghiep-va-moi-truong'],
      revision: 2,
    });
  });

  it('refuses a unit that would break a confirmed link, and a stale revision', async () => {
    // Prepare: the rice target is linked
    const store = new FakeIndicatorStore(seedIndicators);
    await targetLinker(store).refreshPlan('KH266', [kh266Task]);
    await confirmLinks(
      'KH266',
      {
        links: [
          { taskId: 'KH266-I-2', targetKey: 'lua', indicator: 'dien-tich-lua', period: null },
        ],
      },
      { ...deps(store), plans: plans() },
    );

    // Act
    const unit = updateIndicator(
      'dien-tich-lua',
      indicatorPatchSchema.parse({ unit: '%' }),
      deps(store),
    );
    const stale = updateIndicator(
      'dien-tich-lua',
      indicatorPatchSchema.parse({ name: 'Lúa', revision: 7 }),
      deps(store),
    );

    // Assess
    await expect(unit).rejects.toMatchObject({ code: 'indicator-link-mismatch' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('the links of a plan’s targets', () => {
  const deps = (store: FakeIndicatorStore) => ({
    indicators: store,
    plans: plans(),
    audit: new Audit(),
    clock,
    actor,
    requestId: 'req-2',
  });

  it('shows the import’s suggestion with the candidates', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);
    await targetLinker(store).refreshPlan('KH266', [kh266Task]);

    // Act
    const views = await planLinks('KH266', deps(store));

    // Assess
    expect(views).toEqual([
      expect.objectContaining({
        taskId: 'KH266-I-2',
        targetKey: 'lua',
        indicator: 'dien-tich-lua',
        state: 'suggested',
        candidates: ['dien-tich-lua'],
      }),
    ]);
  });

  it('refuses links across units or sectors, naming each, and writes none of the batch', async () => {
    // Prepare: one valid link, one to a percentage, one to an industry indicator
    const store = new FakeIndicatorStore(seedIndicators);
    const changes = {
      links: [
        { taskId: 'KH266-I-2', targetKey: 'lua', indicator: 'dien-tich-lua', period: null },
        {
          taskId: 'KH266-I-2',
          targetKey: 'lua',
          indicator: 'ty-le-tiem-phong-vat-nuoi',
          period: null,
        },
        {
          taskId: 'KH266-I-2',
          targetKey: 'lua',
          indicator: 'duong-giao-thong-nong-thon-cung-hoa',
          period: null,
        },
      ],
    };

    // Act
    const error = await confirmLinks('KH266', changes, deps(store)).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(UnprocessableError);
    expect(error).toMatchObject({
      code: 'indicator-link-mismatch',
      fields: [
        expect.objectContaining({ field: 'body.links.1.indicator' }),
        expect.objectContaining({ field: 'body.links.2.indicator' }),
        expect.objectContaining({ field: 'body.links.2.indicator' }),
      ],
    });
    expect((error as Error).message).toContain('đơn vị khác nhau');
    expect((error as Error).message).toContain('lĩnh vực khác nhau');
    expect(store.writes).toBe(0);
  });

  it('confirms a correction and records it in the audit trail', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);
    const audit = new Audit();
    const changes = {
      links: [
        { taskId: 'KH266-I-2', targetKey: 'lua', indicator: 'dien-tich-lua', period: '2026' },
      ],
    };

    // Act
    const views = await confirmLinks('KH266', changes, { ...deps(store), audit });

    // Assess
    expect(views[0]).toMatchObject({ state: 'confirmed', period: '2026' });
    expect(audit.entries).toEqual([
      expect.objectContaining({ action: 'indicator.linked', entity: 'plan/KH266' }),
    ]);
  });
});

describe('values reported against an indicator', () => {
  const command = (
    reporter: { role: 'agency' | 'admin'; agencyId: string | null; actsFor: string[] },
    period = '2025-H1',
  ) => ({
    indicator: 'dien-tich-lua',
    submission: { period, value: 15_559, status: 'final' as const },
    reporter,
    valueId: 'val_1',
  });
  const owner = {
    role: 'agency' as const,
    agencyId: 'so-nong-nghiep-va-moi-truong',
    actsFor: ['so-nong-nghiep-va-moi-truong'],
  };

  it('takes history from the owning agency, under its own name', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);

    // Act
    const stored = await reportIndicatorValue(command(owner), { indicators: store, clock });

    // Assess
    expect(stored).toEqual({
      id: 'val_1',
      indicator: 'dien-tich-lua',
      period: '2025-H1',
      value: 15_559,
      status: 'final',
      agencyId: 'so-nong-nghiep-va-moi-truong',
      reportedAt: NOW.toISOString(),
    });
  });

  it('takes a value from an admin for the indicator’s owner', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);

    // Act
    const stored = await reportIndicatorValue(
      command({ role: 'admin', agencyId: null, actsFor: [] }),
      { indicators: store, clock },
    );

    // Assess
    expect(stored.agencyId).toBe('so-nong-nghiep-va-moi-truong');
  });

  it('refuses another agency (403) and a period that has not begun (422), writing nothing', async () => {
    // Prepare
    const store = new FakeIndicatorStore(seedIndicators);
    const health = { role: 'agency' as const, agencyId: 'so-y-te', actsFor: ['so-y-te'] };

    // Act
    const other = reportIndicatorValue(command(health), { indicators: store, clock });
    const future = reportIndicatorValue(command(owner, '2026-Q4'), { indicators: store, clock });

    // Assess
    await expect(other).rejects.toBeInstanceOf(ForbiddenError);
    await expect(future).rejects.toMatchObject({ code: 'future-period' });
    expect(store.writes).toBe(0);
  });
});
