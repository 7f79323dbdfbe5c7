/** The weekly digest: what its basis has that the last digest's did not. */
import { describe, expect, it } from 'vitest';
import {
  digestBasis,
  digestChanges,
  digestContent,
  digestWeek,
  hasChanges,
} from '#shared/domain/reminder/digest.ts';
import { task } from '../risk/fixtures.ts';
import { agencies, agency, owed } from './fixtures.ts';

const rice = task();
const maize = task({ id: 'KH266-I-3', ordinal: '3', title: 'Trồng ngô' });
const tea = task({ id: 'KH266-I-10', ordinal: '10', title: 'Chè' });
const risk = (code: string) => ({ code, message: `Lý do ${code}` });

describe('the digest', () => {
  it('tells new risks (a new task or a new reason), newly late reports and newly completed tasks', () => {
    // Prepare
    const before = digestBasis(
      [
        { task: rice, riskReasons: [risk('overdue')], completed: false },
        { task: maize, riskReasons: [], completed: true },
      ],
      [owed()],
    );
    const now = digestBasis(
      [
        { task: rice, riskReasons: [risk('overdue'), risk('behind_schedule')], completed: false },
        { task: maize, riskReasons: [], completed: true },
        { task: tea, riskReasons: [risk('due_soon')], completed: true },
      ],
      [owed(), owed({ agencyId: 'so-ct', taskId: tea.id })],
    );

    // Act
    const changes = digestChanges(before, now);

    // Assess
    expect(changes).toEqual({
      newRisks: ['KH266-I-2', 'KH266-I-10'],
      newlyLate: ['2026-Q4|so-ct|KH266-I-10'],
      completed: ['KH266-I-10'],
    });
    expect(hasChanges(digestChanges(now, now))).toBe(false);
  });

  it('counts everything as new in the first digest', () => {
    // Prepare
    const basis = digestBasis(
      [{ task: rice, riskReasons: [risk('overdue')], completed: false }],
      [],
    );

    // Act and Assess
    expect(digestChanges(null, basis)).toEqual({
      newRisks: ['KH266-I-2'],
      newlyLate: [],
      completed: [],
    });
  });

  it('names the ISO week and the seven days up to the digest', () => {
    // Act and Assess
    expect(digestWeek('2026-12-07')).toEqual({
      code: '2026-W50',
      start: '2026-12-01',
      end: '2026-12-07',
    });
    expect(digestWeek('2027-01-01').code).toBe('2026-W53');
    expect(digestWeek('2027-01-04').code).toBe('2027-W01');
  });

  it('writes its content with the registry’s names, grouping the late by agency and period', () => {
    // Prepare
    const late = [
      owed({ agencyId: 'so-ct', taskId: tea.id }),
      owed({ agencyId: 'so-ct', taskId: rice.id }),
    ];
    const tasks = new Map(
      [rice, tea].map((each) => [
        each.id,
        { task: each, riskReasons: [risk('overdue')], completed: false },
      ]),
    );

    // Act
    const content = digestContent(
      {
        newRisks: [rice.id],
        newlyLate: late.map((o) => `${o.period}|${o.agencyId}|${o.taskId}`),
        completed: [],
      },
      {
        today: '2026-12-21',
        recipient: { id: 'lanh-dao-tinh', name: 'Lãnh đạo UBND tỉnh' },
        tasks,
        late,
        agencies: agencies(agency('so-ct', { name: 'Sở Công Thương' })),
        planLabels: new Map([['KH266', 'Kế hoạch số 266/KH-UBND']]),
      },
    );

    // Assess
    expect(content.newRisks).toEqual([
      {
        task: {
          id: 'KH266-I-2',
          title: 'Gieo trồng cây vụ mùa',
          plan: 'Kế hoạch số 266/KH-UBND',
          section: 'I',
          ordinal: '2',
        },
        reasons: ['Lý do overdue'],
      },
    ]);
    expect(content.newlyLate).toEqual([
      {
        agency: { id: 'so-ct', name: 'Sở Công Thương' },
        period: '2026-Q4',
        deadline: '2026-12-18',
        tasks: [
          expect.objectContaining({ id: 'KH266-I-2' }),
          expect.objectContaining({ id: 'KH266-I-10' }),
        ],
      },
    ]);
  });
});
