/**
 * Jobs without a store or a bus: submitting stores and announces once per key, refuses another
 * request under the key; running claims the job once, records progress, then its result
 * or the problem it failed with, and never runs a finished job again.
 */
import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '#shared/domain/errors.ts';
import type { Job, JobError, JobProgress } from '#shared/domain/jobs/job.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';
import type { JobRepository, StoredJob } from '#shared/use-cases/jobs/job-ports.ts';
import type { EventPublisher } from '#shared/use-cases/progress-ports.ts';
import { runJob, submitJob, type JobWorkers } from '#shared/use-cases/jobs/jobs.ts';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const clock = { now: () => NOW };
const actor = { tokenId: 'tok_admin', agencyId: null, person: null };
const INTERNAL: JobError = { type: 'internal', title: 'Internal', status: 500, detail: 'lỗi' };

class FakeJobs implements JobRepository {
  readonly stored = new Map<string, StoredJob>();
  readonly progressed: JobProgress[] = [];

  async create(job: Job, fingerprint: string) {
    const existing = this.stored.get(job.id);
    if (existing) return { ...existing, created: false };
    this.stored.set(job.id, { job, fingerprint });
    return { job, fingerprint, created: true };
  }
  async get(id: string) {
    return this.stored.get(id)?.job ?? null;
  }
  async input() {
    return null;
  }
  async claim(job: Job) {
    const current = this.stored.get(job.id);
    if (!current || current.job.attempts !== job.attempts) return false;
    this.set(job.id, { status: 'running', attempts: job.attempts + 1 });
    return true;
  }
  async progress(id: string, progress: JobProgress) {
    this.progressed.push(progress);
    this.set(id, { progress });
  }
  async finish(
    id: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; errors: JobError[] },
  ) {
    this.set(id, outcome);
  }
  private set(id: string, change: Partial<Job>) {
    const current = this.stored.get(id);
    if (current) this.stored.set(id, { ...current, job: { ...current.job, ...change } });
  }
}

/** A store whose reads return the job as it was before another runner claimed it. */
class StaleJobs extends FakeJobs {
  stale: Job | null = null;
  override async get(id: string) {
    return this.stale ?? super.get(id);
  }
  current(id: string) {
    return super.get(id);
  }
}

/** The bus, as far as jobs use it: which jobs were announced (JobQueued). */
class Starter implements EventPublisher {
  readonly started: string[] = [];
  async publish(events: DomainEvent[]) {
    for (const event of events) {
      expect(event.detailType).toBe('JobQueued');
      this.started.push(String(event.detail.jobId));
    }
  }
}

const workers = (rollup: JobWorkers['rollup']): JobWorkers => ({
  rollup,
  'risk-scan': async () => ({ evaluated: 0 }),
  import: async () => ({}),
  reminders: async (work) => ({ job: work.job }),
});

const submit = (jobs: FakeJobs, starter: Starter, period = '2026-Q3', fingerprint = 'f-1') =>
  submitJob(
    { id: 'job_1', work: { kind: 'rollup', period }, fingerprint, actor },
    { jobs, events: starter, clock },
  );

describe('submitting a job', () => {
  it('stores it queued and starts it', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];

    // Act
    const job = await submit(jobs, starter);

    // Assess
    expect(job).toMatchObject({ id: 'job_1', status: 'queued', attempts: 0, createdBy: actor });
    expect(starter.started).toEqual(['job_1']);
  });

  it('answers the same job when retried, starting it again only while it is still queued', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submit(jobs, starter);
    const queuedAgain = await submit(jobs, starter);
    await runJob('job_1', {
      jobs,
      workers: workers(async () => 'done'),
      clock,
      problemOf: () => null,
      internalError: INTERNAL,
    });

    // Act
    const finished = await submit(jobs, starter);

    // Assess
    expect(queuedAgain.id).toBe('job_1');
    expect(finished.status).toBe('succeeded');
    expect(starter.started).toEqual(['job_1', 'job_1']);
  });

  it('refuses another request under the same key with 422, starting nothing', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submit(jobs, starter);

    // Act
    const attempt = submit(jobs, starter, '2026-Q4', 'f-2');

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    expect(starter.started).toEqual(['job_1']);
  });
});

describe('running a job', () => {
  it('records its progress and its result, and never runs it again', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submit(jobs, starter);
    let runs = 0;
    const deps = {
      jobs,
      workers: workers(async (work, context) => {
        runs += 1;
        await context.progress({ done: 0, total: 1, step: 'Tổng hợp' });
        return { period: work.period };
      }),
      clock,
      problemOf: () => null,
      internalError: INTERNAL,
    };

    // Act
    const first = await runJob('job_1', deps);
    const second = await runJob('job_1', deps);

    // Assess
    expect([first, second]).toEqual(['ran', 'finished-before']);
    expect(runs).toBe(1);
    expect(jobs.progressed).toEqual([{ done: 0, total: 1, step: 'Tổng hợp' }]);
    expect(await jobs.get('job_1')).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { period: '2026-Q3' },
    });
  });

  it('gives a reminder run to the reminders worker, with the run asked for', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submitJob(
      {
        id: 'job_r',
        work: { kind: 'reminders', job: 'digest' },
        fingerprint: 'f-r',
        actor,
      },
      { jobs, events: starter, clock },
    );

    // Act
    const outcome = await runJob('job_r', {
      jobs,
      workers: workers(async () => 'not a rollup'),
      clock,
      problemOf: () => null,
      internalError: INTERNAL,
    });

    // Assess
    expect(outcome).toBe('ran');
    expect(await jobs.get('job_r')).toMatchObject({
      status: 'succeeded',
      result: { job: 'digest' },
    });
  });

  it('records the problem a refused work states, without throwing', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submit(jobs, starter);
    const refusal: JobError = {
      type: 'x/no-plans',
      title: 'Unprocessable',
      status: 422,
      detail: 'không',
    };

    // Act
    const outcome = await runJob('job_1', {
      jobs,
      workers: workers(async () => {
        throw new UnprocessableError('no-plans', 'không');
      }),
      clock,
      problemOf: () => refusal,
      internalError: INTERNAL,
    });

    // Assess
    expect(outcome).toBe('ran');
    expect(await jobs.get('job_1')).toMatchObject({ status: 'failed', errors: [refusal] });
  });

  it('records an unexpected failure as an internal error, and throws it for the runner to log', async () => {
    // Prepare
    const [jobs, starter] = [new FakeJobs(), new Starter()];
    await submit(jobs, starter);

    // Act
    const attempt = runJob('job_1', {
      jobs,
      workers: workers(async () => {
        throw new Error('disk on fire');
      }),
      clock,
      problemOf: () => null,
      internalError: INTERNAL,
    });

    // Assess
    await expect(attempt).rejects.toThrow('disk on fire');
    expect(await jobs.get('job_1')).toMatchObject({ status: 'failed', errors: [INTERNAL] });
  });

  it('leaves a job another runner claimed first', async () => {
    // Prepare: this runner read the job before another claimed it
    const [jobs, starter] = [new StaleJobs(), new Starter()];
    await submit(jobs, starter);
    jobs.stale = await jobs.get('job_1');
    if (!jobs.stale) throw new Error('not stored');
    await jobs.claim(jobs.stale);

    // Act
    const outcome = await runJob('job_1', {
      jobs,
      workers: workers(async () => 'twice?'),
      clock,
      problemOf: () => null,
      internalError: INTERNAL,
    });

    // Assess
    expect(outcome).toBe('taken');
    expect(await jobs.current('job_1')).toMatchObject({ status: 'running', attempts: 1 });
  });
});
