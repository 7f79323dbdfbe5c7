/**
 * Quarter close (schedule `QuarterClose`, just after midnight on the first day of a quarter
 * in the province): the previous quarter's snapshots, closed and immutable from now on.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { REPORTING_CUTOFFS } from '#shared/domain/rollup/data-window.ts';
import { logger, metrics, recordRollupRun } from '#shared/observability.ts';
import { previousQuarter, runRollup } from '#shared/use-cases/run-rollup.ts';
import { tableAndBus } from '../wiring.ts';

const { stores, events, clock } = tableAndBus();
const deps = { rollups: stores.rollups, events, clock };
const inputSchema = z.object({
  quarter: z.union([z.literal('previous'), z.string().regex(/^\d{4}-Q[1-4]$/)]).default('previous'),
});

async function closeQuarter(event: unknown) {
  const started = Date.now();
  const input = inputSchema.parse(event ?? {});
  const quarter = (
    input.quarter === 'previous' ? previousQuarter(deps.clock.now()) : input.quarter
  ) as `${number}-Q${1 | 2 | 3 | 4}`;
  const results = [];
  for (const cutoff of REPORTING_CUTOFFS) {
    const snapshots = await runRollup({ quarter, cutoff, sectors: SECTORS }, deps);
    results.push(...snapshots.map((s) => ({ cutoff, sector: s.sector, status: s.status })));
  }
  recordRollupRun(Date.now() - started);
  logger.info('quarter closed', { quarter, results });
  return { quarter, results };
}

export const handler = middy(closeQuarter)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
