import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskReason } from '#shared/domain/progress/task-view.ts';
import { RISK_CODES } from '#shared/domain/risk/risk-config.ts';
import {
  riskEventFor,
  TASK_FLAGGED_AT_RISK,
  TASK_RISK_CLEARED,
  taskFlaggedAtRiskV1Schema,
  taskRiskClearedV1Schema,
} from '#shared/domain/risk/risk-events.ts';
import { riskTransition } from '#shared/domain/risk/transitions.ts';
import { task } from './fixtures.ts';

const reason = (code: string, message = `${code} message`): RiskReason => ({ code, message });
const evaluatedAt = '2026-10-01T01:00:00.000Z';

describe('riskTransition', () => {
  it.each([
    { previous: [], next: ['OVERDUE'], kind: 'flagged', gained: ['OVERDUE'], lost: [] },
    {
      previous: ['DUE_SOON'],
      next: ['OVERDUE', 'NO_RECENT_REPORT'],
      kind: 'flagged',
      gained: ['OVERDUE', 'NO_RECENT_REPORT'],
      lost: ['DUE_SOON'],
    },
    {
      previous: ['OVERDUE', 'SELF_REPORTED'],
      next: [],
      kind: 'cleared',
      gained: [],
      lost: ['OVERDUE', 'SELF_REPORTED'],
    },
    {
      previous: ['OVERDUE', 'SELF_REPORTED'],
      next: ['OVERDUE'],
      kind: 'changed',
      gained: [],
      lost: ['SELF_REPORTED'],
    },
    { previous: ['OVERDUE'], next: ['OVERDUE'], kind: 'unchanged', gained: [], lost: [] },
    { previous: [], next: [], kind: 'unchanged', gained: [], lost: [] },
  ])('$previous → $next is $kind', ({ previous, next, kind, gained, lost }) => {
    // Prepare: the reasons. Act
    const transition = riskTransition(
      previous.map((code) => reason(code)),
      next.map((code) => reason(code)),
    );

    // Assess
    expect(transition).toEqual({ kind, gained, lost });
  });

  it('ignores a message that changed with the same code (the day count moved on)', () => {
    // Prepare
    const yesterday = [reason('OVERDUE', 'Quá hạn 12 ngày (hạn 30/09/2026)')];
    const today = [reason('OVERDUE', 'Quá hạn 13 ngày (hạn 30/09/2026)')];

    // Act
    const transition = riskTransition(yesterday, today);

    // Assess
    expect(transition.kind).toBe('unchanged');
  });

  it('calls the same state evaluated twice unchanged, whatever the order of the reasons', () => {
    fc.assert(
      fc.property(fc.subarray([...RISK_CODES]), (codes) => {
        // Prepare
        const reasons = codes.map((code) => reason(code));

        // Act
        const transition = riskTransition(reasons, [...reasons].reverse());

        // Assess
        expect(transition).toEqual({ kind: 'unchanged', gained: [], lost: [] });
      }),
    );
  });
});

describe('riskEventFor', () => {
  const subject = task({
    id: 'KH266-III-28',
    section: { code: 'III', title: 'Dịch vụ' },
    sector: 'services',
  });

  it('publishes TaskFlaggedAtRisk with all current reasons and the codes gained', () => {
    // Prepare
    const previous = [reason('SELF_REPORTED')];
    const next = [reason('OVERDUE', 'Quá hạn 1 ngày (hạn 30/09/2026)'), reason('SELF_REPORTED')];

    // Act
    const event = riskEventFor(
      subject,
      riskTransition(previous, next),
      previous,
      next,
      evaluatedAt,
    );

    // Assess
    expect(event?.detailType).toBe(TASK_FLAGGED_AT_RISK);
    expect(taskFlaggedAtRiskV1Schema.parse(event?.detail)).toEqual({
      version: '1',
      taskId: 'KH266-III-28',
      plan: 'KH266',
      sector: 'services',
      section: 'III',
      leadAgencyIds: ['so-nn'],
      evaluatedAt,
      reasons: next,
      gained: ['OVERDUE'],
    });
  });

  it('publishes TaskRiskCleared with the reasons just cleared', () => {
    // Prepare
    const previous = [reason('DUE_SOON')];

    // Act
    const event = riskEventFor(subject, riskTransition(previous, []), previous, [], evaluatedAt);

    // Assess
    expect(event?.detailType).toBe(TASK_RISK_CLEARED);
    expect(taskRiskClearedV1Schema.parse(event?.detail)).toMatchObject({
      version: '1',
      reasons: previous,
    });
  });

  it.each([
    { previous: ['OVERDUE', 'DUE_SOON'], next: ['OVERDUE'] },
    { previous: ['OVERDUE'], next: ['OVERDUE'] },
  ])('publishes nothing for $previous → $next', ({ previous, next }) => {
    // Prepare
    const before = previous.map((code) => reason(code));
    const after = next.map((code) => reason(code));

    // Act
    const event = riskEventFor(subject, riskTransition(before, after), before, after, evaluatedAt);

    // Assess
    expect(event).toBeNull();
  });

  it('rejects an event detail of another version', () => {
    // Prepare
    const detail = {
      version: '2',
      taskId: 'x',
      plan: 'KH266',
      sector: 'services',
      section: 'I',
      leadAgencyIds: [],
      evaluatedAt,
      reasons: [reason('OVERDUE')],
    };

    // Act
    const result = taskRiskClearedV1Schema.safeParse(detail);

    // Assess
    expect(result.success).toBe(false);
  });
});
