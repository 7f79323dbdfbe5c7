import { describe, expect, it } from 'vitest';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';
import type { RollupRepository } from '#shared/use-cases/rollup-ports.ts';
import { closePeriods, runRollup } from '#shared/use-cases/run-rollup.ts';
import { provinceInstant, report, task } from '../risk/fixtures.ts';

const KH266: PlanRecord = {
  code: 'KH266',
  kind: 'plan',
  number: '266/KH-UBND',
  title: 'Kế hoạch 266',
  issuingBody: 'UBND tỉnh Lạng Sơn',
  issuedOn: '2026-07-07',
  period: { start: '2026-07-01', end: '2026-12-31' },
  sections: [],
  status: 'active',
  currentVersion: 1,
  latestVersion: 1,
  publishedVersions: [1],
  requiresApproval: false,
  reviewer: null,
  reportingCalendar: null,
  reminderDaysBefore: null,
  revision: 1,
  createdAt: '2026-07-08T00:00:00.000Z',
  updatedAt: '2026-07-08T00:00:00.000Z',
};
const TASK = task({ schedule: { kind: 'window', start: '2026-07-01', due: '2026-11-30' } });

/** A store of the period's snapshots over one task and the reports given. */
class MemoryRollups implements RollupRepository {
  readonly revisions = new Map<string, SectorSnapshot[]>();
  readonly preliminary = new Map<string, SectorSnapshot>();
  preliminaryWrites = 0;

  constructor(
    readonly reports: ProgressReport[],
    private readonly plans: PlanRecord[] = [KH266],
  ) {}

  async trackedPlans() {
    return this.plans;
  }
  async *loadSector(sector: Sector) {
    if (sector !== TASK.sector) return;
    yield { task: TASK, latest: [], official: null, riskReasons: [], announcedCodes: [] };
  }
  async reportsDescribing(plans: readonly string[], periods: readonly string[]) {
    return this.reports.filter((r) => plans.includes(r.plan) && periods.includes(r.period));
  }
  async memberships() {
    return {};
  }
  async latestRevision(period: string, sector: Sector) {
    return this.revisions.get(`${period}#${sector}`)?.at(-1) ?? null;
  }
  async getRevision(period: string, sector: Sector, revision: number) {
    return this.revisions.get(`${period}#${sector}`)?.[revision - 1] ?? null;
  }
  async getPreliminary(period: string, sector: Sector) {
    return this.preliminary.get(`${period}#${sector}`) ?? null;
  }
  async savePreliminary(snapshot: SectorSnapshot) {
    this.preliminaryWrites += 1;
    this.preliminary.set(`${snapshot.period}#${snapshot.sector}`, snapshot);
  }
  async saveRevision(snapshot: SectorSnapshot) {
    const list = this.revisions.get(`${snapshot.period}#${snapshot.sector}`) ?? [];
    const stored = list[snapshot.revision - 1];
    if (stored) return stored;
    list.push(snapshot);
    this.revisions.set(`${snapshot.period}#${snapshot.sector}`, list);
    return snapshot;
  }
}

const events: DomainEvent[] = [];
const deps = (rollups: RollupRepository, at: string) => ({
  rollups,
  events: { publish: async (published: DomainEvent[]) => void events.push(...published) },
  clock: { now: () => new Date(at) },
  figures: async () => [],
});
const run = (rollups: RollupRepository, at: string, period = '2026-Q3') =>
  runRollup({ period, sectors: ['agriculture'] }, deps(rollups, at));

const onQ3 = (day: string, id: string, percentComplete: number) =>
  report({ id, percentComplete, receivedAt: provinceInstant(day), asOf: day });

describe('a period’s rollup', () => {
  it('is preliminary until its deadline, rewritten only when its content changed', async () => {
    // Prepare: one report in August
    const rollups = new MemoryRollups([onQ3('2026-08-01', 'a', 40)]);

    // Act: twice on 10/09, then on 18/09 after a new report
    const [first] = await run(rollups, '2026-09-10T09:00:00+07:00');
    const [same] = await run(rollups, '2026-09-11T09:00:00+07:00');
    rollups.reports.push(onQ3('2026-09-15', 'b', 60));
    const [changed] = await run(rollups, '2026-09-18T23:00:00+07:00');

    // Assess
    expect(first?.snapshot).toMatchObject({ status: 'preliminary', revision: 0 });
    expect(same?.written).toBe(false);
    expect(changed?.snapshot.averagePercentComplete).toBe(60);
    expect(rollups.preliminaryWrites).toBe(2);
    expect(rollups.revisions.size).toBe(0);
  });

  it('takes the official snapshot after the deadline, knowing only what came by it', async () => {
    // Prepare: a report on the deadline day, one the day after
    const rollups = new MemoryRollups([onQ3('2026-09-18', 'a', 40), onQ3('2026-09-19', 'b', 90)]);

    // Act: a month later
    const [official] = await run(rollups, '2026-10-20T09:00:00+07:00');

    // Assess
    expect(official?.snapshot).toMatchObject({
      status: 'official',
      revision: 1,
      knownAt: '2026-09-18T16:59:59.999Z',
      asOf: '2026-09-18',
      basis: { reports: 1 },
    });
  });

  it('takes a revision only when data came in since, and never replaces the one before', async () => {
    // Prepare: the official snapshot, with the report of the 19th still outside it
    const rollups = new MemoryRollups([onQ3('2026-09-18', 'a', 40), onQ3('2026-09-19', 'b', 90)]);
    await run(rollups, '2026-09-19T00:05:00+07:00');
    const official = rollups.revisions.get('2026-Q3#agriculture')?.[0];

    // Act: the next morning, then the morning after with nothing new
    const [second] = await run(rollups, '2026-09-20T00:05:00+07:00');
    const [third] = await run(rollups, '2026-09-21T00:05:00+07:00');

    // Assess
    expect(second?.snapshot).toMatchObject({
      revision: 2,
      basis: { reports: 2 },
      changes: { since: 1, reports: { before: 1, after: 2 } },
    });
    expect(third).toMatchObject({ written: false, snapshot: { revision: 2 } });
    expect(rollups.revisions.get('2026-Q3#agriculture')?.[0]).toBe(official);
  });

  it('refuses a period no plan covers (422)', async () => {
    // Prepare
    const rollups = new MemoryRollups([]);

    // Act
    const act = run(rollups, '2026-10-20T09:00:00+07:00', '2025-Q1');

    // Assess
    await expect(act).rejects.toMatchObject({ code: 'period-without-plans' });
  });
});

describe('the daily job', () => {
  it('takes the official snapshot of each period whose deadline has passed', async () => {
    // Prepare: 00:05 on 19/09/2026, the morning after Q3's deadline
    const rollups = new MemoryRollups([onQ3('2026-08-01', 'a', 40)]);

    // Act
    const results = await closePeriods(['agriculture'], deps(rollups, '2026-09-19T00:05:00+07:00'));

    // Assess: the first nine months and Q3 are due on 18/09; H2 and the year in December
    expect(results.map((r) => [r.period, r.sectors[0]?.revision])).toEqual([
      ['2026-9M', 1],
      ['2026-Q3', 1],
    ]);
  });
});
