/**
 * Filing a report once per idempotency key: the API's POST /tasks/{taskId}/reports and
 * the web app's report form share it, so one store of keys answers both.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import type { ReportSubmission } from '#shared/domain/progress/report.ts';
import { metrics } from '#shared/observability.ts';
import type { Clock, EventPublisher } from '#shared/use-cases/progress-ports.ts';
import { submitReport } from '#shared/use-cases/submit-report.ts';
import { idempotentCommand, stableId } from './http/idempotency.ts';

export interface SubmitRequest {
  taskId: string;
  submission: ReportSubmission;
  agencyId: string;
  actsFor: string[];
  actor: Actor;
}

export function submitCommand(
  tableName: string,
  stores: DynamoStores,
  events: EventPublisher,
  clock: Clock,
) {
  const deps = {
    tasks: stores.progress,
    reports: stores.progress,
    events,
    clock,
    audit: stores.audit,
    agencies: { get: async (id: string) => (await stores.agencies.get(id))?.agency ?? null },
  };
  return idempotentCommand(
    'submitReport',
    tableName,
    async ({ scope, request }: { scope: string; request: SubmitRequest }) => {
      const report = await submitReport(
        { ...request, person: request.actor.person, reportId: stableId('rep', scope) },
        deps,
      );
      metrics.addDimensions({ sector: report.sector });
      metrics.addMetric('ReportsAccepted', MetricUnit.Count, 1);
      return report;
    },
  );
}
