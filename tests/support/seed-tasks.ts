/** The seed plans parsed once, as `npm start` imports them, for tests that need real tasks. */
import { readFileSync } from 'node:fs';
import type { Task } from '#shared/domain/plan/model.ts';
import { SEED_PLANS_DIR, seedAgencyRegistry, seedPlanImports } from '#shared/seed-registry.ts';
import { parsePlanTable } from '#shared/domain/plan/plan-parser.ts';

export const SEED_FILES = seedPlanImports().map((seed) => seed.file);

/** Each seed table with its request's overrides. */
export const seedSources = () =>
  seedPlanImports().map(({ file, overrides }) => ({
    file,
    text: readFileSync(`${SEED_PLANS_DIR}/${file}`, 'utf8'),
    overrides,
  }));

const registry = seedAgencyRegistry();
const parsed = seedSources().map(({ overrides, ...source }) =>
  parsePlanTable(source, { registry, overrides }),
);

export const seedPlans = {
  plans: parsed.map((p) => p.plan),
  tasks: parsed.flatMap((p) => p.tasks),
  agencies: [...new Map(parsed.flatMap((p) => p.agencies).map((a) => [a.id, a])).values()],
  warnings: parsed.flatMap((p) => p.warnings),
  unresolved: parsed.flatMap((p) => p.unresolved),
};

export function seedTask(id: string): Task {
  const task = seedPlans.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no seed task ${id}`);
  return task;
}
