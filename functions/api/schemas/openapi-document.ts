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
import { agencyPatchSchema, newAgencySchema } from '#shared/domain/registry/agency-changes.ts';
import { planPatchSchema } from '#shared/use-cases/registry/correct-plan.ts';
import {
  agencyPathSchema,
  auditQuerySchema,
  mergeBodySchema,
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
import {
  docxContent,
  TEMPLATE_DESCRIPTION,
  templateResetSchema,
  templateSummarySchema,
  xlsxContent,
} from './report-template.ts';
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
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: 'Problem details',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  );
const READ_ERRORS = [400, 401, 403] as const;

const OPERATIONS: Record<RouteKey, ZodOpenApiOperationObject> = {
  'GET /openapi.json': {
    summary: 'This document',
    security: [],
    responses: { '200': { description: 'OpenAPI 3.1 document' } },
  },
  'GET /tasks': {
    summary: 'List tasks, filtered',
    requestParams: { query: taskListQuerySchema },
    responses: { '200': ok('A page of tasks', responses.taskPage), ...problems(...READ_ERRORS) },
  },
  'GET /tasks/{taskId}': {
    summary: 'A task with its latest state per agency and its risk flags',
    requestParams: { path: taskPathSchema },
    responses: { '200': ok('The task', responses.taskDetail), ...problems(...READ_ERRORS, 404) },
  },
  'GET /tasks/{taskId}/reports': {
    summary: "A task's reports, newest first",
    requestParams: { path: taskPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of reports', responses.reportPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'POST /tasks/{taskId}/reports': {
    summary: 'Submit a progress report (agency tokens, on tasks the agency holds)',
    requestParams: { path: taskPathSchema, header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: reportSubmissionSchema } } },
    responses: {
      '201': ok('The stored report', responses.report),
      ...problems(400, 401, 403, 404, 409, 413, 415, 422),
    },
  },
  'GET /agencies': {
    summary: 'List agencies',
    requestParams: { query: pageQuerySchema },
    responses: {
      '200': ok('A page of agencies', responses.agencyPage),
      ...problems(...READ_ERRORS),
    },
  },
  'GET /agencies/{agencyId}/tasks': {
    summary: 'Tasks an agency leads or coordinates',
    requestParams: { path: agencyPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of tasks', responses.agencyTaskPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /plans': {
    summary: 'List plans and notices',
    requestParams: { query: pageQuerySchema },
    responses: { '200': ok('A page of plans', responses.planList), ...problems(...READ_ERRORS) },
  },
  'GET /plans/{code}': {
    summary: 'A plan: its document, status, sections and current version',
    requestParams: { path: planPathSchema },
    responses: { '200': ok('The plan', responses.plan), ...problems(...READ_ERRORS, 404) },
  },
  'PATCH /plans/{code}': {
    summary:
      'Correct a plan (admin): title, dates, period, status; a changed sector map publishes a new version',
    requestParams: { path: planPathSchema },
    requestBody: { content: { 'application/json': { schema: planPatchSchema } } },
    responses: {
      '200': ok('The corrected plan', responses.planRecord),
      ...problems(400, 401, 403, 404, 409, 415, 422),
    },
  },
  'GET /plans/{code}/versions': {
    summary: "A plan's versions, newest first: what each import created, updated and retired",
    requestParams: { path: planPathSchema },
    responses: {
      '200': ok('The versions', responses.planVersions),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /agencies/{agencyId}': {
    summary: 'An agency, with its aliases, memberships and merges',
    requestParams: { path: agencyPathSchema },
    responses: { '200': ok('The agency', responses.agency), ...problems(...READ_ERRORS, 404) },
  },
  'POST /agencies': {
    summary: 'Create an agency (admin)',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: newAgencySchema } } },
    responses: {
      '201': ok('The agency', responses.agency),
      ...problems(400, 401, 403, 409, 415, 422),
    },
  },
  'PATCH /agencies/{agencyId}': {
    summary: 'Rename an agency, change its aliases or memberships, deactivate it (admin)',
    requestParams: { path: agencyPathSchema },
    requestBody: { content: { 'application/json': { schema: agencyPatchSchema } } },
    responses: {
      '200': ok('The agency', responses.agency),
      ...problems(400, 401, 403, 404, 409, 415, 422),
    },
  },
  'POST /agencies/{agencyId}/merge': {
    summary:
      'Merge the agency into another (admin): the survivor takes its names, task links and tokens',
    requestParams: { path: agencyPathSchema, header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: mergeBodySchema } } },
    responses: {
      '200': ok('What the merge changed', responses.agencyMerge),
      ...problems(400, 401, 403, 404, 409, 415, 422),
    },
  },
  'GET /audit': {
    summary: 'The audit trail of registry changes (admin), newest first',
    requestParams: { query: auditQuerySchema },
    responses: { '200': ok('A page of entries', responses.auditPage), ...problems(...READ_ERRORS) },
  },
  'GET /risks': {
    summary: 'Tasks at risk, with their reasons',
    requestParams: { query: riskListQuerySchema },
    responses: {
      '200': ok('A page of risk flags', responses.riskPage),
      ...problems(...READ_ERRORS),
    },
  },
  'POST /risks/scans': {
    summary: 'Run the daily risk scan now (admin)',
    requestParams: { header: idempotencyHeader },
    responses: {
      '200': ok('What the scan found', responses.riskScan),
      ...problems(400, 401, 403, 409, 422),
    },
  },
  'POST /rollups/{quarter}/runs': {
    summary: "Run a quarter's rollup now (admin); the current quarter gives a preliminary snapshot",
    requestParams: {
      path: rollupPathSchema.pick({ quarter: true }),
      query: rollupRunQuerySchema,
      header: idempotencyHeader,
    },
    responses: {
      '200': ok('The snapshots computed', responses.rollupRun),
      ...problems(400, 401, 403, 409, 422),
    },
  },
  'GET /rollups/{quarter}': {
    summary:
      "A quarter's snapshots of every sector: JSON, CSV, an Excel workbook or the quarterly report in Word (?format=)",
    requestParams: { path: rollupPathSchema.pick({ quarter: true }), query: rollupQuerySchema },
    responses: {
      '200': {
        description:
          'The snapshots. Send Accept with the document’s media type for xlsx and docx: API Gateway returns bytes only then.',
        content: {
          'application/json': { schema: responses.rollupQuarter },
          'text/csv': {},
          ...xlsxContent,
          ...docxContent,
        },
      },
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /rollups/{quarter}/{sector}': {
    summary:
      "One sector's snapshot of a quarter: JSON, CSV, an Excel workbook or the quarterly report in Word (?format=)",
    requestParams: { path: rollupPathSchema.required(), query: rollupQuerySchema },
    responses: {
      '200': {
        description:
          'The snapshot. Send Accept with the document’s media type for xlsx and docx: API Gateway returns bytes only then.',
        content: {
          'application/json': { schema: snapshotSchema },
          'text/csv': {},
          ...xlsxContent,
          ...docxContent,
        },
      },
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /report-template': {
    summary: 'The Word template the quarterly report is filled into (admin)',
    description: `The province's own template, or the platform's default (header x-report-template says which). ${TEMPLATE_DESCRIPTION}`,
    responses: {
      '200': { description: 'The template', content: docxContent },
      ...problems(401, 403),
    },
  },
  'PUT /report-template': {
    summary: 'Replace the report template (admin)',
    description: TEMPLATE_DESCRIPTION,
    requestBody: { content: docxContent },
    responses: {
      '200': ok('The stored template', templateSummarySchema),
      ...problems(401, 403, 413, 415, 422),
    },
  },
  'DELETE /report-template': {
    summary: "Go back to the platform's default report template (admin)",
    responses: {
      '200': ok('The default template is in use', templateResetSchema),
      ...problems(401, 403),
    },
  },
  'POST /plans': {
    summary:
      'Import a plan appendix or a conclusion notice (admin), as text or .docx; dryRun previews it',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: planImportSchema } } },
    responses: {
      '200': {
        description: 'The preview (dryRun), or the import of an existing plan',
        content: {
          'application/json': {
            schema: z.union([responses.importPreview, responses.importResult]),
          },
        },
      },
      '201': ok('The import of a new plan', responses.importResult),
      ...problems(400, 401, 403, 409, 413, 415, 422, 503),
    },
  },
};

export function openApiDocument(serverUrl = '/') {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTES) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
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
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  });
}
