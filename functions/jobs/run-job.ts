/**
 * JobQueued → runs the job (rule `JobQueuedToRunner`): a rollup of a period, the risk
 * scan, the import of a large document, or a reminder run, with its progress and then its result or its
 * problems recorded on the job. A job delivered twice runs once.
 */
import { gunzipSync } from 'node:zlib';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { outboxStores } from '#shared/adapters/dynamodb/outbox-stores.ts';
import { SECTOR_LABELS } from '#shared/domain/indicator/wording.ts';
import type { JobError } from '#shared/domain/jobs/job.ts';
import type { Sector } from '#shared/domain/plan/model.ts';
import type { ReminderJob } from '#shared/domain/reminder/reminder-jobs.ts';
import { JOB_QUEUED, jobQueuedV1Schema } from '#shared/events/job-queued.ts';
import { logger, metrics } from '#shared/observability.ts';
import { runJob, type JobWorkers, type WorkContext } from '#shared/use-cases/jobs/jobs.ts';
import { importDocument } from '#shared/use-cases/registry/import-document.ts';
import type { ReminderStage } from '#shared/use-cases/reminders/run-reminders.ts';
import { INTERNAL_ERROR, problemFor } from '../api/http/problem.ts';
import { importDeps, importRequestOf } from '../api/import-deps.ts';
import { planImportSchema } from '../api/schemas/requests.ts';
import { eventBridgeEvent } from '../events/event-envelope.ts';
import { reminderDeps } from '../reminder-wiring.ts';
import { tableAndBus } from '../wiring.ts';
import { riskScanWork, rollupWork } from './job-work.ts';
import { reminderWork } from './reminder-work.ts';

/** An import job's own time: the function's 15 minutes, less a margin to record the outcome. */
const IMPORT_JOB_BUDGET_MS = 14 * 60 * 1000;

const deps = tableAndBus();
const reminders = {
  reminders: reminderDeps(deps.stores, outboxStores(deps.db, deps.tableName)),
  audit: deps.stores.audit,
};
const envelope = eventBridgeEvent(JOB_QUEUED, jobQueuedV1Schema);

/** Progress by sector: "Tổng hợp lĩnh vực dịch vụ" and how many sectors are done. */
const bySector =
  (verb: string, context: WorkContext) => (sector: Sector, done: number, total: number) =>
    context.progress({ done, total, step: `${verb} lĩnh vực ${SECTOR_LABELS[sector]}` });

/** A reminder run's parts, as its progress says them. */
const reminderStep = (stage: ReminderStage, job: ReminderJob): string => {
  switch (stage) {
    case 'recover':
      return 'Hoàn tất các thư lần chạy trước còn dở';
    case 'read':
      return 'Đọc nhiệm vụ, báo cáo và địa chỉ nhận thư';
    case 'compose':
      return job === 'daily'
        ? 'Soạn và gửi thư nhắc hạn, thư báo quá hạn'
        : 'Soạn và gửi bản tin tuần cho lãnh đạo';
  }
};

const workers: JobWorkers = {
  rollup: (work, context) =>
    rollupWork(work.period, context.job.createdBy, deps, bySector('Tổng hợp', context)),
  'risk-scan': (_work, context) => riskScanWork(deps, bySector('Đánh giá rủi ro', context)),
  import: async (work, context) => {
    await context.progress({ done: 0, total: 1, step: `Đọc và ghi ${work.file}` });
    const stored = await context.input();
    if (!stored) throw new Error(`job ${context.job.id} has no document stored`);
    const body = planImportSchema.parse(JSON.parse(gunzipSync(stored).toString('utf8')));
    return importDocument(
      await importRequestOf(body),
      importDeps(deps.stores, context.job.createdBy, context.job.id, IMPORT_JOB_BUDGET_MS),
    );
  },
  reminders: (work, context) =>
    reminderWork(
      { job: work.job, actor: context.job.createdBy, auditId: `aud_${context.job.id}` },
      reminders,
      (stage, done, total) =>
        context.progress({ done, total, step: reminderStep(stage, work.job) }),
    ),
};

async function run(event: unknown) {
  const { jobId } = envelope.parse(event).detail;
  logger.appendKeys({ job: jobId });
  const outcome = await runJob(jobId, {
    jobs: deps.stores.jobs,
    workers,
    clock: deps.clock,
    problemOf: (error) => problemFor(error) as JobError | null,
    internalError: INTERNAL_ERROR,
  }).catch((error: unknown) => {
    logger.error('job failed', { error });
    throw error;
  });
  logger.info('job run', { outcome });
  return { jobId, outcome };
}

export const handler = middy(run)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
