/**
 * The registry's agencies as readers need them (names, and whom each acts for), cached per
 * container: reloaded when the registry's stamp moves, and at least every few minutes in
 * case a stamp bump was lost between an agency write and its own. Checking the stamp is
 * one small read per use, unless the caller read it already (beside a task, in one batch).
 */
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import { AgencyNames } from '#shared/domain/registry/agency-names.ts';
import type { DynamoAgencyStore } from './agency-store.ts';

const MAX_AGE_MS = 5 * 60 * 1000;

export interface AgencyView {
  names: AgencyNames;
  /**
   * Agency → the ids it acts for besides itself: its collectives and the agencies merged
   * into it (a commune's report counts for "UBND các xã"; a survivor's for what it
   * absorbed). Deactivated and merged agencies act for nothing more.
   */
  memberOf: Memberships;
  /** The registry's name of every agency, merged ones included. */
  nameById: Record<string, string>;
}

export class AgencyDirectory {
  private cached: { stamp: number; at: number; view: Promise<AgencyView> } | undefined;

  constructor(
    private readonly agencies: DynamoAgencyStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The registry as of `stamp` (read here when not given). */
  async view(stamp?: number): Promise<AgencyView> {
    const current = stamp ?? (await this.agencies.stamp());
    const now = this.now();
    if (!this.cached || this.cached.stamp !== current || now - this.cached.at > MAX_AGE_MS) {
      const view = this.agencies.listAll().then((stored): AgencyView => {
        const agencies = stored.map((s) => s.agency);
        return {
          names: new AgencyNames(agencies),
          memberOf: Object.fromEntries(
            agencies.filter((a) => a.active).map((a) => [a.id, [...a.memberOf, ...a.absorbed]]),
          ),
          nameById: Object.fromEntries(agencies.map((a) => [a.id, a.name])),
        };
      });
      this.cached = { stamp: current, at: now, view };
      view.catch(() => (this.cached = undefined));
    }
    return this.cached.view;
  }

  async names(stamp?: number): Promise<AgencyNames> {
    return (await this.view(stamp)).names;
  }
}
