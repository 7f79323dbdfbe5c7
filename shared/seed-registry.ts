/**
 * The registry data shipped in `seeds/`: agencies with their aliases and the plan
 * profiles. Imported as JSON modules so that Lambda bundles carry them without file I/O,
 * and validated once at load.
 */
import agenciesJson from '../seeds/agencies.json' with { type: 'json' };
import plansJson from '../seeds/plans.json' with { type: 'json' };
import * as z from 'zod';
import { AgencyRegistry } from './domain/plan/agency-registry.ts';
import { agencySchema } from './domain/plan/model.ts';
import { planProfilesSchema, type PlanProfiles } from './domain/plan/plan-profile.ts';
import { noticeSeedSchema } from './domain/notice/notice-model.ts';
import type { Seed } from './use-cases/registry/seed-store.ts';

const agencyFileSchema = z.object({ agencies: z.array(agencySchema) });

export function seedAgencyRegistry(): AgencyRegistry {
  return AgencyRegistry.fromAgencies(agencyFileSchema.parse(agenciesJson).agencies);
}

export function seedPlanProfiles(): PlanProfiles {
  return planProfilesSchema.parse(plansJson);
}

const SEED_FILES = ['seeds/plans/kh266-phu-luc-8.txt', 'seeds/plans/kh267-phu-luc-iii.txt'];
/** Each notice is a text export beside the JSON of what its export does not carry. */
const SEED_NOTICES = ['seeds/notices/thong-bao-ket-luan-2026-05-27'];

/** Everything `seeds/` holds, as the seeding of an empty store takes it. */
export async function loadSeed(root: string): Promise<Seed> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const profiles = seedPlanProfiles();
  const documents = await Promise.all(
    SEED_FILES.map(async (path, index) => {
      const code = index === 0 ? 'KH266' : 'KH267';
      const profile = profiles.plans[code];
      return {
        source: {
          file: path.split('/').at(-1) ?? path,
          text: await readFile(join(root, path), 'utf8'),
          format: 'text' as const,
        },
        kind: 'plan' as const,
        overrides: {
          period: profile?.period,
          sectors: profile?.sectors,
        },
      };
    }),
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
    agencies: agencyFileSchema.parse(agenciesJson).agencies,
    documents: [...documents, ...notices],
  };
}
