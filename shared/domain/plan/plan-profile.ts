/**
 * What the importer must know about a plan that its table does not say: the reporting
 * period and how its sections map to the three sectors (DESIGN.md). Kept as registry
 * data in `seeds/plans.json`.
 */
import * as z from 'zod';
import { isoDateSchema, planCodeSchema, sectorSchema, type Sector } from './model.ts';

export const planProfileSchema = z.object({
  period: z.object({ start: isoDateSchema, end: isoDateSchema }),
  /** Section code (Roman numeral) → sector. */
  sectors: z.record(z.string(), sectorSchema),
  /** The sector of every section not listed, or null when every section must be listed. */
  defaultSector: sectorSchema.nullable(),
});
export type PlanProfile = z.infer<typeof planProfileSchema>;

export const planProfilesSchema = z.object({
  plans: z.record(planCodeSchema, planProfileSchema),
});
export type PlanProfiles = z.infer<typeof planProfilesSchema>;

export function sectorOf(profile: PlanProfile, sectionCode: string): Sector | null {
  return profile.sectors[sectionCode] ?? profile.defaultSector;
}
