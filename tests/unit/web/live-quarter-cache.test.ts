import { describe, expect, it } from 'vitest';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';
import { cachedLiveQuarter } from '#shared/use-cases/web/live-quarter-cache.ts';

/** A computation that counts its runs and takes a moment (the requests overlap it). */
function countedComputation() {
  const runs: PeriodCode[] = [];
  const compute = async (quarter: PeriodCode) => {
    runs.push(quarter);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return [
      { sector: 'agriculture', period: quarter, run: runs.length },
    ] as unknown as SectorSnapshot[];
  };
  return { runs, compute };
}

const manualClock = () => {
  let ms = 1_000;
  return { now: () => ms, pass: (seconds: number) => (ms += seconds * 1000) };
};

describe('the current quarter, kept a while', () => {
  it('is computed once for the requests that arrive while it is being computed', async () => {
    // Prepare
    const { runs, compute } = countedComputation();
    const live = cachedLiveQuarter(compute, 30, manualClock());

    // Act
    const snapshots = await Promise.all([
      live('2026-Q4', SECTORS),
      live('2026-Q4', SECTORS),
      live('2026-Q4', SECTORS),
    ]);

    // Assess
    expect(runs).toEqual(['2026-Q4']);
    expect(new Set(snapshots.map(([snapshot]) => snapshot)).size).toBe(1);
  });

  it('is computed again once its time has passed, and per quarter', async () => {
    // Prepare
    const { runs, compute } = countedComputation();
    const clock = manualClock();
    const live = cachedLiveQuarter(compute, 30, clock);
    await live('2026-Q4', SECTORS);

    // Act
    clock.pass(29);
    await live('2026-Q4', SECTORS);
    await live('2027-Q1', SECTORS);
    clock.pass(2);
    await live('2026-Q4', SECTORS);

    // Assess
    expect(runs).toEqual(['2026-Q4', '2027-Q1', '2026-Q4']);
  });

  it('is computed on every request when kept for 0 seconds', async () => {
    // Prepare
    const { runs, compute } = countedComputation();
    const live = cachedLiveQuarter(compute, 0, manualClock());

    // Act
    await Promise.all([live('2026-Q4', SECTORS), live('2026-Q4', SECTORS)]);

    // Assess
    expect(runs).toEqual(['2026-Q4', '2026-Q4']);
  });
});
