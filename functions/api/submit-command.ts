/**
 * Filing a report once per idempotency key: the API's POST /tasks/{taskId}/reports and
 * the web app's report form share it. The report's id is derived from the key (scoped to
 * the agency), and the store's conditional write of the report is the idempotency check:
 * no record of its own, no "in progress" state. A retry with the same request answers the
 * stored report; another request under the same key is refused (422).
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import type { ProgressReport, ReportSubmission } from '#shared/domain/progress/report.ts';
import { metrics } from '#shared/observability.ts';
import type { Clock, EventPublisher } from '#shared/use-cases/progress-ports.ts';
import { submitReport } from '#shared/use-cases/submit-report.ts';
import { fingerprintOf, stableId, type IdempotentRequest } from './http/idempotency-key.ts';

export interface SubmitRequest {
  taskId: string;
  submission: ReportSubmission;
  agencyId: string;
  actsFor: string[];
  actor: Actor;
}

export function submitCommand(stores: DynamoStores, events: EventPublisher, clock: Clock) {
  const deps = {
    tasks: stores.progress,
    reports: stores.progress,
    events,
    clock,
    agencies: { get: async (id: string) => (await stores.agencies.get(id))?.agency ?? null },
  };
  return async ({ scope, request }: IdempotentRequest<SubmitRequest>): Promise<ProgressReport> => {
    const report = await submitReport(
      {
        ...request,
        reportId: stableId('rep', scope),
        // What the report says, not who sends it: a retry may come through another token.
        fingerprint: fingerprintOf({ taskId: request.taskId, submission: request.submission }),
      },
      deps,
    );
    metrics.addDimensions({ sector: report.sector });
    metrics.addMetric('ReportsAccepted', MetricUnit.Count, 1);
    return report;
  };
}
