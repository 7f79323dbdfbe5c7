/**
 * What every document of a period (CSV, Excel, the Word report) is made from: the
 * sectors' snapshots, the indicator figures of the period (each snapshot carries its
 * sector's), and agency names. The ordering and look-ups the documents share live here.
 */
import type { IndicatorFigures } from '../indicator/figures.ts';
import { SECTORS } from '../plan/model.ts';
import { compareText } from '../risk/order.ts';
import type { SectorSnapshot } from './snapshot-schema.ts';

export interface RollupDocumentInput {
  snapshots: readonly SectorSnapshot[];
  /**
   * The indicator figures of the snapshots' period, when not the snapshots' own; those of
   * other sectors are left out.
   */
  figures?: readonly IndicatorFigures[];
  /**
   * Agency id → name, for lead agencies that owe no report this period (the snapshots
   * name the others). An agency named nowhere shows its id.
   */
  agencyNames?: ReadonlyMap<string, string>;
}

/** By period, then the sectors' order, then revision: the same document for any input order. */
export function orderedSnapshots(snapshots: readonly SectorSnapshot[]): SectorSnapshot[] {
  return [...snapshots].sort(
    (a, b) =>
      compareText(a.period, b.period) ||
      SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
      a.revision - b.revision,
  );
}

/**
 * The figures of the snapshots' sectors, in the order given (the registry's): those the
 * input names, else those the snapshots carry.
 */
export function figuresOfSectors(input: RollupDocumentInput): IndicatorFigures[] {
  const snapshots = orderedSnapshots(input.snapshots);
  const sectors = new Set(snapshots.map((snapshot) => snapshot.sector));
  const figures = input.figures ?? snapshots.flatMap((snapshot) => snapshot.figures);
  return figures.filter((figure) => sectors.has(figure.inPeriod.sector));
}

/** Agency id → name: the snapshots' reporting tables first, then the names given. */
export function agencyNamer(input: RollupDocumentInput): (agencyId: string) => string {
  const names = new Map(input.agencyNames);
  for (const snapshot of input.snapshots) {
    for (const row of snapshot.reporting) names.set(row.agencyId, row.agencyName);
  }
  return (agencyId) => names.get(agencyId) ?? agencyId;
}
