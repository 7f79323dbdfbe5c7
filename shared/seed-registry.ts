/**
 * The registry data shipped in `seeds/`, which only ever fills an empty store (`npm
 * start`, `npm run seed`): the agencies with their aliases, the province's indicators
 * (`seeds/indicators.json`), the plan tables with the
 * overrides their import requests carry (`seeds/plans.json`), and the conclusion notices
 * (each `.txt` beside the `.json` of what its export does not say). Read by the local
 * runtime and the command lines only: no Lambda bundle carries it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import agenciesJson from '../seeds/agencies.json' with { type: 'json' };
import indicatorsJson from '../seeds/indicators.json' with { type: 'json' };
import plansJson from '../seeds/plans.json' with { type: 'json' };
import * as z from 'zod';
import { indicatorRegistrySchema, type Indicator } from './domain/indicator/indicator.ts';
import { AgencyRegistry } from './domain/plan/agency-registry.ts';
import { agencySchema, planOverridesSchema } from './domain/plan/model.ts';
import { noticeSeedSchema } from './domain/notice/notice-model.ts';
import type { Seed } from './use-cases/registry/seed-store.ts';

/** Where the seed plan tables are, from the repository root. */
export const SEED_PLANS_DIR = 'seeds/plans';
/** Each notice is a text export beside the JSON of what its export does not carry. */
const SEED_NOTICES = ['seeds/notices/thong-bao-ket-luan-2026-05-27'];

const agencyFileSchema = z.object({ agencies: z.array(agencySchema) });

const seedPlanImportSchema = z.strictObject({
  /** A file name in SEED_PLANS_DIR. */
  file: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.txt$/),
  overrides: planOverridesSchema,
});
export type SeedPlanImport = z.infer<typeof seedPlanImportSchema>;

const seedPlansFileSchema = z.object({ imports: z.array(seedPlanImportSchema).min(1) });

export function seedAgencies() {
  return agencyFileSchema.parse(agenciesJson).agencies;
}

export function seedIndicators(): Indicator[] {
  return indicatorRegistrySchema.parse(indicatorsJson).indicators;
}

export function seedAgencyRegistry(): AgencyRegistry {
  return AgencyRegistry.fromAgencies(seedAgencies());
}

export function seedPlanImports(): SeedPlanImport[] {
  return seedPlansFileSchema.parse(plansJson).imports;
}

/** Everything `seeds/` holds, as the seeding of an empty store takes it. */
export async function loadSeed(root: string): Promise<Seed> {
  const plans = await Promise.all(
    seedPlanImports().map(async ({ file, overrides }) => ({
      source: {
        file,
        text: await readFile(join(root, SEED_PLANS_DIR, file), 'utf8'),
        format: 'text' as const,
      },
      kind: 'plan' as const,
      overrides,
    })),
  );
  const notices = await Promise.all(
    SEED_NOTICES.map(async (stem) => {
      const text = await readFile(join(root, `${stem}.txt`), 'utf8');
      const { $comment: _comment, ...overrides } = noticeSeedSchema.parse(
        JSON.parse(await readFile(join(root, `${stem}.json`), 'utf8')),
      );
      return {
        source: { file: `${stem.split('/').at(-1) ?? stem}.txt`, text, format: 'text' as const },
        kind: 'notice' as const,
        overrides,
      };
    }),
  );
  return {
    agencies: seedAgencies(),
    indicators: seedIndicators(),
    documents: [...plans, ...notices],
  };
}
