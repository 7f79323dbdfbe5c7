/** The seed plans parsed once, as `npm start` imports them, for tests that need real tasks. */
import { readFileSync } from 'node:fs';
import type { Task } from '#shared/domain/plan/model.ts';
import { SEED_PLANS_DIR, seedAgencyRegistry, seedPlanImports } from '#shared/seed-registry.ts';
import { parsePlans } from '#shared/use-cases/import-plans.ts';

export const SEED_FILES = seedPlanImports().map((seed) => seed.file);

/** Each seed table with its request's overrides. */
export const seedSources = () =>
  seedPlanImports().map(({ file, overrides }) => ({
    file,
    text: readFileSync(`${SEED_PLANS_DIR}/${file}`, 'utf8'),
    overrides,
  }));

export const seedPlans = parsePlans(seedSources(), { registry: seedAgencyRegistry() });

export function seedTask(id: string): Task {
  const task = seedPlans.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no seed task ${id}`);
  return task;
}
