/** `RollupCompleted`: a quarter's snapshots were computed (versioned, like every event). */
import * as z from 'zod';
import { sectorSchema } from '#shared/domain/plan/model.ts';
import { REPORTING_CUTOFFS } from '#shared/domain/rollup/data-window.ts';

export const ROLLUP_COMPLETED = 'RollupCompleted';

export const rollupCompletedV1Schema = z
  .object({
    version: z.literal('1'),
    quarter: z.string(),
    cutoff: z.enum(REPORTING_CUTOFFS),
    sectors: z.array(
      z.object({
        sector: sectorSchema,
        status: z.enum(['preliminary', 'closed']),
        computedAt: z.iso.datetime(),
        tasks: z.number().int(),
      }),
    ),
    completedAt: z.iso.datetime(),
  })
  .meta({ id: 'RollupCompletedV1' });
export type RollupCompletedV1 = z.infer<typeof rollupCompletedV1Schema>;
