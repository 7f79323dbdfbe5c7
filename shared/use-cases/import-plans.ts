/**
 * Imports plan tables into the registry: parse every file first, write only if all of
 * them parse, so bad input never leaves half a plan behind. Serves the command line and
 * the admin API alike.
 */
import type {
  Agency,
  ImportWarning,
  Plan,
  PlanOverrides,
  Task,
  UnresolvedName,
} from '#shared/domain/plan/model.ts';
import {
  parsePlanTable,
  type PlanParserDeps,
  type PlanSource,
} from '#shared/domain/plan/plan-parser.ts';
import pLimit from 'p-limit';
import type { PlanRegistryRepository, WriteOutcome } from './plan-registry-ports.ts';

const WRITE_CONCURRENCY = 8;

/** A plan table and what its request says over it. */
export interface PlanImportRequest extends PlanSource {
  overrides?: PlanOverrides;
}

type ParsingDeps = Pick<PlanParserDeps, 'registry'>;

export interface ParsedPlans {
  plans: Plan[];
  tasks: Task[];
  agencies: Agency[];
  /** Agency names no known agency answers to; their cells' tasks keep only the others. */
  unresolved: UnresolvedName[];
  warnings: ImportWarning[];
}

export interface ImportSummary {
  plans: { code: string; outcome: WriteOutcome; tasks: number }[];
  tasks: Record<WriteOutcome, string[]>;
  agencies: Record<WriteOutcome, string[]>;
  unresolved: UnresolvedName[];
  warnings: ImportWarning[];
}

/** Parses every source; throws `PlanTableError` on the first file that cannot be a plan. */
export function parsePlans(requests: PlanImportRequest[], deps: ParsingDeps): ParsedPlans {
  const parsed = requests.map(({ overrides, ...source }) =>
    parsePlanTable(source, { registry: deps.registry, overrides }),
  );
  const agencies = new Map<string, Agency>();
  for (const agency of parsed.flatMap((p) => p.agencies)) agencies.set(agency.id, agency);
  return {
    plans: parsed.map((p) => p.plan),
    tasks: parsed.flatMap((p) => p.tasks),
    agencies: [...agencies.values()],
    unresolved: parsed.flatMap((p) => p.unresolved),
    warnings: parsed.flatMap((p) => p.warnings),
  };
}

export async function importPlans(
  requests: PlanImportRequest[],
  deps: ParsingDeps & { repository: PlanRegistryRepository },
): Promise<ImportSummary> {
  const parsed = parsePlans(requests, deps);
  const summary: ImportSummary = {
    plans: [],
    tasks: { created: [], updated: [], unchanged: [] },
    agencies: { created: [], updated: [], unchanged: [] },
    unresolved: parsed.unresolved,
    warnings: parsed.warnings,
  };
  // Writes are independent single items: a few at a time, results kept in table order.
  const limit = pLimit(WRITE_CONCURRENCY);
  const saved = <T>(items: T[], save: (item: T) => Promise<WriteOutcome>) =>
    Promise.all(items.map(async (item) => ({ item, outcome: await limit(() => save(item)) })));
  for (const { item, outcome } of await saved(parsed.agencies, (a) =>
    deps.repository.saveAgency(a),
  )) {
    summary.agencies[outcome].push(item.id);
  }
  for (const plan of parsed.plans) {
    const tasks = parsed.tasks.filter((task) => task.plan === plan.code);
    for (const { item, outcome } of await saved(tasks, (t) => deps.repository.saveTask(t))) {
      summary.tasks[outcome].push(item.id);
    }
    const outcome = await deps.repository.savePlan(
      plan,
      tasks.map((task) => task.id),
    );
    summary.plans.push({ code: plan.code, outcome, tasks: tasks.length });
  }
  return summary;
}
