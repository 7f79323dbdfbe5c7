/**
 * Imports plan tables into the registry.
 *
 *   npm run --silent import -- [--dry-run] [--json] FILE...
 *
 * --dry-run parses and reports without writing; --json prints one JSON document
 * ({ tasks, agencies, warnings } for a dry run, the import summary otherwise).
 * Writing goes to the running local platform (found through --data-dir, DATA_DIR or
 * .data), or to the table TABLE_NAME names.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DynamoPlanRegistryStore } from '#shared/adapters/dynamodb/plan-registry-store.ts';
import { PlanTableError } from '#shared/domain/plan/plan-parser.ts';
import type { ImportWarning } from '#shared/domain/plan/model.ts';
import { seedAgencyRegistry, seedPlanProfiles } from '#shared/seed-registry.ts';
import { importPlans, parsePlans } from '#shared/use-cases/import-plans.ts';
import { parseCommandLine, runCommand } from './command-line.ts';
import { commandTable, DATA_DIR_OPTION } from './command-table.ts';

const USAGE = 'usage: npm run --silent import -- [--dry-run] [--json] [--data-dir DIR] FILE...';

const IMPORT_COMMAND = {
  usage: USAGE,
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, ...DATA_DIR_OPTION },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
} as const;

function formatWarning(w: ImportWarning): string {
  return `${w.file}:${w.line}: ${w.code}: ${w.message}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(IMPORT_COMMAND, argv);
  const sources = await Promise.all(
    positionals.map(async (path) => ({ file: basename(path), text: await readFile(path, 'utf8') })),
  );
  const deps = { registry: seedAgencyRegistry(), profiles: seedPlanProfiles() };

  if (values['dry-run']) {
    const parsed = parsePlans(sources, deps);
    if (values.json) {
      const { tasks, agencies, warnings } = parsed;
      process.stdout.write(
        `${JSON.stringify({ plans: parsed.plans, tasks, agencies, warnings }, null, 2)}\n`,
      );
    } else {
      for (const plan of parsed.plans) {
        const count = parsed.tasks.filter((t) => t.plan === plan.code).length;
        console.log(`${plan.code}: ${count} tasks (dry run, nothing written)`);
      }
      parsed.warnings.forEach((w) => console.error(formatWarning(w)));
    }
    return 0;
  }

  const { db, tableName } = await commandTable(values['data-dir']);
  const repository = new DynamoPlanRegistryStore(db, tableName);
  const summary = await importPlans(sources, { ...deps, repository });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    for (const plan of summary.plans)
      console.log(`${plan.code}: ${plan.tasks} tasks, plan ${plan.outcome}`);
    const { created, updated, unchanged } = summary.tasks;
    console.log(
      `tasks: ${created.length} created, ${updated.length} updated, ${unchanged.length} unchanged`,
    );
    summary.warnings.forEach((w) => console.error(formatWarning(w)));
  }
  return 0;
}

/** A plan table that cannot be read: its issues, one per line, as the dry run prints them. */
function reportPlanTableError(error: unknown): boolean {
  if (!(error instanceof PlanTableError)) return false;
  error.issues.forEach((i) => console.error(formatWarning(i)));
  return true;
}

runCommand(USAGE, () => main(process.argv.slice(2)), reportPlanTableError);
