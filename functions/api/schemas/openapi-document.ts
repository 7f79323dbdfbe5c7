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
import { contributionSubmissionSchema } from '#shared/domain/progress/contribution.ts';
import { reportSubmissionSchema } from '#shared/domain/progress/report.ts';
import { snapshotSchema } from '#shared/domain/rollup/snapshot-schema.ts';
import { ROUTES } from '#shared/platform/routes.ts';
import { agencyPatchSchema, newAgencySchema } from '#shared/domain/registry/agency-changes.ts';
import {
  indicatorPatchSchema,
  newIndicatorSchema,
} from '#shared/use-cases/indicators/manage-indicators.ts';
import { linkChangesSchema } from '#shared/use-cases/indicators/plan-links.ts';
import { valueSubmissionSchema } from '#shared/use-cases/indicators/report-indicator-value.ts';
import { planPatchSchema } from '#shared/use-cases/registry/correct-plan.ts';
import {
  reminderSettingsChangeSchema,
  storedReminderSettingsSchema,
} from '#shared/use-cases/reminders/reminder-settings.ts';
import {
  agencyPathSchema,
  auditQuerySchema,
  mergeBodySchema,
  pageQuerySchema,
  planImportSchema,
  reminderRunRequestSchema,
  reviewDecisionsSchema,
  reviewQuerySchema,
  figuresPathSchema,
  figuresQuerySchema,
  indicatorPathSchema,
  planPathSchema,
  riskListQuerySchema,
  rollupPathSchema,
  rollupQuerySchema,
  rollupRunQuerySchema,
  jobPathSchema,
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
import { idempotencyHeaderSchema } from '../http/idempotency-key.ts';
import { jobResponseSchema, problemSchema, responses } from './responses.ts';

type RouteKeyOf<R> = R extends { method: infer M extends string; path: infer P extends string }
  ? `${M} ${P}`
  : never;
type RouteKey = RouteKeyOf<(typeof ROUTES)[number]>;

const idempotencyHeader = idempotencyHeaderSchema;

/** 202 with the job just asked for, and where to follow it. */
const jobAccepted = (description: string) => ({
  description,
  headers: z.object({
    location: z.string().meta({ description: 'The job: GET it until it has finished' }),
  }),
  content: { 'application/json': { schema: jobResponseSchema } },
});

const ok = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A snapshot as JSON, CSV for Excel, an Excel workbook, or the quarterly report in Word. */
const snapshotFormats = (description: string, schema: z.ZodType) => ({
  description: `${description}. Send Accept with the document's media type for xlsx and docx: API Gateway returns bytes only then.`,
  content: {
    'application/json': { schema },
    'text/csv': {
      schema: z.string().meta({ description: 'UTF-8 with a byte order mark, for Excel' }),
    },
    ...xlsxContent,
    ...docxContent,
  },
});

/**
 * 303 when the body would not fit in one response (Lambda answers at most 6 MB): it waits
 * at a time-limited URL instead, with the same media type and file name.
 */
const tooLargeForOneResponse = {
  id: 'SeeLargeBody',
  description:
    'The body is too large for one response: GET the Location, a signed URL valid for 15 minutes (S3 on AWS, the runtime’s own route locally), which serves the same bytes with the same Content-Type and Content-Disposition. Send no Authorization header there: the URL carries its own.',
  headers: z.object({
    location: z.string().meta({ description: 'The signed URL of the body' }),
  }),
};

/** What each problem status means here; each is one response component, referenced. */
const PROBLEM_MEANINGS = {
  400: 'The request is invalid; `errors` names each field and what is wrong with it',
  401: 'No valid bearer token: missing, unknown, revoked or expired',
  403: "The token's role may not use this route, or its agency does not hold the task",
  404: 'No such resource',
  409: 'A request with this Idempotency-Key is still in progress; retry shortly',
  413: 'The body is too large, or a document over its stated limits',
  415: 'The body is not of the media type the route takes',
  422: 'The request cannot be carried out as it is: `errors` says why (an Idempotency-Key used with another request, a document that cannot be imported, names to resolve, a rule of the registry)',
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
  'GET /tasks/{taskId}/contributions': {
    operationId: 'listTaskContributions',
    summary: "The coordinating agencies' contributions to a task, newest first",
    requestParams: { path: taskPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of contributions', responses.contributionPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'POST /tasks/{taskId}/contributions': {
    operationId: 'fileContribution',
    summary:
      'File a contribution (a coordinating agency): its part, figures, obstacles and proposals; it never moves the task',
    requestParams: { path: taskPathSchema, header: idempotencyHeader },
    requestBody: {
      content: { 'application/json': { schema: contributionSubmissionSchema } },
    },
    responses: {
      '201': ok('The stored contribution', responses.contribution),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'GET /agencies/{agencyId}/contributions': {
    operationId: 'listAgencyInbox',
    summary: 'The contributions to the tasks an agency leads (its inbox), newest first',
    requestParams: { path: agencyPathSchema, query: pageQuerySchema },
    responses: {
      '200': ok('A page of contributions', responses.contributionPage),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /reviews': {
    operationId: 'listPendingReviews',
    summary:
      "Reports waiting for the caller's approval, each with what it changes against the last accepted one",
    requestParams: { query: reviewQuerySchema },
    responses: {
      '200': ok('A page of waiting reports', responses.pendingReviewPage),
      ...problems(...READ_ERRORS),
    },
  },
  'POST /reviews': {
    operationId: 'decideReviews',
    summary: 'Accept or return several waiting reports at once (a return says why)',
    requestBody: { content: { 'application/json': { schema: reviewDecisionsSchema } } },
    responses: {
      '200': ok('What each decision did', responses.reviewOutcomes),
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
  'GET /agencies/{agencyId}': {
    operationId: 'getAgency',
    summary: 'An agency, with its aliases, memberships and merges',
    requestParams: { path: agencyPathSchema },
    responses: { '200': ok('The agency', responses.agency), ...problems(...READ_ERRORS, 404) },
  },
  'POST /agencies': {
    operationId: 'createAgency',
    summary: 'Create an agency (admin)',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: newAgencySchema } } },
    responses: {
      '201': ok('The agency', responses.agency),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS),
    },
  },
  'PATCH /agencies/{agencyId}': {
    operationId: 'updateAgency',
    summary: 'Rename an agency, change its aliases or memberships, deactivate it (admin)',
    requestParams: { path: agencyPathSchema },
    requestBody: { content: { 'application/json': { schema: agencyPatchSchema } } },
    responses: {
      '200': ok('The agency', responses.agency),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'POST /agencies/{agencyId}/merge': {
    operationId: 'mergeAgency',
    summary:
      'Merge the agency into another (admin): the survivor takes its names, task links and tokens',
    requestParams: { path: agencyPathSchema, header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: mergeBodySchema } } },
    responses: {
      '200': ok('What the merge changed', responses.agencyMerge),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'GET /plans': {
    operationId: 'listPlans',
    summary: 'List plans and notices',
    requestParams: { query: pageQuerySchema },
    responses: { '200': ok('A page of plans', responses.planList), ...problems(...READ_ERRORS) },
  },
  'GET /plans/{code}': {
    operationId: 'getPlan',
    summary: 'A plan: its document, status, sections and current version',
    requestParams: { path: planPathSchema },
    responses: { '200': ok('The plan', responses.plan), ...problems(...READ_ERRORS, 404) },
  },
  'PATCH /plans/{code}': {
    operationId: 'correctPlan',
    summary:
      'Correct a plan (admin): title, dates, period, status; a changed sector map publishes a new version',
    requestParams: { path: planPathSchema },
    requestBody: { content: { 'application/json': { schema: planPatchSchema } } },
    responses: {
      '200': ok('The corrected plan', responses.planRecord),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'GET /plans/{code}/versions': {
    operationId: 'listPlanVersions',
    summary: "A plan's versions, newest first: what each import created, updated and retired",
    requestParams: { path: planPathSchema },
    responses: {
      '200': ok('The versions', responses.planVersions),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /audit': {
    operationId: 'listAudit',
    summary: 'The audit trail of registry changes (admin), newest first',
    requestParams: { query: auditQuerySchema },
    responses: { '200': ok('A page of entries', responses.auditPage), ...problems(...READ_ERRORS) },
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
    summary: 'Run the daily risk scan now (admin): a job, followed at GET /jobs/{id}',
    requestParams: { header: idempotencyHeader },
    responses: {
      '202': jobAccepted('The scan, queued; its result says what it found'),
      ...problems(...COMMAND_ERRORS),
    },
  },
  'POST /rollups/{period}/runs': {
    operationId: 'runRollup',
    summary:
      "Take a period's snapshots now (admin): preliminary before its deadline, the official one after it, then a revision when later data changed anything",
    requestParams: {
      path: rollupPathSchema.pick({ period: true }),
      query: rollupRunQuerySchema,
      header: idempotencyHeader,
    },
    responses: {
      '202': jobAccepted('The rollup, queued; its result lists the snapshots that stand'),
      ...problems(...COMMAND_ERRORS),
    },
  },
  'GET /jobs/{id}': {
    operationId: 'getJob',
    summary:
      'A job (admin): queued, running (with its progress), succeeded (with its result) or failed (with its problems)',
    requestParams: { path: jobPathSchema },
    responses: {
      '200': ok('The job', jobResponseSchema),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /rollups/{period}': {
    operationId: 'getPeriodRollup',
    summary:
      "A period's snapshots of every sector (the latest revision, or ?revision=N): JSON, CSV, an Excel workbook or the period's report in Word (?format=)",
    requestParams: { path: rollupPathSchema.pick({ period: true }), query: rollupQuerySchema },
    responses: {
      '200': snapshotFormats('The snapshots', responses.rollupPeriod),
      '303': tooLargeForOneResponse,
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /rollups/{period}/{sector}': {
    operationId: 'getSectorRollup',
    summary:
      "One sector's snapshot of a period (the latest revision, or ?revision=N): JSON, CSV, an Excel workbook or the period's report in Word (?format=)",
    requestParams: { path: rollupPathSchema.required(), query: rollupQuerySchema },
    responses: {
      '200': snapshotFormats('The snapshot', snapshotSchema),
      '303': tooLargeForOneResponse,
      ...problems(...READ_ERRORS, 404),
    },
  },
  'GET /figures/{period}': {
    operationId: 'getFigures',
    summary:
      'Every indicator\'s figures for a period and the year to date, as they stand now: plan, actual, "đạt X% kế hoạch", the same period a year before and "bằng Y% cùng kỳ"',
    requestParams: { path: figuresPathSchema, query: figuresQuerySchema },
    responses: {
      '200': ok('The figures, in the registry’s order', responses.figures),
      ...problems(...READ_ERRORS),
    },
  },
  'GET /indicators': {
    operationId: 'listIndicators',
    summary: "The province's indicators (chỉ tiêu), in the registry's order",
    responses: {
      '200': ok('The indicators', responses.indicatorList),
      ...problems(...READ_ERRORS),
    },
  },
  'POST /indicators': {
    operationId: 'createIndicator',
    summary: 'Add an indicator to the registry (admin)',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: newIndicatorSchema } } },
    responses: {
      '201': ok('The indicator', responses.indicator),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS),
    },
  },
  'GET /indicators/{code}': {
    operationId: 'getIndicator',
    summary: 'An indicator',
    requestParams: { path: indicatorPathSchema },
    responses: {
      '200': ok('The indicator', responses.indicator),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'PATCH /indicators/{code}': {
    operationId: 'updateIndicator',
    summary:
      'Correct an indicator (admin): names, unit, sector, aggregation, owners; a change that would leave a linked target in another unit or sector is refused',
    requestParams: { path: indicatorPathSchema },
    requestBody: { content: { 'application/json': { schema: indicatorPatchSchema } } },
    responses: {
      '200': ok('The indicator', responses.indicator),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'POST /indicators/{code}/values': {
    operationId: 'reportIndicatorValue',
    summary:
      "Report an indicator's actual value for a period (an agency that owns it, or an admin): an estimate or final; past periods too",
    requestParams: { path: indicatorPathSchema, header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: valueSubmissionSchema } } },
    responses: {
      '201': ok('The stored value', responses.indicatorValue),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'GET /plans/{code}/indicator-links': {
    operationId: 'listPlanIndicatorLinks',
    summary:
      "A plan's targets with the indicator each feeds: confirmed by an admin, suggested by the import, or none, with the candidates",
    requestParams: { path: planPathSchema },
    responses: {
      '200': ok('The targets', responses.targetLinks),
      ...problems(...READ_ERRORS, 404),
    },
  },
  'PUT /plans/{code}/indicator-links': {
    operationId: 'confirmPlanIndicatorLinks',
    summary:
      "Confirm or correct the indicators of a plan's targets (admin); a link between different units or sectors is refused, and nothing is written unless every link is valid",
    requestParams: { path: planPathSchema },
    requestBody: { content: { 'application/json': { schema: linkChangesSchema } } },
    responses: {
      '200': ok('The targets', responses.targetLinks),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS, 404),
    },
  },
  'POST /reminders/runs': {
    operationId: 'runReminders',
    summary:
      'Run the reminders now (admin): the daily reminders and escalations, or the weekly digest; a job, followed at GET /jobs/{id}',
    description:
      'The same work the schedules do. Each notice (kind, period, agency, task, recipient) is claimed before anything is sent, so running a job again, or two at once, sends nothing twice; an agency without an address is listed in the result’s `withoutAddress` and reached by a later run once it has one.',
    requestParams: { header: idempotencyHeader },
    requestBody: { content: { 'application/json': { schema: reminderRunRequestSchema } } },
    responses: {
      '202': jobAccepted('The run, queued; its result says what it queued (a ReminderRun)'),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS),
    },
  },
  'GET /reminder-settings': {
    operationId: 'getReminderSettings',
    summary:
      "The province's reminder settings (admin): the provincial office, days of notice, grace",
    responses: {
      '200': ok('The settings and their revision', storedReminderSettingsSchema),
      ...problems(...TOKEN_ROUTE_ERRORS),
    },
  },
  'PUT /reminder-settings': {
    operationId: 'changeReminderSettings',
    summary: "Change the province's reminder settings (admin, audited)",
    requestBody: { content: { 'application/json': { schema: reminderSettingsChangeSchema } } },
    responses: {
      '200': ok('The settings as stored', storedReminderSettingsSchema),
      ...problems(...COMMAND_ERRORS, ...BODY_ERRORS),
    },
  },
  'GET /report-template': {
    operationId: 'getReportTemplate',
    summary: 'The Word template the quarterly report is filled into (admin)',
    description: `The province's own template, or the platform's default (header x-report-template says which). ${TEMPLATE_DESCRIPTION}`,
    responses: {
      '200': { description: 'The template', content: docxContent },
      ...problems(...TOKEN_ROUTE_ERRORS),
    },
  },
  'PUT /report-template': {
    operationId: 'replaceReportTemplate',
    summary: 'Replace the report template (admin)',
    description: TEMPLATE_DESCRIPTION,
    requestBody: { content: docxContent },
    responses: {
      '200': ok('The stored template', templateSummarySchema),
      ...problems(...TOKEN_ROUTE_ERRORS, ...BODY_ERRORS, 422),
    },
  },
  'DELETE /report-template': {
    operationId: 'resetReportTemplate',
    summary: "Go back to the platform's default report template (admin)",
    responses: {
      '200': ok('The default template is in use', templateResetSchema),
      ...problems(...TOKEN_ROUTE_ERRORS),
    },
  },
  'POST /plans': {
    operationId: 'importPlan',
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
      '202': jobAccepted(
        'A large document (256 KiB and more as sent), imported by a job whose result is the import',
      ),
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
    servers: SERVERS,
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  });
}
