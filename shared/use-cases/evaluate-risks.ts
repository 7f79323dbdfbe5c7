/**
 * Evaluates tasks' risk and publishes transitions. Writes come first and the announcement
 * last: the stored `announcedCodes` only catch up with the reasons once the event is on the
 * bus, so a failure anywhere makes the retry publish again (at least once), and evaluating
 * the same state twice publishes nothing.
 */
import { todayInProvince } from '#shared/domain/calendar.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { RiskReason } from '#shared/domain/progress/task-view.ts';
import { evaluateRisk } from '#shared/domain/risk/evaluate-risk.ts';
import { riskEventFor } from '#shared/domain/risk/risk-events.ts';
import { officialLatest } from '#shared/domain/risk/task-state.ts';
import { riskTransition } from '#shared/domain/risk/transitions.ts';
import type { Clock, EventPublisher } from './progress-ports.ts';
import type { AgencyContext, RiskRepository, TaskRiskState } from './risk-ports.ts';

export interface EvaluateRisksDeps {
  risks: RiskRepository;
  events: EventPublisher;
  clock: Clock;
}

export interface RiskOutcome {
  taskId: string;
  reasons: RiskReason[];
  published: 'TaskFlaggedAtRisk' | 'TaskRiskCleared' | null;
}

const sameReasons = (a: RiskReason[], b: RiskReason[]) => JSON.stringify(a) === JSON.stringify(b);

export async function evaluateTaskState(
  state: TaskRiskState,
  agencies: AgencyContext,
  deps: EvaluateRisksDeps,
): Promise<RiskOutcome> {
  const now = deps.clock.now();
  const official = officialLatest(state.task, state.latest, agencies.memberOf);
  const reasons = evaluateRisk({
    task: state.task,
    latest: state.latest,
    lastReportOn: null,
    today: todayInProvince(now),
    ...agencies,
  });
  const reasonsChanged = !sameReasons(reasons, state.riskReasons);
  const officialChanged = JSON.stringify(official) !== JSON.stringify(state.official);
  if (officialChanged || reasonsChanged) {
    const saved = await deps.risks.saveEvaluation(state.task, {
      official,
      reasons,
      evaluatedAt: now.toISOString(),
      reasonsChanged,
    });
    // A newer report's evaluation stored its own conclusions, and announces them.
    if (!saved) return { taskId: state.task.id, reasons, published: null };
  }
  const announced = state.announcedCodes.map((code) => ({ code, message: '' }));
  const transition = riskTransition(announced, reasons);
  const lostReasons = state.riskReasons.filter((r) => transition.lost.includes(r.code));
  const event = riskEventFor(
    state.task,
    transition,
    lostReasons.length > 0 ? lostReasons : announced,
    reasons,
    now.toISOString(),
  );
  if (event) await deps.events.publish([event]);
  if (transition.kind !== 'unchanged') {
    await deps.risks.markAnnounced(
      state.task,
      reasons.map((r) => r.code),
    );
  }
  return { taskId: state.task.id, reasons, published: event?.detailType ?? null };
}

/** One task, when a report about it arrives. */
export async function evaluateTaskRisk(
  taskId: string,
  deps: EvaluateRisksDeps,
): Promise<RiskOutcome | null> {
  const loaded = await deps.risks.loadTask(taskId);
  if (!loaded) return null;
  return evaluateTaskState(loaded.state, loaded.agencies, deps);
}

export interface RiskScanSummary {
  evaluated: number;
  atRiskBySector: Record<string, number>;
  flagged: number;
  cleared: number;
}

/** Every task of every sector (deadlines pass without any report arriving). */
export async function scanRisks(
  sectors: readonly Sector[],
  deps: EvaluateRisksDeps,
  /** Told before each sector is scanned (`done` of `total`), for a job's progress. */
  onSector?: (sector: Sector, done: number, total: number) => Promise<void>,
): Promise<RiskScanSummary> {
  const agencies = await deps.risks.agencyContext();
  const summary: RiskScanSummary = { evaluated: 0, atRiskBySector: {}, flagged: 0, cleared: 0 };
  for (const [done, sector] of sectors.entries()) {
    await onSector?.(sector, done, sectors.length);
    summary.atRiskBySector[sector] = 0;
    for await (const state of deps.risks.loadSector(sector)) {
      if (state.task.isGroup) continue;
      const outcome = await evaluateTaskState(state, agencies, deps);
      summary.evaluated += 1;
      if (outcome.reasons.length > 0) summary.atRiskBySector[sector] += 1;
      if (outcome.published === 'TaskFlaggedAtRisk') summary.flagged += 1;
      if (outcome.published === 'TaskRiskCleared') summary.cleared += 1;
    }
  }
  return summary;
}
