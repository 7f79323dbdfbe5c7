/**
 * The province's indicators (chỉ tiêu): a figure it follows across plans and years, such
 * as the rice area or budget revenue. Plans set targets for it; agencies report its
 * actual value per period. The registry is data (`seeds/indicators.json` fills an empty
 * store); the zod schemas are the source of truth.
 */
import * as z from 'zod';
import { normaliseName } from '../plan/agency-registry.ts';
import { sectorSchema } from '../plan/model.ts';

export const indicatorCodeSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Mã chỉ tiêu viết thường, không dấu, nối bằng gạch ngang, ví dụ dien-tich-lua',
  )
  .max(100)
  .meta({ example: 'dien-tich-lua' });
export type IndicatorCode = z.infer<typeof indicatorCodeSchema>;

/**
 * How the values of smaller periods make a larger one's:
 * - `sum`: a flow (hectares planted, tourists, revenue): a quarter is its months' sum.
 * - `latest`: a level at the period's end (communes meeting the rural standard, a
 *   cumulative disbursement rate): a year's value is December's.
 * - `average`: a rate or an index over the period (CPI, IIP): the months' mean, each
 *   month weighing the same.
 */
export const AGGREGATIONS = ['sum', 'latest', 'average'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const phrase = z.string().trim().min(1).max(300);

export const indicatorSchema = z
  .strictObject({
    code: indicatorCodeSchema,
    /** The full Vietnamese name: "Diện tích gieo trồng lúa". */
    name: phrase,
    /** The words a report sentence opens with ("Cây lúa 14.562 ha, …"); the name if absent. */
    shortName: phrase.optional(),
    /** As the province writes it: "ha", "tỷ đồng", "triệu USD", "lượt khách", "%". */
    unit: z.string().trim().min(1).max(50),
    sector: sectorSchema,
    aggregation: z.enum(AGGREGATIONS),
    direction: z.enum(DIRECTIONS),
    /** Other labels a plan's target may carry for it ("Lúa", "Cây lúa"), matched normalised. */
    aliases: z.array(phrase).max(50).default([]),
    /** The agencies that report it (agency ids); admins may report any indicator. */
    owners: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
      .max(50)
      .default([]),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof indicatorSchema>;

/** The name a report sentence uses. */
export function sentenceName(indicator: Pick<Indicator, 'name' | 'shortName'>): string {
  return indicator.shortName ?? indicator.name;
}

/** Every label an indicator answers to: its name, its short name and its aliases. */
export function indicatorLabels(indicator: Indicator): string[] {
  return [
    indicator.name,
    ...(indicator.shortName ? [indicator.shortName] : []),
    ...indicator.aliases,
  ];
}

/**
 * A registry (the form of `seeds/indicators.json`): codes unique, and no label shared by
 * two indicators once normalised (no diacritics, case or spacing), or a target's label
 * could not tell them apart.
 */
export const indicatorRegistrySchema = z
  .object({ indicators: z.array(indicatorSchema) })
  .superRefine(({ indicators }, context) => {
    const codes = new Map<string, number>();
    const labels = new Map<string, string>();
    indicators.forEach((indicator, index) => {
      if (codes.has(indicator.code)) {
        context.addIssue({
          code: 'custom',
          path: ['indicators', index, 'code'],
          message: `Mã chỉ tiêu ${indicator.code} bị trùng`,
        });
      }
      codes.set(indicator.code, index);
      for (const label of indicatorLabels(indicator)) {
        const owner = labels.get(normaliseName(label));
        if (owner !== undefined && owner !== indicator.code) {
          context.addIssue({
            code: 'custom',
            path: ['indicators', index, 'aliases'],
            message: `Tên "${label}" trùng với một tên của chỉ tiêu ${owner}`,
          });
        }
        labels.set(normaliseName(label), indicator.code);
      }
    });
  });
export type IndicatorRegistry = z.infer<typeof indicatorRegistrySchema>;
