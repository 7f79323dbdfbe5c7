import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  parsePeriod,
  periodCodeSchema,
  periodKind,
  requirePeriod,
  samePeriod,
  type Period,
} from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { arbitraryPeriod } from './arbitraries.ts';

describe('period codes', () => {
  it.each([
    { code: '2026-09', period: { kind: 'month', year: 2026, month: 9 } },
    { code: '2026-01', period: { kind: 'month', year: 2026, month: 1 } },
    { code: '2026-Q3', period: { kind: 'quarter', year: 2026, quarter: 3 } },
    { code: '2026-H1', period: { kind: 'half', year: 2026, half: 1 } },
    { code: '2026-H2', period: { kind: 'half', year: 2026, half: 2 } },
    { code: '2026-9M', period: { kind: 'nineMonths', year: 2026 } },
    { code: '2026', period: { kind: 'year', year: 2026 } },
    { code: '0001-Q1', period: { kind: 'quarter', year: 1, quarter: 1 } },
    { code: '9999-12', period: { kind: 'month', year: 9999, month: 12 } },
  ])('$code is $period.kind', ({ code, period }) => {
    // Act
    const parsed = parsePeriod(code);

    // Assess
    expect(parsed).toEqual(period);
    expect(periodKind(code)).toBe(period.kind);
    expect(periodCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each([
    '0000-09', // year 0 does not exist
    '0000-Q1',
    '0000',
    '2026-00',
    '2026-13',
    '2026-9',
    '2026-Q0',
    '2026-Q5',
    '2026-q3',
    '2026-H3',
    '2026-H0',
    '2026-6M',
    '2026-9m',
    '26-Q3',
    '20260',
    '2026-',
    ' 2026-Q3',
    '2026-Q3 ',
    '10000',
    '',
  ])('%j is no period, for the parser and the schema alike', (code) => {
    // Act
    const parsed = parsePeriod(code);
    const validated = periodCodeSchema.safeParse(code);

    // Assess
    expect(parsed).toBeNull();
    expect(periodKind(code)).toBeNull();
    expect(validated.success).toBe(false);
    expect(() => requirePeriod(code)).toThrow(RangeError);
  });

  it('says in Vietnamese what a period code looks like', () => {
    // Act
    const result = periodCodeSchema.safeParse('2026-Q5');

    // Assess
    expect(result.error?.issues[0]?.message).toBe(
      'Kỳ báo cáo phải có dạng 2026-09 (tháng), 2026-Q3 (quý), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-9M (9 tháng) hoặc 2026 (năm)',
    );
  });

  it('reads back what it writes, and writes back what it reads', () => {
    fc.assert(
      fc.property(arbitraryPeriod, (period) => {
        // Act
        const code = formatPeriod(period);

        // Assess
        expect(parsePeriod(code)).toEqual(period);
        expect(periodCodeSchema.parse(code)).toBe(code);
      }),
    );
  });

  it.each<Period>([
    { kind: 'month', year: 2026, month: 13 },
    { kind: 'quarter', year: 2026, quarter: 5 as 1 },
    { kind: 'year', year: 0 },
    { kind: 'year', year: 10_000 },
    { kind: 'half', year: 2026.5, half: 1 },
  ])('refuses to name %j', (period) => {
    // Act
    const act = () => formatPeriod(period);

    // Assess
    expect(act).toThrow(RangeError);
  });

  it('tells the same period from another', () => {
    // Prepare
    const q3 = requirePeriod('2026-Q3');

    // Act
    const results = [
      samePeriod(q3, { kind: 'quarter', year: 2026, quarter: 3 }),
      samePeriod(q3, requirePeriod('2025-Q3')),
      samePeriod(q3, requirePeriod('2026-09')),
    ];

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});

describe('periodLabel', () => {
  it.each([
    { code: '2026-09', heading: 'Tháng 9/2026', inline: 'tháng 9/2026' },
    { code: '2026-Q3', heading: 'Quý III/2026', inline: 'Quý III/2026' },
    { code: '2026-Q4', heading: 'Quý IV/2026', inline: 'Quý IV/2026' },
    { code: '2026-H1', heading: '6 tháng đầu năm 2026', inline: '6 tháng đầu năm 2026' },
    { code: '2026-H2', heading: '6 tháng cuối năm 2026', inline: '6 tháng cuối năm 2026' },
    { code: '2026-9M', heading: '9 tháng năm 2026', inline: '9 tháng năm 2026' },
    { code: '2026', heading: 'Năm 2026', inline: 'năm 2026' },
  ])('$code reads "$heading"', ({ code, heading, inline }) => {
    // Prepare
    const period = requirePeriod(code);

    // Act
    const labels = [periodLabel(period), periodLabel(period, 'inline')];

    // Assess
    expect(labels).toEqual([heading, inline]);
  });
});
