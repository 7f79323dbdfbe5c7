/**
 * `RollupCompleted`: a period's snapshots were taken (versioned, like every event).
 * Version 2 names any period and each sector's revision; version 1 (a quarter, closed or
 * preliminary) is kept for the events still archived.
 */
import * as z from 'zod';
import { sectorSchema } from '#shared/domain/plan/model.ts';
import { REPORTING_CUTOFFS } from '#shared/domain/period/data-window.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { SNAPSHOT_STATUSES } from '#shared/domain/rollup/snapshot-schema.ts';

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

export const rollupCompletedV2Schema = z
  .object({
    version: z.literal('2'),
    period: periodCodeSchema,
    sectors: z.array(
      z.object({
        sector: sectorSchema,
        status: z.enum(SNAPSHOT_STATUSES),
        revision: z.number().int().nonnegative(),
        computedAt: z.iso.datetime(),
        tasks: z.number().int(),
        written: z.boolean().meta({
          description: 'false: nothing had changed, the snapshot that stands is returned',
        }),
      }),
    ),
    completedAt: z.iso.datetime(),
  })
  .meta({ id: 'RollupCompletedV2' });
export type RollupCompletedV2 = z.infer<typeof rollupCompletedV2Schema>;
