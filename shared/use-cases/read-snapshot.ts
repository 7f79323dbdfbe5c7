/** Which stored snapshot of a period a reader gets. */
import type { Sector } from '#shared/domain/plan/model.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import type { RollupRepository } from './rollup-ports.ts';

/** The revision asked for; else the latest revision, or the preliminary snapshot before it. */
export async function storedSnapshot(
  period: PeriodCode,
  sector: Sector,
  rollups: Pick<RollupRepository, 'getRevision' | 'latestRevision' | 'getPreliminary'>,
  revision?: number,
): Promise<SectorSnapshot | null> {
  if (revision !== undefined) return rollups.getRevision(period, sector, revision);
  return (await rollups.latestRevision(period, sector)) ?? rollups.getPreliminary(period, sector);
}
