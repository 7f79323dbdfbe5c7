/**
 * Period snapshots (schedule `PeriodSnapshots`, five past midnight every day in the
 * province): each period whose deadline has passed gets its official snapshot, counting
 * what was received by the deadline, and a revision when later data changed it. The
 * input may name one period (`{ "period": "2026-Q3" }`) to take only its snapshots.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { periodCodeSchema } from '#shared/domain/period/period.ts';
import { logger, metrics, recordRollupRun } from '#shared/observability.ts';
import {
  closePeriods,
  rollupSummary,
  runRollup,
  SCHEDULE_ACTOR,
} from '#shared/use-cases/run-rollup.ts';
import { rollupDeps, tableAndBus } from '../wiring.ts';

const { stores, events, clock } = tableAndBus();
const deps = rollupDeps(stores, events, clock);
const inputSchema = z.strictObject({ period: periodCodeSchema.optional() });

async function takeSnapshots(event: unknown) {
  const started = Date.now();
  const { period } = inputSchema.parse(event ?? {});
  const results = period
    ? [
        {
          period,
          sectors: rollupSummary(
            await runRollup({ period, sectors: SECTORS, actor: SCHEDULE_ACTOR }, deps),
          ),
        },
      ]
    : await closePeriods(SECTORS, deps);
  recordRollupRun(Date.now() - started);
  logger.info('period snapshots taken', { results });
  return { results };
}

export const handler = middy(takeSnapshots)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
