/**
 * What the indicator use cases need from storage. The DynamoDB adapter implements these;
 * every write is a conditional single-item operation that converges when retried.
 */
import type { Indicator } from '#shared/domain/indicator/indicator.ts';
import type { IndicatorValue } from '#shared/domain/indicator/indicator-value.ts';
import type { LinkRecord } from '#shared/domain/indicator/link-record.ts';
import type { ReportedActuals } from '#shared/domain/indicator/task-actuals.ts';
import type { Task } from '#shared/domain/plan/model.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';

/** An indicator with its place in the registry's order and the revision of its item. */
export interface StoredIndicator {
  indicator: Indicator;
  position: number;
  revision: number;
}

/** A reported value with the id that makes its write idempotent. */
export type StoredValue = IndicatorValue & { id: string };

export interface IndicatorRepository {
  /** Every indicator, in the registry's order. */
  listIndicators(): Promise<StoredIndicator[]>;
  /**
   * Writes the indicator if its stored revision is still `expected` (null: it must not
   * exist yet); throws ConflictError otherwise.
   */
  saveIndicator(stored: StoredIndicator, expected: number | null): Promise<void>;
  linksOfPlan(plan: string): Promise<LinkRecord[]>;
  allLinks(): Promise<LinkRecord[]>;
  saveLink(link: LinkRecord): Promise<void>;
  deleteLink(link: Pick<LinkRecord, 'plan' | 'taskId' | 'targetKey'>): Promise<void>;
  /** Stores the value unless one with its id is stored (a retry); returns what is stored. */
  saveValue(value: StoredValue): Promise<StoredValue>;
  /** The values of the indicators for periods of the years `fromYear`..`toYear`. */
  valuesOf(codes: readonly string[], fromYear: number, toYear: number): Promise<IndicatorValue[]>;
}

/** What the figures read besides the indicators: plans, and the reports of linked tasks. */
export interface FigureInputs {
  trackedPlans(): Promise<PlanRecord[]>;
  reportsOfTasks(taskIds: readonly string[]): Promise<ReportedActuals[]>;
}

/** The current version's tasks of a plan, for linking its targets. */
export interface PlanTasks {
  getPlan(code: string): Promise<PlanRecord | null>;
  tasksOf(code: string, version: number): Promise<Task[]>;
}
