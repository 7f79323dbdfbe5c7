/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate requests
 * (zod-openapi) and the route declarations; never written by hand. The type of
 * OPERATIONS makes a route without an operation a compile error.
 */
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import * as z from 'zod';
import { reportSubmissionSchema } from '#shared/domain/progress/report.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import { ROUTES } from '#shared/platform/routes.ts';
import {
  agencyPathSchema,
  pageQuerySchema,
  planImportSchema,
  planPathSchema,
  riskListQuerySchema,
  rollupPathSchema,
  rollupQuerySchema,
  rollupRunQuerySchema,
  taskListQuerySchema,
  taskPathSchema,
} from './requests.ts';
import { problemSchema, responses } from './responses.ts';

type RouteKeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;
type RouteKey = RouteKeyOf<(typeof ROUTES)[number]>;

const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(255).meta({
    description: 'Unique per request and reused on retry: a replay returns the first response',
  }),
});

const ok = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A snapshot as JSON, or as CSV (`?format=csv`) for Excel. */
const jsonOrCsv = (description: string, schema: z.ZodType) => ({
  description,
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z.string().meta({ description: 'UTF-8 with a byte order mark, for Excel' }),
    },
  },
});

/** What each problem status means here; each is one response component, referenced. */
const PROBLEM_MEANINGS = {
  400: 'The request is invalid; `errors` names each field and what is wrong with it',
  401: 'No valid bearer token: missing, unknown, revoked or expired',
  403: "The token's role may not use this route, or its agency does not hold the task",
  404: 'No such resource',
  409: 'A request with this Idempotency-Key is still in progress; retry shortly',
  413: 'The body is too large',
  415: 'The body is not application/json',
  422: 'This Idempotency-Key was used with another request',
  429: "Too many requests: the stage's throttling; retry later",
  500: 'An internal error (logged), or the authorizer failed',
  502: 'A function failed or answered malformed',
  503: 'The store is busy; retry, with the same Idempotency-Key for a POST',
  504: 'No answer within the 29 s integration timeout; retry, with the same Idempotency-Key for a POST',
} as const;
type ProblemStatus = keyof typeof PROBLEM_MEANINGS;

const PROBLEM_RESPONSES = Object.fromEntries(
  Object.entries(PROBLEM_MEANINGS).map(([status, description]) => [
    status,
    {
      id: `Problem${status}`,
      description,
      content: { 'application/problem+json': { schema: problemSchema } },
    },
  ]),
);
const problems = (...statuses: ProblemStatus[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), PROBLEM_RESPONSES[status]]));

/** What the gateway answers on any route: throttling, failures, timeouts. */
const GATEWAY_ERRORS = [429, 500, 502, 504] as const;
/** What a route behind the authorizer that reads or writes the table can answer besides. */
const TOKEN_ROUTE_ERRORS = [...GATEWAY_ERRORS, 401, 403, 503] as const;
const READ_ERRORS = [...TOKEN_ROUTE_ERRORS, 400] as const;
const COMMAND_ERRORS = [...TOKEN_ROUTE_ERRORS, 400, 409, 422] as const;
const BODY_ERRORS = [413, 415] as const;

type Operation = ZodOpenApiOperationObject & { operationId: string };

