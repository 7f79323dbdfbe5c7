/**
 * The province as a whole, read from its sectors' snapshots: the government's categories
 * per plan, every agency's reporting rates across sectors, and the tasks at risk. Pure
 * sums over the snapshots; the rollup's own rules stay in compute-snapshot.ts.
 */
import { compareText } from '../risk/order.ts';
import { percentOf } from '../risk/decimal.ts';
import { emptyCounts } from './counts.ts';
import {
  TASK_CATEGORIES,
  type AgencyReporting,
  type AtRiskTask,
  type CategoryCounts,
  type SectorSnapshot,
} from './snapshot-schema.ts';

export function addCounts(into: CategoryCounts, more: CategoryCounts): CategoryCounts {
  const sum = { ...into };
  for (const category of TASK_CATEGORIES) sum[category] += more[category];
  return sum;
}

export const totalOf = (counts: CategoryCounts): number =>
  TASK_CATEGORIES.reduce((total, category) => total + counts[category], 0);

export function provinceCounts(snapshots: readonly SectorSnapshot[]): CategoryCounts {
  return snapshots.reduce((sum, snapshot) => addCounts(sum, snapshot.counts), emptyCounts());
}

export interface PlanCounts {
  plan: string;
  tasks: number;
  atRisk: number;
  counts: CategoryCounts;
}

/** Each plan's counts, summed over its sections in every sector, by plan code. */
export function countsByPlan(snapshots: readonly SectorSnapshot[]): PlanCounts[] {
  const plans = new Map<string, PlanCounts>();
  for (const section of snapshots.flatMap((snapshot) => snapshot.bySection)) {
    const plan = plans.get(section.plan) ?? {
      plan: section.plan,
      tasks: 0,
      atRisk: 0,
      counts: emptyCounts(),
    };
    plans.set(section.plan, {
      plan: section.plan,
      tasks: plan.tasks + section.tasks,
      atRisk: plan.atRisk + section.atRisk,
      counts: addCounts(plan.counts, section.counts),
    });
  }
  return [...plans.values()].sort((a, b) => compareText(a.plan, b.plan));
}

/**
 * Each lead agency's reporting over every sector: expected, received and on-time reports
 * added up, the rates worked out again from the sums (not averaged).
 */
export function provinceReporting(snapshots: readonly SectorSnapshot[]): AgencyReporting[] {
  const agencies = new Map<string, AgencyReporting>();
  for (const row of snapshots.flatMap((snapshot) => snapshot.reporting)) {
    const seen = agencies.get(row.agencyId);
    const expected = (seen?.expected ?? 0) + row.expected;
    const received = (seen?.received ?? 0) + row.received;
    const receivedOnTime = (seen?.receivedOnTime ?? 0) + row.receivedOnTime;
    agencies.set(row.agencyId, {
      agencyId: row.agencyId,
      agencyName: seen?.agencyName ?? row.agencyName,
      expected,
      received,
      receivedOnTime,
      completeness: percentOf(received, expected),
      timeliness: percentOf(receivedOnTime, expected),
    });
  }
  return [...agencies.values()];
}

/** The tasks at risk in every sector, most reasons first, then by id. */
export function provinceAtRisk(snapshots: readonly SectorSnapshot[]): AtRiskTask[] {
  return snapshots
    .flatMap((snapshot) => snapshot.atRisk)
    .sort((a, b) => b.reasons.length - a.reasons.length || compareText(a.taskId, b.taskId));
}
