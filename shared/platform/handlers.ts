/**
 * Every Lambda handler of the platform, declared once. The CDK app makes one function
 * per entry with exactly the grants listed; the local runtime imports the same entries.
 * Each entry module exports `handler`.
 */
import type { QueueName } from './queues.ts';

export interface HandlerDeclaration {
  /** Module path from the repository root. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** What the function touches; the CDK app grants exactly this and no more. */
  grants: {
    table?: 'read' | 'readWrite';
    publishEvents?: boolean;
    notifyRisks?: boolean;
    /**
     * The Cognito user pool: `signIn` its settings only; `readPeople` its users' names,
     * groups and addresses; `managePeople` its users too.
     */
    userPool?: 'signIn' | 'readPeople' | 'managePeople';
    /** Queues (shared/platform/queues.ts) the function sends messages to. */
    queues?: readonly QueueName[];
    /** Sends mail from the platform's SES identity. */
    sendMail?: boolean;
    /**
     * Stores bodies too large for one response in the large-body bucket and signs URLs to
     * them (a snapshot, a document of a large period).
     */
    largeBodies?: boolean;
  };
  /** Bundles the web app's static files (shared/web/assets.ts). */
  webAssets?: boolean;
}

export const HANDLERS = {
  authorizer: {
    entry: 'functions/api/authorizer.ts',
    description: 'Bearer-token authorizer: token hash to agency and role',
    memoryMb: 256,
    timeoutSeconds: 5,
    grants: { table: 'read' },
  },
  openApi: {
    entry: 'functions/api/openapi.ts',
    description: 'GET /openapi.json, generated from the request schemas',
    memoryMb: 256,
    timeoutSeconds: 5,
    grants: {},
  },
  submitReport: {
    entry: 'functions/api/submit-report.ts',
    description: 'POST /tasks/{taskId}/reports',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'readWrite', publishEvents: true },
  },
  collaborate: {
    entry: 'functions/api/collaborate.ts',
    description: 'Contributions of coordinating agencies, and reviews of reports (approval)',
    memoryMb: 512,
    timeoutSeconds: 15,
    grants: { table: 'readWrite', publishEvents: true },
  },
  readTasks: {
    entry: 'functions/api/read-tasks.ts',
    description: 'GET /tasks, /tasks/{taskId}, /tasks/{taskId}/reports, /risks',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'read' },
  },
  submitIndicatorValue: {
    entry: 'functions/api/submit-indicator-value.ts',
    description: 'POST /indicators/{code}/values: an owning agency (or an admin) reports a value',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'readWrite' },
  },
  readRegistry: {
    entry: 'functions/api/read-registry.ts',
    description:
      'GET /plans..., /agencies..., /indicators..., /audit: the registry and its history',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'read' },
  },
  importPlan: {
    entry: 'functions/api/import-plan.ts',
    description: 'POST /plans (admin): import a plan table or a conclusion notice',
    memoryMb: 1024,
    timeoutSeconds: 60,
    // A large document is imported by a job, which JobQueued starts.
    grants: { table: 'readWrite', publishEvents: true },
  },
  manageRegistry: {
    entry: 'functions/api/manage-registry.ts',
    description:
      'PATCH /plans/{code}, POST/PATCH /agencies..., merges, indicators and target links (admin)',
    memoryMb: 256,
    timeoutSeconds: 29,
    grants: { table: 'readWrite' },
  },
  adminJobs: {
    entry: 'functions/api/admin-jobs.ts',
    description: 'POST /risks/scans, POST /rollups/{period}/runs and GET /jobs/{id} (admin)',
    memoryMb: 512,
    timeoutSeconds: 29,
    grants: { table: 'readWrite', publishEvents: true },
  },
  runJobs: {
    entry: 'functions/jobs/run-job.ts',
    description:
      'Runs the jobs admins ask for: a rollup, the risk scan, a large import, a reminder run',
    memoryMb: 2048,
    timeoutSeconds: 900,
    // A reminder run queues mail and reads the people's addresses, as the schedule's does.
    grants: { table: 'readWrite', publishEvents: true, queues: ['Mail'], userPool: 'readPeople' },
  },
  webPages: {
    entry: 'functions/web/pages.tsx',
    description:
      'The web app: sign-in, overview, tasks, the report form, quarters, API docs, assets',
    memoryMb: 1024,
    timeoutSeconds: 29,
    grants: { table: 'readWrite', publishEvents: true, userPool: 'signIn', largeBodies: true },
    webAssets: true,
  },
  webAdmin: {
    entry: 'functions/web/admin.tsx',
    description: 'The web app for administrators: plan upload with preview, tokens and people',
    memoryMb: 1024,
    timeoutSeconds: 29,
    grants: { table: 'readWrite', userPool: 'managePeople' },
    webAssets: true,
  },
  evaluateTaskRisk: {
    entry: 'functions/events/evaluate-task-risk.ts',
    description: "ProgressReported: re-evaluate the task's risk flags",
    memoryMb: 512,
    timeoutSeconds: 30,
    grants: { table: 'readWrite', publishEvents: true },
  },
  notifyRisk: {
    entry: 'functions/events/notify-risk.ts',
    description: 'TaskFlaggedAtRisk: notify the risk topic',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { notifyRisks: true },
  },
  readRollups: {
    entry: 'functions/api/read-rollups.ts',
    description:
      'GET /rollups/{period}, /rollups/{period}/{sector} (JSON, CSV, Excel, Word), /figures/{period}',
    memoryMb: 1024,
    timeoutSeconds: 15,
    grants: { table: 'read', largeBodies: true },
  },
  reportTemplate: {
    entry: 'functions/api/report-template.ts',
    description: 'GET, PUT, DELETE /report-template (admin): the Word report template',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'readWrite' },
  },
  closePeriods: {
    entry: 'functions/schedules/close-periods.ts',
    description:
      'Daily: the official snapshots of periods whose deadline passed, and revisions with late data',
    memoryMb: 2048,
    timeoutSeconds: 900,
    grants: { table: 'readWrite', publishEvents: true },
  },
  reminders: {
    entry: 'functions/api/reminders.ts',
    description:
      'POST /reminders/runs (admin): a reminder run as a job; GET, PUT /reminder-settings (admin)',
    memoryMb: 512,
    timeoutSeconds: 29,
    // The run is a job (runJobs): this function only submits it.
    grants: { table: 'readWrite', publishEvents: true },
  },
  reminderJob: {
    entry: 'functions/schedules/reminders.ts',
    description:
      'Daily: reminders before deadlines and escalations after them; weekly: the digest for leaders',
    memoryMb: 1024,
    timeoutSeconds: 900,
    grants: { table: 'readWrite', queues: ['Mail'], userPool: 'readPeople' },
  },
  sendMail: {
    entry: 'functions/queues/send-mail.ts',
    description: 'The mail queue: each message from the outbox, in words, through Amazon SES',
    memoryMb: 256,
    timeoutSeconds: 30,
    grants: { table: 'readWrite', sendMail: true },
  },
  riskScan: {
    entry: 'functions/schedules/risk-scan.ts',
    description: 'Daily: evaluate every task (deadlines pass without reports)',
    memoryMb: 1024,
    timeoutSeconds: 900,
    grants: { table: 'readWrite', publishEvents: true },
  },
} as const satisfies Record<string, HandlerDeclaration>;

export type HandlerName = keyof typeof HANDLERS;
