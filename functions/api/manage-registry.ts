/**
 * PATCH /plans/{code}, POST /agencies, PATCH /agencies/{agencyId}, POST
 * /agencies/{agencyId}/merge, POST /indicators, PATCH /indicators/{code}, PUT
 * /plans/{code}/indicator-links (admin).
 */
import { actorOf } from '#shared/domain/access/caller.ts';
import type { Indicator } from '#shared/domain/indicator/indicator.ts';
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import {
  agencyPatchSchema,
  newAgencySchema,
  type NewAgency,
} from '#shared/domain/registry/agency-changes.ts';
import {
  createIndicator,
  indicatorPatchSchema,
  newIndicatorSchema,
  updateIndicator,
} from '#shared/use-cases/indicators/manage-indicators.ts';
import {
  confirmLinks,
  linkChangesSchema,
  targetLinker,
} from '#shared/use-cases/indicators/plan-links.ts';
import { correctPlan, planPatchSchema } from '#shared/use-cases/registry/correct-plan.ts';
import {
  addAgency,
  changeAgency,
  mergeAgency,
} from '#shared/use-cases/registry/manage-agencies.ts';
import { systemClock, tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { idempotentCommand } from './http/idempotency.ts';
import { idempotencyScope, stableId } from './http/idempotency-key.ts';
import { httpApi, json } from './http/middleware.ts';
import { callerOf, parsePart } from './http/request.ts';
import {
  agencyPathSchema,
  indicatorPathSchema,
  mergeBodySchema,
  planPathSchema,
} from './schemas/requests.ts';

const { tableName, stores } = tableStores();
const reassign = {
  relinkTasks: (from: string, into: string) => stores.agencies.relinkTasks(from, into),
  reassignTokens: (from: string, into: string) => stores.tokens.reassignTokens(from, into),
};

/** Corrections need no more than this; a re-sectored plan of 5,000 tasks fits well within. */
const CORRECTION_BUDGET_MS = 25_000;

function depsFor(actor: Actor, requestId: string) {
  return {
    agencies: stores.agencies,
    plans: stores.plans,
    audit: stores.audit,
    indicators: stores.indicators,
    links: targetLinker(stores.indicators),
    reassign,
    clock: systemClock,
    actor,
    requestId,
    deadline: Date.now() + CORRECTION_BUDGET_MS,
  };
}

/** POSTs carry an Idempotency-Key: a retried create or merge returns the first answer. */
const createOnce = idempotentCommand(
  'createAgency',
  tableName,
  async ({ scope, request }: { scope: string; request: { body: NewAgency; actor: Actor } }) =>
    addAgency(request.body, depsFor(request.actor, stableId('aud', scope))),
);

const mergeOnce = idempotentCommand(
  'mergeAgency',
  tableName,
  async ({
    scope,
    request,
  }: {
    scope: string;
    request: { agencyId: string; into: string; actor: Actor };
  }) => mergeAgency(request.agencyId, request.into, depsFor(request.actor, stableId('aud', scope))),
);

const createIndicatorOnce = idempotentCommand(
  'createIndicator',
  tableName,
  async ({ scope, request }: { scope: string; request: { body: Indicator; actor: Actor } }) =>
    createIndicator(request.body, depsFor(request.actor, stableId('aud', scope))),
);

export const handler = httpApi(
  dispatch<'manageRegistry'>({
    'PATCH /plans/{code}': async (event) => {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      const patch = parsePart(planPatchSchema, event.body as unknown, 'body');
      const actor = actorOf(callerOf(event));
      return json(
        200,
        await correctPlan(code, patch, depsFor(actor, event.requestContext.requestId)),
      );
    },
    'POST /agencies': async (event, context) => {
      const caller = callerOf(event);
      const scope = idempotencyScope(event, caller);
      const body = parsePart(newAgencySchema, event.body as unknown, 'body');
      const agency = await createOnce(
        { scope, request: { body, actor: actorOf(caller) } },
        context,
      );
      return json(201, agency, { location: `/agencies/${agency.id}` });
    },
    'PATCH /agencies/{agencyId}': async (event) => {
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      const patch = parsePart(agencyPatchSchema, event.body as unknown, 'body');
      const actor = actorOf(callerOf(event));
      return json(
        200,
        await changeAgency(agencyId, patch, depsFor(actor, event.requestContext.requestId)),
      );
    },
    'POST /agencies/{agencyId}/merge': async (event, context) => {
      const caller = callerOf(event);
      const scope = idempotencyScope(event, caller);
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      const { into } = parsePart(mergeBodySchema, event.body as unknown, 'body');
      const request = { agencyId, into, actor: actorOf(caller) };
      return json(200, await mergeOnce({ scope, request }, context));
    },
    'POST /indicators': async (event, context) => {
      const caller = callerOf(event);
      const scope = idempotencyScope(event, caller);
      const body = parsePart(newIndicatorSchema, event.body as unknown, 'body');
      const indicator = await createIndicatorOnce(
        { scope, request: { body, actor: actorOf(caller) } },
        context,
      );
      return json(201, indicator, { location: `/indicators/${indicator.code}` });
    },
    'PATCH /indicators/{code}': async (event) => {
      const { code } = parsePart(indicatorPathSchema, event.pathParameters, 'path');
      const patch = parsePart(indicatorPatchSchema, event.body as unknown, 'body');
      const actor = actorOf(callerOf(event));
      return json(
        200,
        await updateIndicator(code, patch, depsFor(actor, event.requestContext.requestId)),
      );
    },
    'PUT /plans/{code}/indicator-links': async (event) => {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      const changes = parsePart(linkChangesSchema, event.body as unknown, 'body');
      const actor = actorOf(callerOf(event));
      const items = await confirmLinks(
        code,
        changes,
        depsFor(actor, event.requestContext.requestId),
      );
      return json(200, { items, nextCursor: null });
    },
  }),
  { json: true },
);
