/**
 * An indicator's actual value for a period, as an agency reported it: an estimate (ước
 * thực hiện, sent before the period's figures are final) or a final value. Values are
 * facts, stored once: a correction or a final figure is a new value, and the newest
 * final supersedes everything before it. History (2024, 2025) is entered the same way.
 */
import * as z from 'zod';
import { compareText } from '../risk/order.ts';
import { periodCodeSchema } from '../period/period.ts';
import { indicatorCodeSchema } from './indicator.ts';

export const VALUE_STATUSES = ['estimate', 'final'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const indicatorValueSchema = z
  .strictObject({
    indicator: indicatorCodeSchema,
    period: periodCodeSchema,
    // DynamoDB's document client refuses numbers it cannot store exactly.
    value: z.number().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
    status: z
      .enum(VALUE_STATUSES)
      .meta({ description: 'estimate: ước thực hiện; final: số chính thức' }),
    agencyId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** When the platform received it (ISO instant). */
    reportedAt: z.iso.datetime(),
  })
  .meta({ id: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/**
 * The order in which values supersede one another: any final after any estimate, then
 * the later received; equal instants fall back to the agency and the value, so the
 * choice never depends on the order the values were read in.
 */
export function compareSupersession(a: IndicatorValue, b: IndicatorValue): number {
  return (
    VALUE_STATUSES.indexOf(a.status) - VALUE_STATUSES.indexOf(b.status) ||
    Date.parse(a.reportedAt) - Date.parse(b.reportedAt) ||
    compareText(a.agencyId, b.agencyId) ||
    a.value - b.value
  );
}

/** The value each period stands at: the last of its values in `compareSupersession` order. */
export function standingValues(
  values: readonly IndicatorValue[],
  indicator: string,
  knownAt?: Date,
): Map<string, IndicatorValue> {
  const standing = new Map<string, IndicatorValue>();
  for (const value of values) {
    if (value.indicator !== indicator) continue;
    if (knownAt !== undefined && Date.parse(value.reportedAt) > knownAt.getTime()) continue;
    const current = standing.get(value.period);
    if (!current || compareSupersession(current, value) < 0) standing.set(value.period, value);
  }
  return standing;
}
