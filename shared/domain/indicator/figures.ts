/**
 * The figures the province publishes for an indicator: for a period and for the year to
 * date (lũy kế 6 tháng, 9 tháng, cả năm), the plan value, the actual, "đạt X% kế hoạch",
 * the same period of the previous year and "bằng Y% cùng kỳ", whatever plans set the
 * targets and whichever agencies reported the values.
 *
 * - Attainment reads a ceiling inverted (risk/attainment.ts, as the rollup does).
 * - "Cùng kỳ" is the plain ratio of this year's actual to last year's, for every
 *   direction, as the province writes "bằng 70,51% cùng kỳ" of violations too.
 * - A partial actual (actual-value.ts) is shown with what it lacks and gets no
 *   percentage: an incomplete sum against a whole plan would read as a shortfall.
 * Pure: time enters only as `knownAt`, the instant whose knowledge the figures show.
 */
import * as z from 'zod';
import { sectorSchema } from '../plan/model.ts';
import { formatPeriod, periodCodeSchema, requirePeriod, type Period } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { previousYearPeriod, yearToDate } from '../period/period-relations.ts';
import { attainment } from '../risk/attainment.ts';
import { percentOf, roundDecimal } from '../risk/decimal.ts';
import { actualValue, actualValueSchema } from './actual-value.ts';
import { DIRECTIONS, indicatorCodeSchema, sentenceName, type Indicator } from './indicator.ts';
import type { IndicatorValue } from './indicator-value.ts';
import { planValue, planValueSchema, type LinkedTarget } from './plan-value.ts';
import { attainmentPhrase, figureSentence, yearOnYearPhrase } from './wording.ts';

const percent = z.number().nullable().meta({ description: 'A percentage, two decimals' });

export const indicatorFigureSchema = z
  .object({
    indicator: indicatorCodeSchema,
    name: z.string(),
    unit: z.string(),
    sector: sectorSchema,
    direction: z.enum(DIRECTIONS),
    period: periodCodeSchema,
    label: z.string().meta({ example: '6 tháng đầu năm 2025' }),
    plan: planValueSchema.nullable(),
    actual: actualValueSchema.nullable(),
    attainment: percent.meta({ description: 'Actual as % of plan (inverted for a ceiling)' }),
    attainmentText: z.string().nullable().meta({ example: 'đạt 97,08% kế hoạch' }),
    previousYear: actualValueSchema.nullable(),
    yearOnYear: percent.meta({ description: 'Actual as % of the same period a year before' }),
    yearOnYearText: z.string().nullable().meta({ example: 'bằng 93,59% cùng kỳ' }),
    sentence: z.string().nullable().meta({
      example: 'Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch, bằng 93,59% cùng kỳ',
    }),
  })
  .meta({ id: 'IndicatorFigure' });
export type IndicatorFigure = z.infer<typeof indicatorFigureSchema>;

export const indicatorFiguresSchema = z
  .object({
    inPeriod: indicatorFigureSchema,
    /** From 1 January to the period's end; null for a month that ends no such period. */
    yearToDate: indicatorFigureSchema.nullable(),
  })
  .meta({ id: 'IndicatorFigures' });
export type IndicatorFigures = z.infer<typeof indicatorFiguresSchema>;

export interface FigureSources {
  /** Reported values (any indicators': each figure reads its own). */
  values: readonly IndicatorValue[];
  /** Linked targets (any indicators'). */
  targets: readonly LinkedTarget[];
  /** Count only values received by this instant (a snapshot taken at a deadline). */
  knownAt?: Date;
}

export function indicatorFigure(
  indicator: Indicator,
  period: Period,
  sources: FigureSources,
): IndicatorFigure {
  const { values, targets, knownAt } = sources;
  const code = formatPeriod(period);
  const actual = actualValue(indicator, period, values, knownAt);
  const plan = planValue(indicator, period, targets);
  const before = previousYearPeriod(period);
  const previousYear = before ? actualValue(indicator, before, values, knownAt) : null;

  const reached =
    actual?.complete && plan
      ? attainment({ value: plan.value, comparator: plan.ceiling ? 'lte' : 'gte' }, actual.value)
      : null;
  const attained = reached === null ? null : roundDecimal(reached);
  const planPeriodLabel =
    plan && plan.period !== code ? periodLabel(requirePeriod(plan.period), 'inline') : null;
  const yearOnYear =
    actual?.complete && previousYear?.complete ? percentOf(actual.value, previousYear.value) : null;

  return {
    indicator: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    sector: indicator.sector,
    direction: indicator.direction,
    period: code,
    label: periodLabel(period),
    plan,
    actual,
    attainment: attained,
    attainmentText: attained === null ? null : attainmentPhrase(attained, planPeriodLabel),
    previousYear,
    yearOnYear,
    yearOnYearText: yearOnYear === null ? null : yearOnYearPhrase(yearOnYear),
    sentence:
      actual === null
        ? null
        : figureSentence({
            name: sentenceName(indicator),
            value: actual.value,
            unit: indicator.unit,
            attainment: attained,
            planPeriodLabel,
            yearOnYear,
            missing: actual.missing.map((missing) => periodLabel(requirePeriod(missing), 'inline')),
          }),
  };
}

/** The indicator's figures for the period and for the year to date that ends with it. */
export function indicatorFigures(
  indicator: Indicator,
  period: Period,
  sources: FigureSources,
): IndicatorFigures {
  const cumulative = yearToDate(period);
  return {
    inPeriod: indicatorFigure(indicator, period, sources),
    yearToDate: cumulative ? indicatorFigure(indicator, cumulative, sources) : null,
  };
}

/** Every indicator's figures, in the registry's order (the order the report lists them). */
export function provinceFigures(
  indicators: readonly Indicator[],
  period: Period,
  sources: FigureSources,
): IndicatorFigures[] {
  // Each indicator reads only its own values and targets: split them once, not per figure.
  const values = groupBy(sources.values, (value) => value.indicator);
  const targets = groupBy(sources.targets, (target) => target.indicator);
  return indicators.map((indicator) =>
    indicatorFigures(indicator, period, {
      values: values.get(indicator.code) ?? [],
      targets: targets.get(indicator.code) ?? [],
      knownAt: sources.knownAt,
    }),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}
