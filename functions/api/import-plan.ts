/** POST /plans (admin): import a plan table; answers what was created, updated and warned about. */
import { DynamoPlanRegistryStore } from '#shared/adapters/dynamodb/plan-registry-store.ts';
import { UnprocessableError } from '#shared/domain/errors.ts';
import { PlanTableError, type PlanSource } from '#shared/domain/plan/plan-parser.ts';
import { logger } from '#shared/observability.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { importPlans } from '#shared/use-cases/import-plans.ts';
import { tableAccess } from '../wiring.ts';
import { idempotencyScope, idempotentCommand } from './http/idempotency.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { planImportSchema } from './schemas/requests.ts';

const { db, tableName } = tableAccess();
const deps = {
  registry: seedAgencyRegistry(),
  repository: new DynamoPlanRegistryStore(db, tableName),
};

const importOnce = idempotentCommand(
  'importPlan',
  tableName,
  async ({ request }: { scope: string; request: PlanSource }) => {
    try {
      return await importPlans([request], deps);
    } catch (error) {
      if (!(error instanceof PlanTableError)) throw error;
      throw new UnprocessableError(
        'invalid-plan-table',
        `the table cannot be imported: ${error.issues.map((i) => `line ${i.line}: ${i.code}: ${i.message}`).join('; ')}`,
        error.issues.map((i) => ({
          field: `body.text`,
          reason: `line ${i.line}: ${i.code}: ${i.message}`,
        })),
      );
    }
  },
);

export const handler = httpApi(
  async (event, context) => {
    const caller = callerOf(event);
    const scope = idempotencyScope(event, caller);
    const source = parsePart(planImportSchema, event.body as unknown, 'body');
    logger.info('importing plan table', { file: source.file, bytes: source.text.length });
    return json(200, await importOnce({ scope, request: source }, context));
  },
  // A plan table is larger than a report: KH267's is 40 KB.
  { json: true, maxBodyBytes: 1024 * 1024 },
);
