/** POST /tasks/{taskId}/reports: the lead of a task reports progress on it. */
import { tableAndBus } from '../wiring.ts';
import { actorOf } from '#shared/domain/access/caller.ts';
import { ForbiddenError } from '#shared/domain/errors.ts';
import { reportSubmissionSchema } from '#shared/domain/progress/report.ts';
import { logger } from '#shared/observability.ts';
import { idempotencyScope } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { taskPathSchema } from './schemas/requests.ts';
import { submitCommand } from './submit-command.ts';

const { stores, events, clock } = tableAndBus();
const submitOnce = submitCommand(stores, events, clock);

export const handler = httpApi(
  async (event) => {
    const caller = callerOf(event);
    if (caller.role !== 'agency' || !caller.agencyId) {
      throw new ForbiddenError('agency-only', 'only an agency token can submit reports');
    }
    const { taskId } = parsePart(taskPathSchema, event.pathParameters, 'path');
    const scope = idempotencyScope(event, caller);
    const submission = parsePart(reportSubmissionSchema, event.body as unknown, 'body');
    logger.appendKeys({ agency: caller.agencyId, task: taskId });

    const request = {
      taskId,
      submission,
      agencyId: caller.agencyId,
      actsFor: caller.actsFor,
      actor: actorOf(caller),
    };
    const report = await submitOnce({ scope, request });
    return json(201, report, { location: `/tasks/${taskId}/reports/${report.id}` });
  },
  { json: true },
);
