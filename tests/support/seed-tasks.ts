/** The seed plans parsed once, for tests that need real tasks. */
import { readFileSync } from 'node:fs';
import type { Task } from '#shared/domain/plan/model.ts';
import { seedAgencyRegistry, seedPlanProfiles } from '#shared/seed-registry.ts';
import { parsePlans } from '#shared/use-cases/import-plans.ts';

export const SEED_FILES = ['kh266-phu-luc-8.txt', 'kh267-phu-luc-iii.txt'];

export const seedSources = () =>
  SEED_FILES.map((file) => ({ file, text: readFileSync(`seeds/plans/${file}`, 'utf8') }));

export const seedPlans = parsePlans(seedSources(), {
  registry: seedAgencyRegistry(),
  profiles: seedPlanProfiles(),
});

export function seedTask(id: string): Task {
  const task = seedPlans.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no seed task ${id}`);
  return task;
}
