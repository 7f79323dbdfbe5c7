/**
 * The province's figures for a period: every indicator (of a sector, or all), in the
 * period and for the year to date, from the values reported against the indicators and
 * the actuals reported through linked targets, against the targets of every plan linked
 * to them. Reads the indicators, the links, two years of values (the period's and the
 * year before, for "cùng kỳ"), the reports of the linked tasks, and the plans.
 */
import { provinceFigures, type IndicatorFigures } from '#shared/domain/indicator/figures.ts';
import { linkedTargets } from '#shared/domain/indicator/link-record.ts';
import { valuesFromReports } from '#shared/domain/indicator/task-actuals.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { Period } from '#shared/domain/period/period.ts';
import type { FigureInputs, IndicatorRepository } from './indicator-ports.ts';

export interface FigureDeps {
  indicators: IndicatorRepository;
  inputs: FigureInputs;
}

export interface FigureOptions {
  /** Count only what was received by this instant (a snapshot's). */
  knownAt?: Date | undefined;
  sector?: Sector | undefined;
}

export async function periodFigures(
  period: Period,
  deps: FigureDeps,
  options: FigureOptions = {},
): Promise<IndicatorFigures[]> {
  const indicators = (await deps.indicators.listIndicators())
    .map((stored) => stored.indicator)
    .filter((indicator) => !options.sector || indicator.sector === options.sector);
  if (indicators.length === 0) return [];
  const codes = new Set(indicators.map((indicator) => indicator.code));
  const links = (await deps.indicators.allLinks()).filter(
    (link) => link.status === 'confirmed' && link.indicator !== null && codes.has(link.indicator),
  );
  const [values, reports, plans] = await Promise.all([
    deps.indicators.valuesOf([...codes], period.year - 1, period.year),
    deps.inputs.reportsOfTasks([...new Set(links.map((link) => link.taskId))]),
    deps.inputs.trackedPlans(),
  ]);
  return provinceFigures(indicators, period, {
    values: [...values, ...valuesFromReports(reports, links, indicators)],
    targets: linkedTargets(links, plans),
    knownAt: options.knownAt,
  });
}
