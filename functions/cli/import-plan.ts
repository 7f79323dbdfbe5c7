/**
 * Imports plan tables into the registry.
 *
 *   npm run --silent import -- [--dry-run] [--json] FILE...
 *
 * --dry-run parses and reports without writing; --json prints one JSON document
 * ({ plans, tasks, agencies, unresolved, warnings } for a dry run, the import summary
 * otherwise). Seed tables need their request's overrides (seeds/plans.json), which the
 * command does not take: KH267 without its period reads the master plan's 2021-2030.
 * Writing needs TABLE_NAME (and DYNAMODB_ENDPOINT for a local store).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoPlanRegistryStore } from '#shared/adapters/dynamodb/plan-registry-store.ts';
import { PlanTableError } from '#shared/domain/plan/plan-parser.ts';
import type { ImportWarning, UnresolvedName } from '#shared/domain/plan/model.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { importPlans, parsePlans } from '#shared/use-cases/import-plans.ts';
import { tableAccess } from '../wiring.ts';

const USAGE = 'usage: npm run --silent import -- [--dry-run] [--json] FILE...';

function formatWarning(w: ImportWarning): string {
  return `${w.file}:${w.line}: ${w.code}: ${w.message}`;
}

function formatUnresolved({ name, cells, suggestions }: UnresolvedName): string {
  const where = cells.map((c) => `${c.file}:${c.line} (${c.column})`).join(', ');
  const closest = suggestions.map((s) => s.id).join(', ') || '-';
  return `unresolved agency "${name}" at ${where}; closest: ${closest}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const sources = await Promise.all(
    positionals.map(async (path) => ({ file: basename(path), text: await readFile(path, 'utf8') })),
  );
  const deps = { registry: seedAgencyRegistry() };

  if (values['dry-run']) {
    const parsed = parsePlans(sources, deps);
    if (values.json) {
      const { plans, tasks, agencies, unresolved, warnings } = parsed;
      process.stdout.write(
        `${JSON.stringify({ plans, tasks, agencies, unresolved, warnings }, null, 2)}\n`,
      );
    } else {
      for (const plan of parsed.plans) {
        const count = parsed.tasks.filter((t) => t.plan === plan.code).length;
        console.log(`${plan.code}: ${count} tasks (dry run, nothing written)`);
      }
      parsed.unresolved.forEach((u) => console.error(formatUnresolved(u)));
      parsed.warnings.forEach((w) => console.error(formatWarning(w)));
    }
    return 0;
  }

  const { db, tableName } = tableAccess();
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
    summary.unresolved.forEach((u) => console.error(formatUnresolved(u)));
    summary.warnings.forEach((w) => console.error(formatWarning(w)));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PlanTableError) {
      error.issues.forEach((i) => console.error(formatWarning(i)));
    } else if (error instanceof Error && error.name === 'ConfigurationError') {
      console.error(error.message);
    } else if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
