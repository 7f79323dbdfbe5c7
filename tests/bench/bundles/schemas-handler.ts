/**
 * A reference bundle: zod and the schemas the API's functions build at import (every
 * request's, the stored report's, the report event's), with no AWS SDK: what validation
 * alone costs a cold start, beside the SDK clients' floor.
 */
import * as requests from '#functions/api/schemas/requests.ts';
import { progressReportSchema, reportSubmissionSchema } from '#shared/domain/progress/report.ts';
import { progressReportedSchema } from '#shared/events/progress-reported.ts';

const schemas = [
  ...Object.values(requests),
  progressReportSchema,
  reportSubmissionSchema,
  progressReportedSchema,
];

export const handler = async (event: unknown) => ({
  schemas: schemas.length,
  valid: reportSubmissionSchema.safeParse(event).success,
});
