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
import { closePeriods, SCHEDULE_ACTOR } from '#shared/use-cases/run-rollup.ts';
import { rollupWork } from '../jobs/job-work.ts';
import { rollupDeps, tableAndBus } from '../wiring.ts';

const work = tableAndBus();
const deps = rollupDeps(work.stores, work.events, work.clock);
const inputSchema = z.strictObject({ period: periodCodeSchema.optional() });

async function takeSnapshots(event: unknown) {
  const { period } = inputSchema.parse(event ?? {});
  if (period) {
    // The same work as an admin's rollup job (job-work.ts).
    const results = [await rollupWork(period, SCHEDULE_ACTOR, work)];
    logger.info('period snapshots taken', { results });
    return { results };
  }
  const started = Date.now();
  const results = await closePeriods(SECTORS, deps);
  recordRollupRun(Date.now() - started);
  logger.info('period snapshots taken', { results });
  return { results };
}

export const handler = middy(takeSnapshots)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
