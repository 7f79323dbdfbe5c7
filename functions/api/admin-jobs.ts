/** Admin jobs on demand: POST /risks/scans (the daily scan, now) and POST /rollups/{quarter}/runs. */
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { ReportingCutoff } from '#shared/domain/rollup/data-window.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';
import { rollupSummary, runRollup } from '#shared/use-cases/run-rollup.ts';
import { recordRollupRun } from '#shared/observability.ts';
import { tableAndBus } from '../wiring.ts';
import { idempotencyScope, idempotentCommand } from './http/idempotency.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { rollupPathSchema, rollupRunQuerySchema } from './schemas/requests.ts';

const { tableName, stores, events, clock } = tableAndBus();

type Job =
  | { job: 'risk-scan' }
  | { job: 'rollup'; quarter: `${number}-Q${1 | 2 | 3 | 4}`; cutoff: ReportingCutoff };

const runOnce = idempotentCommand(
  'adminJobs',
  tableName,
  async ({ request }: { scope: string; request: Job }) => {
    if (request.job === 'risk-scan') {
      return scanRisks(SECTORS, { risks: stores.risks, events, clock });
    }
    const started = Date.now();
    const snapshots = await runRollup(
      { quarter: request.quarter, cutoff: request.cutoff, sectors: SECTORS },
      { rollups: stores.rollups, events, clock },
    );
    recordRollupRun(Date.now() - started);
    return {
      quarter: request.quarter,
      cutoff: request.cutoff,
      sectors: rollupSummary(snapshots),
    };
  },
);

export const handler = httpApi(async (event, context) => {
  const scope = idempotencyScope(event, callerOf(event));
  if (event.resource === '/risks/scans') {
    return json(200, await runOnce({ scope, request: { job: 'risk-scan' } }, context));
  }
  const { quarter } = parsePart(rollupPathSchema, event.pathParameters, 'path');
  const { cutoff } = parsePart(rollupRunQuerySchema, event.queryStringParameters, 'query');
  return json(200, await runOnce({ scope, request: { job: 'rollup', quarter, cutoff } }, context));
});
