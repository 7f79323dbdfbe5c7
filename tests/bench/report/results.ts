/** The layout of results/latest.json: one object per part, null for a part not run. */
import type { BundlesPartResult } from '../bundles/bench.ts';
import type { MachineInfo } from '../lib/machine.ts';
import type { PartName } from '../lib/options.ts';
import type { RollupPartResult } from '../rollup/bench.ts';
import type { StartupPartResult } from '../startup/bench.ts';
import type { SubmissionPartResult } from '../submission/bench.ts';
import type { WebPartResult } from '../web/bench.ts';

export interface BenchResults {
  /** Bumped when the layout changes, so old files are not misread. */
  layout: 1;
  mode: 'full' | 'quick';
  recordedOn: string;
  machine: MachineInfo;
  /** 1-minute load average when the run began: other work on the same cores. */
  loadAverageAtStart: number;
  totalSeconds: number;
  parts: {
    submission: SubmissionPartResult | null;
    rollup: RollupPartResult | null;
    bundles: BundlesPartResult | null;
    startup: StartupPartResult | null;
    /** Absent from results recorded before the part existed. */
    web?: WebPartResult | null;
  };
  /** Seconds each part took, generation included. */
  partSeconds: Record<string, number>;
  /**
   * How and when each part was measured, when parts come from different runs (`--merge`);
   * absent: every part from the run described above.
   */
  partRuns?: Partial<Record<PartName, PartRun>>;
  /** results/before.json only: the commit its figures were measured on, and how. */
  base?: { commit: string; note: string };
}

export interface PartRun {
  mode: 'full' | 'quick';
  recordedOn: string;
  loadAverageAtStart: number;
}

/**
 * Non-integers to three significant digits, recursively: what these measurements can
 * claim, and small diffs when the file is committed again. Integers (counts, bytes) stay.
 */
export function rounded<T>(value: T): T {
  if (typeof value === 'number') {
    return (Number.isInteger(value) ? value : Number(value.toPrecision(3))) as T;
  }
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  }
  return value;
}
