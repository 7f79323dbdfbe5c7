import { describe, expect, it } from 'vitest';
import {
  indicatorFigure,
  indicatorFigures,
  indicatorFiguresSchema,
  provinceFigures,
} from '#shared/domain/indicator/figures.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import {
  deadlineInstant,
  PROVINCE_REPORTING_CALENDAR,
} from '#shared/domain/period/reporting-calendar.ts';
import { indicator, linked, seedIndicator, seedIndicators, value } from './fixtures.ts';

const p = requirePeriod;
const rice = seedIndicator('dien-tich-lua');

describe('the province’s six-month report, 2025 (seed 003, footnote 3)', () => {
  // A plan for the first half of 2025 sets 15.000 ha of rice; the Department of Agriculture
  // reports 14.562 ha for it, and 15.559 ha for the first half of 2024 as history.
  const sources = {
    values: [
      value('2025-H1', 14_562, { status: 'estimate', day: '2025-06-16' }),
      value('2024-H1', 15_559, { day: '2025-03-01' }),
    ],
    targets: [linked({ start: '2025-01-01', end: '2025-06-30' }, 15_000)],
  };

  it('reads "Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ"', () => {
    // Act
    const figure = indicatorFigure(rice, p('2025-H1'), sources);

    // Assess
    expect(figure.attainmentText).toBe('đạt 97,08% kế hoạch');
    expect(figure.yearOnYearText).toBe('bằng 93,59% cùng kỳ');
    expect(figure.sentence).toBe(
      'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ',
    );
    expect(figure).toMatchObject({
      indicator: 'dien-tich-lua',
      period: '2025-H1',
      label: '6 tháng đầu năm 2025',
      plan: { value: 15_000, period: '2025-H1', basis: 'period' },
      actual: { value: 14_562, status: 'estimate', complete: true },
      attainment: 97.08,
      previousYear: { period: '2024-H1', value: 15_559 },
      yearOnYear: 93.59,
    });
  });

  it('is its own year to date, and fits the schema a snapshot embeds', () => {
    // Act
    const figures = indicatorFigures(rice, p('2025-H1'), sources);

    // Assess
    expect(figures.yearToDate).toEqual(figures.inPeriod);
    expect(indicatorFiguresSchema.parse(figures)).toEqual(figures);
  });
});

