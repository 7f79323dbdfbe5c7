import type { Task } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { DomainEvent } from '#shared/events/domain-event.ts';

export interface TaskReader {
  getTask(taskId: string): Promise<Task | null>;
}

export interface ReportRepository {
  /**
   * Stores the report unless one with the same id is stored already; returns what is
   * stored, so a retried submission converges on the first attempt's report.
   */
  saveReport(report: ProgressReport): Promise<ProgressReport>;
  /** Records the report as its agency's latest state of the task unless a newer one is. */
  recordLatest(report: ProgressReport): Promise<void>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}
