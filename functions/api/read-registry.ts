/** GET /plans, /plans/{code}, /agencies, /agencies/{agencyId}/tasks */
import { DynamoReadStore } from '#shared/adapters/dynamodb/read-store.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { tableAccess } from '../wiring.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import { agencyPathSchema, pageQuerySchema, planPathSchema } from './schemas/requests.ts';

const { db, tableName } = tableAccess();
const store = new DynamoReadStore(db, tableName);

export const handler = httpApi(async (event) => {
  switch (event.resource) {
    case '/plans':
      parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      return json(200, { items: await store.listPlans(), nextCursor: null });
    case '/plans/{code}': {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      const plan = await store.getPlan(code);
      if (!plan) throw new NotFoundError('plan-not-found', `no plan ${code}`);
      return json(200, plan);
    }
    case '/agencies': {
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      return json(200, await store.listAgencies(limit, cursor));
    }
    default: {
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      if (!(await store.getAgency(agencyId)))
        throw new NotFoundError('agency-not-found', `no agency ${agencyId}`);
      return json(200, await store.listAgencyTasks(agencyId, limit, cursor));
    }
  }
});
