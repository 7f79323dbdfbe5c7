/** The seed plans parsed once, for tests that need real tasks. */
import { readFileSync } from 'node:fs';
import type { Task } from '#shared/domain/plan/model.ts';
import { parsePlanTable } from '#shared/domain/plan/plan-parser.ts';
import { seedAgencyRegistry, seedPlanProfiles } from '#shared/seed-registry.ts';

export const SEED_FILES = ['kh266-phu-luc-8.txt', 'kh267-phu-luc-iii.txt'];

export const seedSources = () =>
  SEED_FILES.map((file) => ({ file, text: readFileSync(`seeds/plans/${file}`, 'utf8') }));

const deps = { registry: seedAgencyRegistry(), profiles: seedPlanProfiles() };
const parsed = seedSources().map((source) => parsePlanTable(source, deps));

export const seedPlans = {
  plans: parsed.map((p) => p.plan),
  tasks: parsed.flatMap((p) => p.tasks),
  warnings: parsed.flatMap((p) => p.warnings),
};

export function seedTask(id: string): Task {
  const task = seedPlans.tasks.find((t) => t.id === id);
  if (!task) throw new Error(`no seed task ${id}`);
  return task;
}
