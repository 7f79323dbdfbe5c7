/**
 * The agencies a notice's assignments name, resolved against the registry: communes one by
 * one ("UBND xã Nhân Lý"), "UBND các xã" as the communes the notice is addressed to (the
 * commune collective when it names none), others through the registry's cell reader.
 * A name the registry does not know is kept, with every place it is named and the
 * closest known agencies: never dropped, never invented.
 */
import type { AgencyRegistry, CellResolution } from '../plan/agency-registry.ts';
import type { AgencyRef } from '../plan/model.ts';
import { coordinationPhrases, type Assignee } from './assignment-grammar.ts';
import type { UnresolvedName } from './notice-model.ts';

export type Column = 'lead' | 'coordinating';

/** The collective "UBND các xã" names when the notice names no commune. */
const COMMUNE_COLLECTIVE = 'UBND các xã';

export class NoticeAgencies {
  private readonly unknown = new Map<string, UnresolvedName>();
  /** Readings by phrase: a notice names the same agencies again and again. */
  private readonly readings = new Map<string, CellResolution>();

  constructor(
    private readonly registry: AgencyRegistry,
    private readonly file: string,
    private readonly addressees: { unit: 'xã' | 'phường'; names: string[] } | null,
  ) {}

  /** The agencies an assignee stands for; names nobody knows are recorded at `line`. */
  lead(assignee: Assignee, line: number): AgencyRef[] {
    const refs: AgencyRef[] = [];
    const add = (found: AgencyRef[], unknown: string[]) => {
      for (const ref of found) if (!refs.some((r) => r.id === ref.id)) refs.push(ref);
      for (const name of unknown) this.remember(name, line, 'lead');
    };
    if (assignee.kind === 'agencies') {
      const reading = this.firstKnownReading(assignee.phrases);
      add(reading.refs, reading.unknown);
      return refs;
    }
    const communes = assignee.kind === 'communes' ? assignee : this.addressees;
    if (!communes) {
      const { refs: collective, unknown } = this.read(COMMUNE_COLLECTIVE);
      add(collective, unknown);
      return refs;
    }
    for (const name of communes.names) {
      const printed = `UBND ${communes.unit} ${name}`;
      const commune = this.commune(printed);
      add(commune ? [commune] : [], commune ? [] : [printed]);
    }
    return refs;
  }

  /** The agencies `text` says to work with, other than the lead. */
  coordinating(text: string, lead: AgencyRef[], line: number): AgencyRef[] {
    const refs: AgencyRef[] = [];
    for (const phrase of coordinationPhrases(text)) {
      const { refs: found, unknown } = this.read(phrase);
      for (const ref of found) {
        if (![...lead, ...refs].some((r) => r.id === ref.id)) refs.push(ref);
      }
      for (const name of unknown) this.remember(name, line, 'coordinating');
    }
    return refs;
  }

  unresolved(): UnresolvedName[] {
    return [...this.unknown.values()];
  }

  /** One commune the registry knows by exactly this name, with its canonical name. */
  private commune(printed: string): AgencyRef | null {
    const { refs, unknown } = this.read(printed);
    const agency =
      refs.length === 1 && unknown.length === 0 ? this.registry.get(refs[0]?.id ?? '') : undefined;
    return agency?.kind === 'commune' ? { id: agency.id, name: agency.name } : null;
  }

  /** The first cut that names only known agencies; else the first cut, unknowns and all. */
  private firstKnownReading(phrases: string[]): { refs: AgencyRef[]; unknown: string[] } {
    const readings = phrases.map((phrase) => this.read(phrase));
    return (
      readings.find((r) => r.unknown.length === 0 && r.refs.length > 0) ??
      readings[0] ?? { refs: [], unknown: [] }
    );
  }

  private read(phrase: string): CellResolution {
    let reading = this.readings.get(phrase);
    if (!reading) {
      reading = this.registry.resolveCell(phrase);
      this.readings.set(phrase, reading);
    }
    return reading;
  }

  private remember(name: string, line: number, column: Column): void {
    let entry = this.unknown.get(name);
    if (!entry) {
      entry = { name, cells: [], suggestions: this.registry.suggest(name) };
      this.unknown.set(name, entry);
    }
    if (!entry.cells.some((cell) => cell.line === line && cell.column === column)) {
      entry.cells.push({ file: this.file, line, column });
    }
  }
}
