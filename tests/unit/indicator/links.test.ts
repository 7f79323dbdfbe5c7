import { describe, expect, it } from 'vitest';
import {
  linkedTargets,
  refreshedLinks,
  type LinkRecord,
} from '#shared/domain/indicator/link-record.ts';
import { valuesFromReports } from '#shared/domain/indicator/task-actuals.ts';
import { target, task } from '../risk/fixtures.ts';
import { seedIndicators } from './fixtures.ts';

const rice = target({
  key: 'lua',
  label: 'Lúa',
  value: 15_520,
  unit: 'ha',
  text: 'Lúa: 15.520 ha',
});
const budget = target({ key: 'ngan-sach', label: 'Chi phí', value: 2, unit: 'tỷ đồng', text: 'x' });
const kh266 = task({ id: 'KH266-I-2', targets: [rice, budget] });

const link = (overrides: Partial<LinkRecord> = {}): LinkRecord => ({
  plan: 'KH266',
  taskId: 'KH266-I-2',
  targetKey: 'lua',
  indicator: 'dien-tich-lua',
  period: null,
  status: 'confirmed',
  target: rice,
  sector: 'agriculture',
  ...overrides,
});

describe('the links of a published version’s targets', () => {
  it('suggests the indicator a target’s label and unit name, and none for the others', () => {
    // Prepare: no link yet. Act
    const links = refreshedLinks([kh266], [], seedIndicators);

    // Assess
    expect(links).toEqual([link({ status: 'suggested' })]);
  });

  it('keeps an admin’s decision while the target still fits it, with the target as it is now', () => {
    // Prepare: confirmed links (one to no indicator); the rice target is now 16.000 ha
    const now = { ...rice, value: 16_000 };
    const existing = [link(), link({ targetKey: 'ngan-sach', indicator: null, target: budget })];

    // Act
    const links = refreshedLinks([{ ...kh266, targets: [now, budget] }], existing, seedIndicators);

    // Assess
    expect(links).toEqual([
      link({ target: now }),
      link({ targetKey: 'ngan-sach', indicator: null, target: budget }),
    ]);
  });

  it('suggests anew when a confirmed link no longer fits the target’s unit', () => {
    // Prepare: the rice target is now counted in tonnes
    const tonnes = { ...rice, unit: 'tấn' };

    // Act
    const links = refreshedLinks([{ ...kh266, targets: [tonnes] }], [link()], seedIndicators);

    // Assess: no rice-area indicator takes tonnes, and no other is named "Lúa"
    expect(links).toEqual([]);
  });
});

describe('the actuals reported through linked targets', () => {
  it('are values of the linked indicator, in its unit, as the report says', () => {
    // Prepare: a report with the rice actual; a suggested link does not count
    const report = {
      taskId: 'KH266-I-2',
      agencyId: 'so-nong-nghiep-va-moi-truong',
      period: '2026-Q3',
      actuals: { lua: 14_562, 'ngan-sach': 3 },
      actualsStatus: 'estimate' as const,
      receivedAt: '2026-09-20T03:00:00.000Z',
    };
    const links = [
      link(),
      link({ targetKey: 'ngan-sach', indicator: 'thu-ngan-sach-nha-nuoc', status: 'suggested' }),
    ];

    // Act
    const values = valuesFromReports([report], links, seedIndicators);

    // Assess
    expect(values).toEqual([
      {
        indicator: 'dien-tich-lua',
        period: '2026-Q3',
        value: 14_562,
        status: 'estimate',
        agencyId: 'so-nong-nghiep-va-moi-truong',
        reportedAt: '2026-09-20T03:00:00.000Z',
      },
    ]);
  });

  it('read the plans of confirmed links only, as the figures take them', () => {
    // Prepare
    const plan = {
      code: 'KH266',
      issuedOn: '2026-07-07',
      period: { start: '2026-07-01', end: '2026-12-31' },
    };

    // Act
    const targets = linkedTargets(
      [link(), link({ status: 'suggested', targetKey: 'ngo' })],
      [plan],
    );

    // Assess
    expect(targets).toEqual([
      { indicator: 'dien-tich-lua', plan, taskId: 'KH266-I-2', target: rice, period: null },
    ]);
  });
});
