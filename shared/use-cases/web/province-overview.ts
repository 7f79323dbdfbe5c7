/**
 * What the province overview shows: the current quarter computed now from the reports
 * (the leaders see a report the moment it is filed, not at the next rollup), and the
 * quarters before it from their stored snapshots, for the trend.
 */
import {
  formatQuarter,
  parseQuarter,
  type Quarter,
  type QuarterNumber,
} from '#shared/domain/calendar.ts';
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import { currentQuarter } from '#shared/domain/progress/report.ts';
import { provinceCounts } from '#shared/domain/rollup/province-view.ts';
import type { ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import type { CategoryCounts, SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { Clock } from '../progress-ports.ts';
import type { RollupRepository } from '../rollup-ports.ts';
import { computeSectorSnapshot } from '../run-rollup.ts';

/** The web app reads the calendar cut-off, the API's default. */
export const WEB_CUTOFF: ReportingCutoff = 'calendar';

/** Quarters in the trend chart, the current one included. */
export const TREND_QUARTERS = 5;

export interface OverviewDeps {
  rollups: RollupRepository;
  clock: Clock;
}

export interface QuarterCounts {
  quarter: Quarter;
  /** live: computed now; else the stored snapshot's status; missing: never rolled up. */
  source: 'live' | 'preliminary' | 'closed' | 'missing';
  counts: CategoryCounts | null;
}

export interface ProvinceOverview {
  quarter: Quarter;
  computedAt: string;
  sectors: SectorSnapshot[];
  trend: QuarterCounts[];
}

/** `2026-Q3`, 3 → `2026-Q1`, `2025-Q4`, … oldest first, `2026-Q3` not included. */
export function quartersBefore(quarter: Quarter, count: number): Quarter[] {
  const parsed = parseQuarter(quarter);
  if (!parsed) throw new RangeError(`not a quarter: ${quarter}`);
  const quarters: Quarter[] = [];
  let index = parsed.year * 4 + parsed.quarter - 1;
  for (let i = 0; i < count; i++) {
    index -= 1;
    quarters.unshift(formatQuarter(Math.floor(index / 4), ((index % 4) + 1) as QuarterNumber));
  }
  return quarters;
}

/** The current quarter's snapshot of each sector, computed now and not stored. */
export async function liveSnapshots(
  deps: OverviewDeps,
  sectors: readonly Sector[] = SECTORS,
): Promise<SectorSnapshot[]> {
  const now = deps.clock.now();
  const quarter = currentQuarter(now);
  return Promise.all(
    sectors.map((sector) =>
      computeSectorSnapshot({ quarter, cutoff: WEB_CUTOFF }, sector, deps, now),
    ),
  );
}

async function storedCounts(quarter: Quarter, deps: OverviewDeps): Promise<QuarterCounts> {
  const snapshots = (
    await Promise.all(
      SECTORS.map((sector) => deps.rollups.getSnapshot(quarter, WEB_CUTOFF, sector)),
    )
  ).filter((snapshot): snapshot is SectorSnapshot => snapshot !== null);
  if (snapshots.length === 0) return { quarter, source: 'missing', counts: null };
  const closed = snapshots.every((snapshot) => snapshot.status === 'closed');
  return {
    quarter,
    source: closed ? 'closed' : 'preliminary',
    counts: provinceCounts(snapshots),
  };
}

export async function provinceOverview(deps: OverviewDeps): Promise<ProvinceOverview> {
  const now = deps.clock.now();
  const quarter = currentQuarter(now);
  const [sectors, past] = await Promise.all([
    liveSnapshots(deps),
    Promise.all(
      quartersBefore(quarter, TREND_QUARTERS - 1).map((each) => storedCounts(each, deps)),
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
 * a past quarter from its stored snapshot; null for a past quarter never rolled up.
 */
export async function quarterSnapshot(
  quarter: Quarter,
  sector: Sector,
  deps: OverviewDeps,
): Promise<{ snapshot: SectorSnapshot; live: boolean } | null> {
  const now = deps.clock.now();
  if (quarter === currentQuarter(now)) {
    const snapshot = await computeSectorSnapshot(
      { quarter, cutoff: WEB_CUTOFF },
      sector,
      deps,
      now,
    );
    return { snapshot, live: true };
  }
  const stored = await deps.rollups.getSnapshot(quarter, WEB_CUTOFF, sector);
  return stored && { snapshot: stored, live: false };
}
