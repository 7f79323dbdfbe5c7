/**
 * What every document of a quarter (CSV, Excel, the Word report) is made from: the
 * sectors' snapshots, the indicator figures of the period when the platform has them,
 * and agency names. The ordering and look-ups the documents share live here.
 */
import type { IndicatorFigures } from '../indicator/figures.ts';
import { SECTORS } from '../plan/model.ts';
import { compareText } from '../risk/order.ts';
import type { SectorSnapshot } from './snapshot-schema.ts';

export interface RollupDocumentInput {
  snapshots: readonly SectorSnapshot[];
  /** The indicator figures of the snapshots' period; those of other sectors are left out. */
  figures?: readonly IndicatorFigures[];
  /**
   * Agency id → name, for lead agencies that owe no report this quarter (the snapshots
   * name the others). An agency named nowhere shows its id.
   */
  agencyNames?: ReadonlyMap<string, string>;
}

/** By quarter, then the sectors' order, then cut-off: the same document for any input order. */
export function orderedSnapshots(snapshots: readonly SectorSnapshot[]): SectorSnapshot[] {
  return [...snapshots].sort(
    (a, b) =>
      compareText(a.quarter, b.quarter) ||
      SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
      compareText(a.cutoff, b.cutoff),
  );
}

/** The figures of the snapshots' sectors, in the order given (the registry's). */
export function figuresOfSectors(input: RollupDocumentInput): IndicatorFigures[] {
  const sectors = new Set(input.snapshots.map((snapshot) => snapshot.sector));
  return (input.figures ?? []).filter((figures) => sectors.has(figures.inPeriod.sector));
}

/** Agency id → name: the snapshots' reporting tables first, then the names given. */
export function agencyNamer(input: RollupDocumentInput): (agencyId: string) => string {
  const names = new Map(input.agencyNames);
  for (const snapshot of input.snapshots) {
    for (const row of snapshot.reporting) names.set(row.agencyId, row.agencyName);
  }
  return (agencyId) => names.get(agencyId) ?? agencyId;
}
