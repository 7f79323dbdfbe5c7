/** POST /tasks/{taskId}/reports: an agency reports progress on a task it holds. */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { tableAndBus } from '../wiring.ts';
import { ForbiddenError } from '#shared/domain/errors.ts';
import { reportSubmissionSchema, type ReportSubmission } from '#shared/domain/progress/report.ts';
import { logger, metrics } from '#shared/observability.ts';
import { submitReport } from '#shared/use-cases/submit-report.ts';
import { idempotencyScope, idempotentCommand, stableId } from './http/idempotency.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { taskPathSchema } from './schemas/requests.ts';

const { tableName, stores, events, clock } = tableAndBus();
const deps = { tasks: stores.progress, reports: stores.progress, events, clock };

interface SubmitRequest {
  taskId: string;
  submission: ReportSubmission;
  agencyId: string;
  actsFor: string[];
  person: string | null;
}

const submitOnce = idempotentCommand(
  'submitReport',
  tableName,
  async ({ scope, request }: { scope: string; request: SubmitRequest }) => {
    const report = await submitReport({ ...request, reportId: stableId('rep', scope) }, deps);
    metrics.addDimensions({ sector: report.sector });
    metrics.addMetric('ReportsAccepted', MetricUnit.Count, 1);
    return report;
  },
);

export const handler = httpApi(
  async (event, context) => {
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
      person: caller.person ?? null,
    };
    const report = await submitOnce({ scope, request }, context);
    return json(201, report, { location: `/tasks/${taskId}/reports/${report.id}` });
  },
  { json: true },
);
