/** Admin jobs on demand: POST /risks/scans (the daily scan, now) and POST /rollups/{period}/runs. */
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { SECTORS } from '#shared/domain/plan/model.ts';
import type { PeriodCode } from '#shared/domain/period/period.ts';
import { scanRisks } from '#shared/use-cases/evaluate-risks.ts';
import { rollupSummary, runRollup } from '#shared/use-cases/run-rollup.ts';
import { recordRollupRun } from '#shared/observability.ts';
import { rollupDeps, tableAndBus } from '../wiring.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { rollupPathSchema, rollupRunQuerySchema } from './schemas/requests.ts';

const { tableName, stores, events, clock } = tableAndBus();
const rollups = rollupDeps(stores, events, clock);

type Job = { job: 'risk-scan' } | { job: 'rollup'; period: PeriodCode; actor: Actor };

const runOnce = idempotentCommand(
  'adminJobs',
  tableName,
  async ({ request }: { scope: string; request: Job }) => {
    if (request.job === 'risk-scan') {
      return scanRisks(SECTORS, { risks: stores.risks, events, clock });
    }
    const started = Date.now();
    const { period, actor } = request;
    const runs = await runRollup({ period, sectors: SECTORS, actor }, rollups);
    recordRollupRun(Date.now() - started);
    return { period: request.period, sectors: rollupSummary(runs) };
  },
);

export const handler = httpApi(async (event, context) => {
  const caller = callerOf(event);
  const scope = idempotencyScope(event, caller);
  if (event.resource === '/risks/scans') {
    return json(200, await runOnce({ scope, request: { job: 'risk-scan' } }, context));
  }
  const { period } = parsePart(
    rollupPathSchema.pick({ period: true }),
    event.pathParameters,
    'path',
  );
  parsePart(rollupRunQuerySchema, event.queryStringParameters, 'query');
  return json(
    200,
    await runOnce({ scope, request: { job: 'rollup', period, actor: actorOf(caller) } }, context),
  );
});
