/**
 * The actuals agencies report through a task's targets, read as values of the indicators
 * the targets are linked to: a report on 2025-H1 with `{ "lua": 14562 }` on a task whose
 * target `lua` is linked to the rice area is a value of the rice area for 2025-H1, an
 * estimate or final as the report says, in the indicator's unit. Derived when the figures
 * are read, never stored: a link confirmed or corrected later applies to every report.
 */
import type { ProgressReport } from '../progress/report.ts';
import type { Indicator } from './indicator.ts';
import type { IndicatorValue } from './indicator-value.ts';
import type { LinkRecord } from './link-record.ts';
import { convertUnit } from './unit.ts';

export type ReportedActuals = Pick<
  ProgressReport,
  'taskId' | 'agencyId' | 'period' | 'actuals' | 'actualsStatus' | 'receivedAt'
>;

export function valuesFromReports(
  reports: readonly ReportedActuals[],
  links: readonly LinkRecord[],
  indicators: readonly Indicator[],
): IndicatorValue[] {
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const linksOf = new Map<string, LinkRecord[]>();
  for (const link of links) {
    if (link.status !== 'confirmed' || link.indicator === null) continue;
    linksOf.set(link.taskId, [...(linksOf.get(link.taskId) ?? []), link]);
  }
  return reports.flatMap((report) =>
    (linksOf.get(report.taskId) ?? []).flatMap((link) => {
      const indicator = link.indicator === null ? undefined : byCode.get(link.indicator);
      const actual = Object.hasOwn(report.actuals, link.targetKey)
        ? report.actuals[link.targetKey]
        : undefined;
      if (!indicator || actual === undefined) return [];
      return [
        {
          indicator: indicator.code,
          period: report.period,
          value: convertUnit(actual, link.target.unit, indicator.unit),
          status: report.actualsStatus,
          agencyId: report.agencyId,
          reportedAt: report.receivedAt,
        },
      ];
    }),
  );
}
