import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { CurrentTask } from '#shared/domain/registry/current-task.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';

export interface TaskReader {
  /** The task from its plan's current version (or retired by it), with its plan. */
  getTask(taskId: string): Promise<CurrentTask | null>;
}

export interface ReportRepository {
  /**
   * Stores the report unless one with the same id is stored already; returns what is
   * stored, so a retried submission converges on the first attempt's report.
   */
  saveReport(report: ProgressReport): Promise<ProgressReport>;
  /** Records the report as its agency's latest state of the task unless a newer one is. */
  recordLatest(report: ProgressReport): Promise<void>;
  /** Puts the report in its reviewer's inbox (a plan that requires approval). */
  awaitReview(report: ProgressReport, reviewerId: string): Promise<void>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}
