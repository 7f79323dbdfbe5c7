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

const agencyFileSchema = z.object({ agencies: z.array(agencySchema) });

export function seedAgencyRegistry(): AgencyRegistry {
  return AgencyRegistry.fromAgencies(agencyFileSchema.parse(agenciesJson).agencies);
}

export function seedPlanProfiles(): PlanProfiles {
  return planProfilesSchema.parse(plansJson);
}
