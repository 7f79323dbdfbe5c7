/**
 * POST /indicators/{code}/values: an agency that owns the indicator (or an admin, for
 * any agency) reports its actual value for a period, an estimate or final; history for
 * past periods is entered the same way.
 */
import { ForbiddenError } from '#shared/domain/errors.ts';
import { logger } from '#shared/observability.ts';
import {
  reportIndicatorValue,
  valueSubmissionSchema,
  type ReportValueCommand,
} from '#shared/use-cases/indicators/report-indicator-value.ts';
import { systemClock, tableStores } from '../wiring.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import { indicatorPathSchema } from './schemas/requests.ts';

const { tableName, stores } = tableStores();
const deps = { indicators: stores.indicators, clock: systemClock };

const reportOnce = idempotentCommand(
  'submitIndicatorValue',
  tableName,
  async ({ scope, request }: { scope: string; request: Omit<ReportValueCommand, 'valueId'> }) =>
    reportIndicatorValue({ ...request, valueId: stableId('val', scope) }, deps),
);

export const handler = httpApi(
  async (event, context) => {
    const caller = callerOf(event);
    if (caller.role === 'viewer') {
      throw new ForbiddenError('viewer', 'a viewer token reads only');
    }
    const { code } = parsePart(indicatorPathSchema, event.pathParameters, 'path');
    const scope = idempotencyScope(event, caller);
    const submission = parsePart(valueSubmissionSchema, event.body as unknown, 'body');
    logger.appendKeys({ agency: caller.agencyId, indicator: code });
    const reporter = { role: caller.role, agencyId: caller.agencyId, actsFor: caller.actsFor };
    const value = await reportOnce(
      { scope, request: { indicator: code, submission, reporter } },
      context,
    );
    return json(201, value);
  },
  { json: true },
);
