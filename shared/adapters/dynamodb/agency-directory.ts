/**
 * The registry's agency names, cached per container: reloaded when the registry's stamp
 * moves (one small read per use), and at least every few minutes in case a stamp bump
 * was lost between an agency write and its own.
 */
import { AgencyNames } from '#shared/domain/registry/agency-names.ts';
import type { DynamoAgencyStore } from './agency-store.ts';

const MAX_AGE_MS = 5 * 60 * 1000;

export class AgencyDirectory {
  private cached: { stamp: number; at: number; names: Promise<AgencyNames> } | undefined;

  constructor(
    private readonly agencies: DynamoAgencyStore,
    private readonly now: () => number = Date.now,
  ) {}

  async names(): Promise<AgencyNames> {
    const stamp = await this.agencies.stamp();
    const now = this.now();
    if (!this.cached || this.cached.stamp !== stamp || now - this.cached.at > MAX_AGE_MS) {
      const names = this.agencies
        .listAll()
        .then((stored) => new AgencyNames(stored.map((s) => s.agency)));
      this.cached = { stamp, at: now, names };
      names.catch(() => (this.cached = undefined));
    }
    return this.cached.names;
  }
}
