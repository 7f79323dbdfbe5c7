import type { Task } from '../plan/model.ts';
import type { PlanRecord } from './plan-record.ts';

/** A task as readers see it: from its plan's current version, or retired by it. */
export interface CurrentTask {
  task: Task;
  plan: PlanRecord;
  /** The version of the plan the task was read from. */
  version: number;
  /** The current version of its plan no longer has it (a corrected table dropped it). */
  retired: boolean;
}
