/**
 * Fills an empty store with the registry data in `seeds/`: the agencies, the province's
 * indicators, then each seed document through the same import as any other (which
 * suggests the indicators its targets feed). Runs only until it has completed once
 * (a marker item, written last): a crash halfway makes the next start finish the job, and
 * a store that has been seeded is never seeded again, whatever changed since.
 */
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import type { Indicator } from '#shared/domain/indicator/indicator.ts';
import type { Agency } from '#shared/domain/plan/model.ts';
import type { IndicatorRepository } from '../indicators/indicator-ports.ts';
import { importDocument, type ImportDeps, type ImportRequest } from './import-document.ts';

export interface Seed {
  agencies: Agency[];
  /** In the registry's order. */
  indicators: Indicator[];
  documents: Omit<ImportRequest, 'resolutions' | 'draft'>[];
}

export interface SeedMarker {
  isSeeded(): Promise<boolean>;
  markSeeded(at: string): Promise<void>;
}

/** The seeding acts as the platform itself, not as anyone's token. */
export const SEED_ACTOR: Actor = { tokenId: 'seed', agencyId: null, person: null };

export async function seedEmptyStore(
  seed: Seed,
  deps: Omit<ImportDeps, 'actor' | 'requestId'> & {
    marker: SeedMarker;
    indicators: IndicatorRepository;
  },
): Promise<{ seeded: boolean; plans: { code: string; outcome: string; tasks: number }[] }> {
  if (await deps.marker.isSeeded()) return { seeded: false, plans: [] };
  const known = new Set((await deps.agencies.listAll()).map((s) => s.agency.id));
  for (const agency of seed.agencies) {
    if (known.has(agency.id)) continue;
    try {
      await deps.agencies.save(agency, null);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const knownIndicators = new Set(
    (await deps.indicators.listIndicators()).map((stored) => stored.indicator.code),
  );
  for (const [index, indicator] of seed.indicators.entries()) {
    if (knownIndicators.has(indicator.code)) continue;
    try {
      await deps.indicators.saveIndicator({ indicator, position: index + 1, revision: 1 }, null);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const plans = [];
  for (const document of seed.documents) {
    const result = await importDocument(
      { ...document, resolutions: [], draft: false },
      { ...deps, actor: SEED_ACTOR, requestId: `seed:${document.source.file}` },
    );
    plans.push({
      code: result.plan.code,
      outcome: result.outcome,
      tasks:
        result.tasks.created.length + result.tasks.updated.length + result.tasks.unchanged.length,
    });
  }
  await deps.marker.markSeeded(deps.clock.now().toISOString());
  return { seeded: true, plans };
}
