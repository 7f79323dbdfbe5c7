/**
 * The current quarter computed from the reports is the costliest read of the web app (every
 * task, state and report of the quarter), and every leader's overview asks for it. Kept for
 * a short while, it is computed at most once per period of time in a function however many
 * pages ask, and requests that arrive while it is being computed wait for that computation
 * (lru-cache's fetch) instead of starting their own. The pages say when their figures were
 * computed.
 */
import { LRUCache } from 'lru-cache';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import type { SectorSnapshot } from '#shared/domain/rollup/snapshot-schema.ts';

/** The sectors' snapshots of a quarter, computed now. */
export type LiveQuarter = (
  quarter: PeriodCode,
  sectors: readonly Sector[],
) => Promise<SectorSnapshot[]>;

/**
 * `compute`, its answers kept `seconds`: every sector computed at once, so that the
 * overview and each sector's page share one computation (0: each call computes only the
 * sectors it asks for).
 */
export function cachedLiveQuarter(
  compute: LiveQuarter,
  seconds: number,
  perf: { now(): number } = performance,
): LiveQuarter {
  if (seconds === 0) return compute;
  const cache = new LRUCache<PeriodCode, SectorSnapshot[]>({
    // The current quarter, and the one before it on the day they change.
    max: 2,
    ttl: seconds * 1000,
    perf,
    // Staleness read from `perf` at every call, not from a time cached for a millisecond.
    ttlResolution: 0,
    fetchMethod: (quarter) => compute(quarter, SECTORS),
  });
  return async (quarter, sectors) => {
    const all = (await cache.fetch(quarter)) ?? (await compute(quarter, SECTORS));
    return all.filter((snapshot) => sectors.includes(snapshot.sector));
  };
}
