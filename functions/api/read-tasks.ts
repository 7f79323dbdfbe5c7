/** GET /tasks, GET /tasks/{taskId}, GET /tasks/{taskId}/reports, GET /risks */
import { NotFoundError } from '#shared/domain/errors.ts';
import { tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import {
  pageQuerySchema,
  riskListQuerySchema,
  taskListQuerySchema,
  taskPathSchema,
} from './schemas/requests.ts';

const { reads, risks } = tableStores().stores;

const taskNotFound = (taskId: string) =>
  new NotFoundError('task-not-found', `không có nhiệm vụ ${taskId}`);

export const handler = httpApi(
  dispatch<'readTasks'>({
    'GET /tasks': async (event) => {
      const { limit, cursor, ...filter } = parsePart(
        taskListQuerySchema,
        event.queryStringParameters,
        'query',
      );
      return json(200, await reads.listTasks(filter, limit, cursor));
    },
    'GET /tasks/{taskId}': async (event) => {
      const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
      const detail = await reads.getTaskDetail(taskId);
      if (!detail) throw taskNotFound(taskId);
      return json(200, detail);
    },
    'GET /tasks/{taskId}/reports': async (event) => {
      const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      if (!(await reads.taskExists(taskId))) throw taskNotFound(taskId);
      return json(200, await reads.listReports(taskId, limit, cursor));
    },
    'GET /risks': async (event) => {
      const { limit, cursor, ...filter } = parsePart(
        riskListQuerySchema,
        event.queryStringParameters,
        'query',
      );
      return json(200, await risks.listFlags(filter, limit, cursor));
    },
  }),
);