describe('figures for a period and the year to date', () => {
  const year = { start: '2026-01-01', end: '2026-12-31' };
  const monthly = (year: number, amounts: number[]) =>
    amounts.map((amount, i) => value(`${year}-${String(i + 1).padStart(2, '0')}`, amount));

  it('gives the third quarter and the nine months (lũy kế), against the year’s plan', () => {
    // Prepare
    const sources = {
      values: [
        ...monthly(2026, [10, 10, 10, 20, 20, 20, 30, 30, 40]),
        ...monthly(2025, Array(9).fill(10)),
      ],
      targets: [linked(year, 400)],
    };

    // Act
    const { inPeriod, yearToDate } = indicatorFigures(rice, p('2026-Q3'), sources);

    // Assess
    expect(inPeriod).toMatchObject({
      period: '2026-Q3',
      actual: { value: 100, basis: 'combined', complete: true },
      plan: { period: '2026', value: 400, basis: 'enclosing' },
      attainmentText: 'đạt 25,00% kế hoạch năm 2026',
      yearOnYearText: 'bằng 333,33% cùng kỳ',
      sentence: 'Cây lúa 100 ha, đạt 25,00% so với kế hoạch năm 2026, bằng 333,33% cùng kỳ',
    });
    expect(yearToDate).toMatchObject({
      period: '2026-9M',
      label: '9 tháng năm 2026',
      actual: { value: 190 },
      attainmentText: 'đạt 47,50% kế hoạch năm 2026',
      previousYear: { period: '2025-9M', value: 90 },
      yearOnYearText: 'bằng 211,11% cùng kỳ',
    });
  });

  it('has no year to date for a month that ends no reporting period', () => {
    // Act
    const figures = indicatorFigures(rice, p('2026-08'), { values: [], targets: [] });

    // Assess
    expect(figures.yearToDate).toBeNull();
  });

  it('shows a partial figure with what it lacks, and no percentage', () => {
    // Prepare: September is not in yet.
    const sources = {
      values: [value('2026-07', 5000), value('2026-08', 4000), value('2025-Q3', 10_000)],
      targets: [linked({ start: '2026-07-01', end: '2026-09-30' }, 15_000)],
    };

    // Act
    const figure = indicatorFigure(rice, p('2026-Q3'), sources);

    // Assess
    expect(figure).toMatchObject({
      actual: { value: 9000, complete: false, missing: ['2026-09'] },
      attainment: null,
      attainmentText: null,
      yearOnYear: null,
      yearOnYearText: null,
      sentence: 'Cây lúa 9.000 ha (chưa có số liệu tháng 9/2026)',
    });
  });

  it('says what it has: a plan and no actual, an actual and no plan', () => {
    // Prepare
    const planOnly = { values: [], targets: [linked(year, 400)] };
    const actualOnly = { values: [value('2026', 2810.75)], targets: [] };

    // Act
    const [planned, reported] = [
      indicatorFigure(rice, p('2026'), planOnly),
      indicatorFigure(rice, p('2026'), actualOnly),
    ];

    // Assess
    expect(planned).toMatchObject({ plan: { value: 400 }, actual: null, sentence: null });
    expect(reported).toMatchObject({
      plan: null,
      attainmentText: null,
      sentence: 'Cây lúa 2.810,75 ha',
    });
  });

  it('reads a ceiling inverted and last year plainly (CPI: lower is better)', () => {
    // Prepare
    const cpi = seedIndicator('chi-so-gia-tieu-dung');
    const sources = {
      values: [
        value('2025-H1', 1.93, { indicator: cpi.code }),
        value('2024-H1', 3.5, { indicator: cpi.code }),
      ],
      targets: [
        linked({ start: '2025-01-01', end: '2025-12-31' }, 4, {
          indicator: cpi.code,
          target: { unit: '%', comparator: 'lte' },
        }),
      ],
    };

    // Act
    const figure = indicatorFigure(cpi, p('2025-H1'), sources);

    // Assess
    expect(figure).toMatchObject({
      plan: { value: 4, ceiling: true, period: '2025' },
      attainmentText: 'đạt 207,25% kế hoạch năm 2025',
      yearOnYearText: 'bằng 55,14% cùng kỳ',
      sentence:
        'Chỉ số giá tiêu dùng (CPI) bình quân 1,93%, đạt 207,25% so với kế hoạch năm 2025, bằng 55,14% cùng kỳ',
    });
  });

  it('shows, at a deadline, only what was known then', () => {
    // Prepare: an estimate before the deadline, the final figure after it.
    const sources = {
      values: [
        value('2026-Q3', 100, { status: 'estimate', day: '2026-09-16' }),
        value('2026-Q3', 104, { status: 'final', day: '2026-10-20' }),
      ],
      targets: [],
    };
    const deadline = deadlineInstant(p('2026-Q3'), PROVINCE_REPORTING_CALENDAR);

    // Act
    const official = indicatorFigure(rice, p('2026-Q3'), { ...sources, knownAt: deadline });
    const revised = indicatorFigure(rice, p('2026-Q3'), sources);

    // Assess
    expect(official.actual).toMatchObject({ value: 100, status: 'estimate' });
    expect(revised.actual).toMatchObject({ value: 104, status: 'final' });
  });
});

describe('provinceFigures', () => {
  it('gives every indicator of the registry its own figures, in the registry’s order', () => {
    // Prepare
    const maize = seedIndicator('dien-tich-ngo');
    const sources = {
      values: [value('2025-H1', 14_562), value('2025-H1', 13_618, { indicator: maize.code })],
      targets: [linked({ start: '2025-01-01', end: '2025-06-30' }, 15_000)],
    };

    // Act
    const figures = provinceFigures(seedIndicators, p('2025-H1'), sources);

    // Assess
    expect(figures.map((figure) => figure.inPeriod.indicator)).toEqual(
      seedIndicators.map((entry) => entry.code),
    );
    const byCode = new Map(figures.map((figure) => [figure.inPeriod.indicator, figure.inPeriod]));
    expect(byCode.get('dien-tich-lua')?.sentence).toBe(
      'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch',
    );
    expect(byCode.get('dien-tich-ngo')?.sentence).toBe('Cây ngô 13.618 ha');
    expect(byCode.get('luot-khach-du-lich')?.actual).toBeNull();
  });

  it('gives the same figures as one indicator at a time', () => {
    // Prepare
    const sources = {
      values: [value('2025-H1', 14_562), value('2024-H1', 15_559)],
      targets: [linked({ start: '2025-01-01', end: '2025-06-30' }, 15_000)],
    };
    const subject = indicator();

    // Act
    const [together] = provinceFigures([subject], p('2025-H1'), sources);
    const alone = indicatorFigures(subject, p('2025-H1'), sources);

    // Assess
    expect(together).toEqual(alone);
  });
});
