/**
 * How agencies are shown: by the registry's canonical name, whatever a plan's cell
 * printed, and an agency merged into another as the survivor. Reports keep the id they
 * were filed under; only their display follows the registry.
 */
import type { Agency, AgencyRef, Task } from '../plan/model.ts';

export class AgencyNames {
  private readonly byId: Map<string, Agency>;

  constructor(agencies: readonly Agency[]) {
    this.byId = new Map(agencies.map((agency) => [agency.id, agency]));
  }

  /** The agency an id stands for today: itself, or the one it was (finally) merged into. */
  canonical(id: string): Agency | undefined {
    let agency = this.byId.get(id);
    for (let hops = 0; agency?.mergedInto && hops < this.byId.size; hops++) {
      agency = this.byId.get(agency.mergedInto);
    }
    return agency;
  }

  /** The registry's name for an id (the survivor's for a merged agency); the id if unknown. */
  nameOf(id: string): string {
    return this.canonical(id)?.name ?? id;
  }

  ref(ref: AgencyRef): AgencyRef {
    const agency = this.canonical(ref.id);
    return agency ? { id: agency.id, name: agency.name } : ref;
  }

  /** The task with its agencies as the registry names them today, each once. */
  task<T extends Pick<Task, 'lead' | 'coordinating'>>(task: T): T {
    const refs = (list: readonly AgencyRef[]) => {
      const seen = new Set<string>();
      return list
        .map((ref) => this.ref(ref))
        .filter((ref) => !seen.has(ref.id) && seen.add(ref.id));
    };
    return { ...task, lead: refs(task.lead), coordinating: refs(task.coordinating) };
  }
}
