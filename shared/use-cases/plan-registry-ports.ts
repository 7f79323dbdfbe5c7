import type { Agency, Plan, Task } from '#shared/domain/plan/model.ts';

/** What a write did: the store compares content, so a repeated import changes nothing. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface PlanRegistryRepository {
  saveAgency(agency: Agency): Promise<WriteOutcome>;
  /** Saves the task and the agency links it implies, removing links it no longer has. */
  saveTask(task: Task): Promise<WriteOutcome>;
  /** Written last: a plan's item exists only once all its tasks do. */
  savePlan(plan: Plan, taskIds: string[]): Promise<WriteOutcome>;
}
