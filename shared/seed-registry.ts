/**
 * The registry data shipped in `seeds/`: agencies with their aliases, and the plan imports
 * `npm start` replays into an empty store (each seed table with its request's overrides).
 * Imported as JSON modules so that Lambda bundles carry them without file I/O, and
 * validated once at load.
 */
import agenciesJson from '../seeds/agencies.json' with { type: 'json' };
import plansJson from '../seeds/plans.json' with { type: 'json' };
import * as z from 'zod';
import { AgencyRegistry } from './domain/plan/agency-registry.ts';
import { agencySchema, planOverridesSchema } from './domain/plan/model.ts';

/** Where the seed plan tables are, from the repository root. */
export const SEED_PLANS_DIR = 'seeds/plans';

const agencyFileSchema = z.object({ agencies: z.array(agencySchema) });

const seedPlanImportSchema = z.strictObject({
  /** A file name in SEED_PLANS_DIR. */
  file: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.txt$/),
  overrides: planOverridesSchema.strict(),
});
export type SeedPlanImport = z.infer<typeof seedPlanImportSchema>;

const seedPlansFileSchema = z.object({ imports: z.array(seedPlanImportSchema).min(1) });

export function seedAgencyRegistry(): AgencyRegistry {
  return AgencyRegistry.fromAgencies(agencyFileSchema.parse(agenciesJson).agencies);
}

export function seedPlanImports(): SeedPlanImport[] {
  return seedPlansFileSchema.parse(plansJson).imports;
}
