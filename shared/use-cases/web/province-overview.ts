/**
 * What the province overview shows: the current quarter computed from the reports (the
 * leaders see a report within moments of its filing, not at the next rollup: see
 * live-quarter-cache.ts), and the quarters before it from their stored snapshots, for the
 * trend.
 */
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import { formatPeriod, requirePeriod, type PeriodCode } from '#shared/domain/period/period.ts';
import { currentPeriod, periodsBefore } from '#shared/domain/period/period-relations.ts';
import { provinceCounts } from '#shared/domain/rollup/province-view.ts';
import type { CategoryCounts, SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { storedSnapshot } from '../read-snapshot.ts';
import type { RunRollupDeps } from '../run-rollup.ts';
import type { LiveQuarter } from './live-quarter-cache.ts';

/** Quarters in the trend chart, the current one included. */
export const TREND_QUARTERS = 5;

export type OverviewDeps = Pick<RunRollupDeps, 'rollups' | 'clock'> & {
  /** The current quarter, every sector, computed from the reports (or lately so). */
  liveQuarter: LiveQuarter;
};

export interface QuarterCounts {
  quarter: PeriodCode;
  /** live: computed now; else the stored snapshot's status; missing: never rolled up. */
  source: 'live' | SectorSnapshot['status'] | 'missing';
  counts: CategoryCounts | null;
}

export interface ProvinceOverview {
  quarter: PeriodCode;
  computedAt: string;
  sectors: SectorSnapshot[];
  trend: QuarterCounts[];
}

async function storedCounts(quarter: PeriodCode, deps: OverviewDeps): Promise<QuarterCounts> {
  const snapshots = (
    await Promise.all(SECTORS.map((sector) => storedSnapshot(quarter, sector, deps.rollups)))
  ).filter((snapshot): snapshot is SectorSnapshot => snapshot !== null);
  if (snapshots.length === 0) return { quarter, source: 'missing', counts: null };
  const official = snapshots.every((snapshot) => snapshot.status === 'official');
  return {
    quarter,
    source: official ? 'official' : 'preliminary',
    counts: provinceCounts(snapshots),
  };
}

export async function provinceOverview(deps: OverviewDeps): Promise<ProvinceOverview> {
  const now = deps.clock.now();
  const current = currentPeriod('quarter', now);
  const quarter = formatPeriod(current);
  const [sectors, past] = await Promise.all([
    deps.liveQuarter(quarter, SECTORS),
    Promise.all(
      periodsBefore(current, 'quarter', TREND_QUARTERS - 1).map((each) =>
        storedCounts(formatPeriod(each), deps),
      ),
    ),
  ]);
  return {
    quarter,
    computedAt: now.toISOString(),
    sectors,
    trend: [...past, { quarter, source: 'live', counts: provinceCounts(sectors) }],
  };
}

/**
 * One quarter of one sector: the current quarter computed now (what the overview shows),
 * a past quarter from its latest stored snapshot; null for a quarter never rolled up.
 */
export async function quarterSnapshot(
  quarter: PeriodCode,
  sector: Sector,
  deps: OverviewDeps,
): Promise<{ snapshot: SectorSnapshot; live: boolean } | null> {
  const current = formatPeriod(currentPeriod('quarter', deps.clock.now()));
  if (formatPeriod(requirePeriod(quarter)) === current) {
    const [snapshot] = await deps.liveQuarter(quarter, [sector]);
    return snapshot ? { snapshot, live: true } : null;
  }
  const stored = await storedSnapshot(quarter, sector, deps.rollups);
  return stored && { snapshot: stored, live: false };
}
