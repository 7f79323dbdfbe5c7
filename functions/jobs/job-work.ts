/**
 * The platform's long work, said once: what a rollup of a period and the risk scan do and
 * the metrics they emit, whoever runs them (the daily schedules, or an admin's job through
 * runJobs), and what the import of a large document does as a job.
 */
import { SECTORS, type Sector } from '#shared/domain/plan/model.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { recordRiskScan, recordRollupRun } from '#shared/observability.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';
import type { Clock, EventPublisher } from '#shared/use-cases/progress-ports.ts';
import { rollupSummary, runRollup } from '#shared/use-cases/run-rollup.ts';
import { rollupDeps } from '../wiring.ts';

/** Told before each sector: `done` of `total` sectors finished. */
export type OnSector = (sector: Sector, done: number, total: number) => Promise<void>;

export interface WorkDeps {
  stores: DynamoStores;
  events: EventPublisher;
  clock: Clock;
}

/**
 * A period's snapshots, every sector: what POST /rollups/{period}/runs answers with. The
 * actor (an admin's token, or the schedule) is who the audit trail says asked.
 */
export async function rollupWork(
  period: PeriodCode,
  actor: Actor,
  deps: WorkDeps,
  onSector?: OnSector,
) {
  const started = Date.now();
  const runs = await runRollup(
    { period, sectors: SECTORS, actor, ...(onSector && { onSector }) },
    rollupDeps(deps.stores, deps.events, deps.clock),
  );
  recordRollupRun(Date.now() - started);
  return { period, sectors: rollupSummary(runs) };
}

/** Every task's risk evaluated again (deadlines pass without reports). */
export async function riskScanWork(deps: WorkDeps, onSector?: OnSector) {
  const summary = await scanRisks(
    SECTORS,
    { risks: deps.stores.risks, events: deps.events, clock: deps.clock },
    onSector,
  );
  recordRiskScan(summary.atRiskBySector);
  return summary;
}
