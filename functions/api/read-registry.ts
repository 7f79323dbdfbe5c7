/** GET /plans…, /agencies…, /indicators…, /audit: the registry and its history. */
import { NotFoundError } from '#shared/domain/errors.ts';
import { planLinks } from '#shared/use-cases/indicators/plan-links.ts';
import { tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { httpApi, json } from './http/middleware.ts';
import { parsePart } from './http/request.ts';
import {
  agencyPathSchema,
  auditQuerySchema,
  indicatorPathSchema,
  pageQuerySchema,
  planPathSchema,
} from './schemas/requests.ts';

const { reads, plans, audit, indicators } = tableStores().stores;

const planNotFound = (code: string) =>
  new NotFoundError('plan-not-found', `không có kế hoạch ${code}`);

async function agencyOrNotFound(agencyId: string) {
  const agency = await reads.getAgency(agencyId);
  if (!agency) throw new NotFoundError('agency-not-found', `không có cơ quan ${agencyId}`);
  return agency;
}

/** The oldest instant an audit listing reaches back to by default: a year. */
const DEFAULT_AUDIT_DAYS = 366;

export const handler = httpApi(
  dispatch<'readRegistry'>({
    'GET /plans': async (event) => {
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      return json(200, await reads.listPlans(limit, cursor));
    },
    'GET /plans/{code}': async (event) => {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      const plan = await reads.getPlan(code);
      if (!plan) throw planNotFound(code);
      const version = await plans.getVersion(code, plan.currentVersion);
      return json(200, { ...plan, taskIds: version?.taskIds ?? [] });
    },
    'GET /plans/{code}/versions': async (event) => {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      if (!(await reads.getPlan(code))) throw planNotFound(code);
      const versions = await plans.listVersions(code);
      return json(200, { items: versions.reverse(), nextCursor: null });
    },
    'GET /plans/{code}/indicator-links': async (event) => {
      const { code } = parsePart(planPathSchema, event.pathParameters, 'path');
      const items = await planLinks(code, { indicators, plans });
      return json(200, { items, nextCursor: null });
    },
    'GET /indicators': async () => {
      const items = (await indicators.listIndicators()).map((stored) => ({
        ...stored.indicator,
        revision: stored.revision,
      }));
      return json(200, { items, nextCursor: null });
    },
    'GET /indicators/{code}': async (event) => {
      const { code } = parsePart(indicatorPathSchema, event.pathParameters, 'path');
      const stored = (await indicators.listIndicators()).find((s) => s.indicator.code === code);
      if (!stored) throw new NotFoundError('indicator-not-found', `không có chỉ tiêu ${code}`);
      return json(200, { ...stored.indicator, revision: stored.revision });
    },
    'GET /agencies': async (event) => {
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      return json(200, await reads.listAgencies(limit, cursor));
    },
    'GET /agencies/{agencyId}': async (event) => {
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      return json(200, await agencyOrNotFound(agencyId));
    },
    'GET /agencies/{agencyId}/tasks': async (event) => {
      const { agencyId } = parsePart(agencyPathSchema, event.pathParameters, 'path');
      const { limit, cursor } = parsePart(pageQuerySchema, event.queryStringParameters, 'query');
      const agency = await agencyOrNotFound(agencyId);
      return json(200, await reads.listAgencyTasks(agency, limit, cursor));
    },
    'GET /audit': async (event) => {
      const { limit, cursor, from, to, ...filter } = parsePart(
        auditQuerySchema,
        event.queryStringParameters,
        'query',
      );
      const now = new Date();
      const range = {
        to: new Date(to ?? now).toISOString(),
        from: new Date(from ?? now.getTime() - DEFAULT_AUDIT_DAYS * 86_400_000).toISOString(),
      };
      return json(200, await audit.list({ ...filter, ...range }, limit, cursor));
    },
  }),
);
