/**
 * The event each function's first invocation receives in the benchmark: its main route or
 * trigger, valid, so the invocation runs through the handler's own path to its first AWS
 * calls (answered empty by aws-stub.ts). Typed against the event schemas, so a schema change
 * that would make one invalid fails to compile here rather than measuring a 400.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller } from '#shared/domain/access/caller.ts';
import type { TaskFlaggedAtRiskV1 } from '#shared/domain/risk/risk-events.ts';
import type { ProgressReportedV2 } from '#shared/events/progress-reported.ts';
import type { HandlerName } from '#shared/platform/handlers.ts';
import { agencyCaller, apiEvent } from '../../support/api-event.ts';
import { REPO_ROOT } from '../lib/child.ts';

const AGENCY = 'so-nong-nghiep-va-moi-truong';
const TASK = 'KH266-I-2';
const admin: Caller = {
  tokenId: 'tok_admin',
  role: 'admin',
  agencyId: null,
  actsFor: [],
  person: null,
};
const viewer: Caller = { ...admin, tokenId: 'tok_viewer', role: 'viewer' };

const progressReported: ProgressReportedV2 = {
  version: '2',
  reportId: 'rep_bench',
  taskId: TASK,
  agencyId: AGENCY,
  plan: 'KH266',
  sector: 'agriculture',
  period: '2026-Q4',
  timeliness: 'on_time',
  status: 'delayed',
  percentComplete: 20,
  hasObstacles: true,
  receivedAt: '2026-11-20T03:00:00.000Z',
};

const flagged: TaskFlaggedAtRiskV1 = {
  version: '1',
  taskId: TASK,
  plan: 'KH266',
  sector: 'agriculture',
  section: 'I',
  leadAgencyIds: [AGENCY],
  evaluatedAt: '2026-11-20T03:00:00.000Z',
  reasons: [{ code: 'OVERDUE', message: 'Quá hạn 3 ngày (hạn 17/11/2026)' }],
  gained: ['OVERDUE'],
};

const eventBridge = (detailType: string, detail: unknown) => ({
  version: '0',
  id: 'bench-event',
  'detail-type': detailType,
  source: 'langson.progress',
  account: '000000000000',
  time: '2026-11-20T03:00:01Z',
  region: 'ap-southeast-1',
  resources: [],
  detail,
});

/** The head of KH266's table: its title, the header and the first tasks of section I. */
const PLAN_FILE = 'seeds/plans/kh266-phu-luc-8.txt';
const planHead = readFileSync(join(REPO_ROOT, PLAN_FILE), 'utf8')
  .split('\n')
  .slice(0, 11)
  .join('\n');

export const FIRST_EVENTS: Record<HandlerName, unknown> = {
  authorizer: {
    type: 'TOKEN',
    authorizationToken: 'Bearer lsp_benchmark-token-that-is-not-stored',
    methodArn: 'arn:aws:execute-api:ap-southeast-1:000000000000:api/prod/GET/tasks',
  },
  openApi: apiEvent({ resource: '/openapi.json' }),
  // A person without a session: the page handler answers with the sign-in redirect.
  webPages: apiEvent({ resource: '/' }),
  webAdmin: apiEvent({ resource: '/quan-tri/ke-hoach' }),
  submitReport: apiEvent({
    method: 'POST',
    resource: '/tasks/{taskId}/reports',
    pathParameters: { taskId: TASK },
    headers: { 'Idempotency-Key': 'bench-1' },
    body: { status: 'delayed', percentComplete: 20, obstacles: ['Mưa lũ kéo dài'] },
    caller: agencyCaller(AGENCY),
  }),
  collaborate: apiEvent({
    resource: '/tasks/{taskId}/contributions',
    pathParameters: { taskId: TASK },
    caller: viewer,
  }),
  readTasks: apiEvent({
    resource: '/tasks',
    query: { sector: 'agriculture', limit: '20' },
    caller: viewer,
  }),
  readRegistry: apiEvent({ resource: '/agencies', caller: viewer }),
  importPlan: apiEvent({
    method: 'POST',
    resource: '/plans',
    headers: { 'Idempotency-Key': 'bench-1' },
    body: { file: PLAN_FILE, text: planHead },
    caller: admin,
  }),
  manageRegistry: apiEvent({
    method: 'PATCH',
    resource: '/agencies/{agencyId}',
    pathParameters: { agencyId: AGENCY },
    body: { addAliases: ['Sở NN&MT tỉnh'] },
    caller: admin,
  }),
  adminJobs: apiEvent({
    method: 'POST',
    resource: '/risks/scans',
    headers: { 'Idempotency-Key': 'bench-1' },
    caller: admin,
  }),
  evaluateTaskRisk: eventBridge('ProgressReported', progressReported),
  notifyRisk: eventBridge('TaskFlaggedAtRisk', flagged),
  readRollups: apiEvent({
    resource: '/rollups/{period}/{sector}',
    pathParameters: { period: '2026-Q3', sector: 'agriculture' },
    caller: viewer,
  }),
  submitIndicatorValue: apiEvent({
    method: 'POST',
    resource: '/indicators/{code}/values',
    pathParameters: { code: 'dien-tich-lua' },
    headers: { 'Idempotency-Key': 'bench-1' },
    body: { period: '2026-Q3', value: 14562, status: 'estimate' },
    caller: agencyCaller(AGENCY),
  }),
  reportTemplate: apiEvent({ method: 'DELETE', resource: '/report-template', caller: admin }),
  closePeriods: { period: '2026-Q3' },
  riskScan: {},
  reminders: apiEvent({ resource: '/reminder-settings', caller: admin }),
  reminderJob: { job: 'daily' },
  // A message the outbox does not hold: read, found missing, acknowledged.
  sendMail: {
    Records: [
      {
        messageId: 'bench-1',
        receiptHandle: 'bench-1',
        body: JSON.stringify({ messageId: 'msg_bench' }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1795665601000',
          SenderId: 'bench',
          ApproximateFirstReceiveTimestamp: '1795665601000',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:mail',
        awsRegion: 'ap-southeast-1',
      },
    ],
  },
  // A job the store does not have (the stub finds nothing): read, and nothing run.
  runJobs: eventBridge('JobQueued', {
    version: '1',
    jobId: 'job_benchmarkjobthatisnotst',
    kind: 'risk-scan',
  }),
};