const OPERATIONS: Record<RouteKey, Operation> = {
  'GET /openapi.json': {
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    security: [],
    responses: {
      '200': ok('OpenAPI 3.1 document', z.record(z.string(), z.unknown())),
      ...problems(...GATEWAY_ERRORS),
    },
  },
  'GET /tasks': {
    operationId: 'listTasks',
    summary: 'List tasks, filtered',
    requestParams: { query: taskListQuerySchema },
    responses: { '200': ok('A page of tasks', responses.taskPage), ...problems(...READ_ERRORS) },
  },
  'GET /tasks/{taskId}': {
    operationId: 'getTask',
    summary: 'A task with its latest state per agency and its risk flags',
    requestParams: { path: taskPathSchema },
    responses: { '200': ok('The task', responses.taskDetail), ...problems(...READ_ERRORS, 404) },
  },
  'GET /tasks/{taskId}/reports': {
    operationId: 'listTaskReports',
    summary: "A task's reports, newest first",
    requestParams: { path: taskPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of reports', responses.reportPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'POST /tasks/{taskId}/reports': {
    operationId: 'submitReport',
    summary: 'Submit a progress report (agency tokens, on tasks the agency holds)',
    requestParams: { path: taskPathSchema, header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: reportSubmissionSchema } } },
    responses: {
      '201': ok('The stored report', responses.report),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'GET /agencies': {
    operationId: 'listAgencies',
    summary: 'List agencies',
    requestParams: { query: pageQuerySchema },
    responses: {
      '200': ok('A page of agencies', responses.agencyPage),
      ...problems(...READ_ERRORS),
    },
  },
  'GET /agencies/{agencyId}/tasks': {
    operationId: 'listAgencyTasks',
    summary: 'Tasks an agency leads or coordinates',
    requestParams: { path: agencyPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of tasks', responses.agencyTaskPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /plans': {
    operationId: 'listPlans',
    summary: 'List plans',
    responses: { '200': ok('The plans', responses.planList), ...problems(...READ_ERRORS) },
  },
  'GET /plans/{code}': {
    operationId: 'getPlan',
    summary: 'A plan',
    requestParams: { path: planPathSchema },
    responses: { '200': ok('The plan', responses.plan), ...problems(...READ_ERRORS, 404) },
  },
  'GET /risks': {
    operationId: 'listRisks',
    summary: 'Tasks at risk, with their reasons',
    requestParams: { query: riskListQuerySchema },
    responses: {
      '200': ok('A page of risk flags', responses.riskPage),
      ...problems(...READ_ERRORS),
    },
  },
  'POST /risks/scans': {
    operationId: 'runRiskScan',
    summary: 'Run the daily risk scan now (admin)',
    requestParams: { header: idempotencyHeader },
    responses: {
      '200': ok('What the scan found', responses.riskScan),
      ...problems(...COMMAND_ERRORS),
    },
  },
  'POST /rollups/{quarter}/runs': {
    operationId: 'runRollup',
    summary: "Run a quarter's rollup now (admin); the current quarter gives a preliminary snapshot",
    requestParams: {
      path: rollupPathSchema.pick({ quarter: true }),
      query: rollupRunQuerySchema,
      header: idempotencyHeader,
    },
    responses: {
      '200': ok('The snapshots computed', responses.rollupRun),
      ...problems(...COMMAND_ERRORS),
    },
  },
  'GET /rollups/{quarter}': {
    operationId: 'getQuarterRollup',
    summary: "A quarter's snapshots of every sector (JSON, or CSV with ?format=csv)",
    requestParams: { path: rollupPathSchema.pick({ quarter: true }), query: rollupQuerySchema },
    responses: {
      '200': jsonOrCsv('The snapshots', responses.rollupQuarter),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /rollups/{quarter}/{sector}': {
    operationId: 'getSectorRollup',
    summary: "One sector's snapshot of a quarter (JSON, or CSV with ?format=csv)",
    requestParams: { path: rollupPathSchema.required(), query: rollupQuerySchema },
    responses: {
      '200': jsonOrCsv('The snapshot', snapshotSchema),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'POST /plans': {
    operationId: 'importPlan',
    summary: 'Import a plan table (admin)',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: planImportSchema } } },
    responses: {
      '200': ok('What was created, updated and warned about', responses.importSummary),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS),
    },
  },
};

/**
 * Where the API answers. First a relative URL, which a reader resolves against the
 * document's own address (RFC 3986): `http://127.0.0.1:3000/` for the local platform, and
 * `https://…/prod/` for a deployed stage, its stage path kept (`/` would drop it). Then the
 * shape of a deployed stage's URL, for a copy of the document read elsewhere.
 */
const SERVERS = [
  { url: '.', description: 'Where this document is served: the local platform or a stage' },
  {
    url: 'https://{apiId}.execute-api.{region}.amazonaws.com/{stage}',
    description: 'A deployed stage (the stack output ApiUrl)',
    variables: {
      apiId: { default: 'abc123defg', description: "The REST API's id" },
      region: { default: 'ap-southeast-1' },
      stage: { default: 'prod' },
    },
  },
];

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTES) {
    const method = route.method.toLowerCase() as 'get' | 'post';
    const key = `${route.method} ${route.path}` as RouteKey;
    paths[route.path] = { ...paths[route.path], [method]: OPERATIONS[key] };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Lạng Sơn plan progress API',
      version: '1.0.0',
      description: 'Agencies report progress on the tasks of the provincial action plans.',
    },
    servers: SERVERS,
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  });
}
