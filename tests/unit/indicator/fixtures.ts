/** Builders for indicators, reported values and linked targets: defaults plus what a test states. */
import { readFileSync } from 'node:fs';
import {
  indicatorRegistrySchema,
  indicatorSchema,
  type Indicator,
} from '#shared/domain/indicator/indicator.ts';
import type { IndicatorValue } from '#shared/domain/indicator/indicator-value.ts';
import type { LinkedTarget } from '#shared/domain/indicator/plan-value.ts';

/** The seed registry, read as the platform will read it. */
export const seedIndicators: Indicator[] = indicatorRegistrySchema.parse(
  JSON.parse(readFileSync(new URL('../../../seeds/indicators.json', import.meta.url), 'utf8')),
).indicators;

export function seedIndicator(code: string): Indicator {
  const indicator = seedIndicators.find((candidate) => candidate.code === code);
  if (!indicator) throw new Error(`no seed indicator ${code}`);
  return indicator;
}

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return indicatorSchema.parse({
    code: 'dien-tich-lua',
    name: 'Diện tích gieo trồng lúa',
    shortName: 'Cây lúa',
    unit: 'ha',
    sector: 'agriculture',
    aggregation: 'sum',
    direction: 'higher_is_better',
    aliases: ['Lúa'],
    ...overrides,
  });
}

/** A value of `dien-tich-lua` unless stated; reported at noon on `day` in the province. */
export function value(
  period: string,
  amount: number,
  overrides: Partial<IndicatorValue> & { day?: string } = {},
): IndicatorValue {
  const { day = '2026-01-15', ...rest } = overrides;
  return {
    indicator: 'dien-tich-lua',
    period,
    value: amount,
    status: 'final',
    agencyId: 'so-nong-nghiep-va-moi-truong',
    reportedAt: new Date(`${day}T12:00:00+07:00`).toISOString(),
    ...rest,
  };
}

/** A target of `dien-tich-lua` in a plan for `planPeriod` (issued on its first day unless stated). */
export function linked(
  planPeriod: { start: string; end: string },
  amount: number,
  overrides: Partial<Omit<LinkedTarget, 'plan' | 'target'>> & {
    plan?: Partial<LinkedTarget['plan']>;
    target?: Partial<LinkedTarget['target']>;
  } = {},
): LinkedTarget {
  const { plan, target, ...rest } = overrides;
  return {
    indicator: 'dien-tich-lua',
    plan: { code: 'KH100', issuedOn: planPeriod.start, period: planPeriod, ...plan },
    taskId: 'KH100-I-1',
    target: { key: 'lua', value: amount, unit: 'ha', comparator: 'gte', ...target },
    period: null,
    ...rest,
  };
}
