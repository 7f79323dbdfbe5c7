/**
 * How a task's risk changed between two evaluations, compared by reason CODE: messages
 * carry counters ("Quá hạn 12 ngày" becomes "13 ngày" overnight) and must not turn a
 * daily re-evaluation of the same state into an event.
 *
 *   flagged    it gained at least one code (→ TaskFlaggedAtRisk), even if it lost others
 *   cleared    it lost its last code (→ TaskRiskCleared)
 *   changed    it lost some codes and gained none, and is still at risk (no event)
 *   unchanged  the same codes (no event: the same state evaluated twice emits nothing)
 */
import type { RiskReason } from '../progress/task-view.ts';
import { compareRiskCodes } from './risk-config.ts';

export type RiskTransitionKind = 'flagged' | 'cleared' | 'changed' | 'unchanged';

export interface RiskTransition {
  kind: RiskTransitionKind;
  /** Codes in `next` and not in `previous`, in RISK_CODES order. */
  gained: string[];
  /** Codes in `previous` and not in `next`, in RISK_CODES order. */
  lost: string[];
}

export function riskTransition(
  previous: readonly RiskReason[],
  next: readonly RiskReason[],
): RiskTransition {
  const before = new Set(previous.map((reason) => reason.code));
  const after = new Set(next.map((reason) => reason.code));
  const gained = [...after].filter((code) => !before.has(code)).sort(compareRiskCodes);
  const lost = [...before].filter((code) => !after.has(code)).sort(compareRiskCodes);
  const kind: RiskTransitionKind =
    gained.length > 0
      ? 'flagged'
      : lost.length === 0
        ? 'unchanged'
        : after.size === 0
          ? 'cleared'
          : 'changed';
  return { kind, gained, lost };
}
