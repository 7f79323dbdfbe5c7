/**
 * Loads `seeds/` (agencies, the seed plans and notices) into an empty table: what a first
 * deploy runs once, as `npm start` does for the local store.
 *
 *   TABLE_NAME=<the stack's TableName output> npm run seed
 *
 * A table that was seeded before is left as it is; a run that stopped halfway is finished.
 */
import { resolve } from 'node:path';
import { dynamoStores } from '#shared/adapters/dynamodb/stores.ts';
import { loadSeed } from '#shared/seed-registry.ts';
import { DOCUMENT_PARSERS, documentIssues } from '#shared/use-cases/registry/document-parsers.ts';
import { seedEmptyStore } from '#shared/use-cases/registry/seed-store.ts';
import { systemClock, tableAccess } from '../wiring.ts';
import { parseCommandLine, runCommand } from './command-line.ts';
import { targetLinker } from '#shared/use-cases/indicators/plan-links.ts';

const USAGE = 'usage: TABLE_NAME=<table> npm run seed';

runCommand(USAGE, async () => {
  parseCommandLine({ usage: USAGE, options: {} }, process.argv.slice(2));
  const { db, tableName } = tableAccess();
  const stores = dynamoStores(db, tableName);
  const result = await seedEmptyStore(await loadSeed(resolve(import.meta.dirname, '../..')), {
    parsers: DOCUMENT_PARSERS,
    issuesOf: documentIssues,
    agencies: stores.agencies,
    plans: stores.plans,
    audit: stores.audit,
    indicators: stores.indicators,
    links: targetLinker(stores.indicators),
    marker: stores.agencies,
    clock: systemClock,
    deadline: Number.POSITIVE_INFINITY,
  });
  if (!result.seeded) console.log(`${tableName} was seeded before: nothing to do`);
  for (const plan of result.plans)
    console.log(`${plan.code}: ${plan.tasks} tasks, ${plan.outcome}`);
  return 0;
});
