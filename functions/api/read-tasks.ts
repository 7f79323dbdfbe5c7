/** GET /tasks, GET /tasks/{taskId}, GET /tasks/{taskId}/reports, GET /risks */
import { DynamoReadStore } from '#shared/adapters/dynamodb/read-store.ts';
import { DynamoRiskStore } from '#shared/adapters/dynamodb/risk-store.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { tableAccess } from '../wiring.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import {
  pageQuerySchema,
  riskListQuerySchema,
  taskListQuerySchema,
  taskPathSchema,
} from './schemas/requests.ts';

const { db, tableName } = tableAccess();
const store = new DynamoReadStore(db, tableName);
const risks = new DynamoRiskStore(db, tableName);

export const handler = httpApi(async (event) => {
  if (event.resource === '/risks') {
    const { limit, cursor, ...filter } = parsePart(
      riskListQuerySchema,
      event.queryStringParameters,
      'query',
    );
    return json(200, await risks.listFlags(filter, limit, cursor));
  }
  if (event.resource === '/tasks') {
    const { limit, cursor, ...filter } = parsePart(
      taskListQuerySchema,
      event.queryStringParameters,
      'query',
    );
    return json(200, await store.listTasks(filter, limit, cursor));
  }
  const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
  if (event.resource === '/tasks/{taskId}/reports') {
    const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
    if (!(await store.getTask(taskId)))
      throw new NotFoundError('task-not-found', `no task ${taskId}`);
    return json(200, await store.listReports(taskId, limit, cursor));
  }
  const detail = await store.getTaskDetail(taskId);
  if (!detail) throw new NotFoundError('task-not-found', `no task ${taskId}`);
  return json(200, detail);
});
