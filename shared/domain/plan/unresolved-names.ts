/**
 * The names in agency cells that no known agency answers to: each distinct name once
 * (compared as the registry compares names, printed as first met), with every cell it is
 * in and the closest known agencies. Past MAX_UNRESOLVED_NAMES the table or the registry
 * is not the one intended, and reading stops.
 */
import { normaliseName, type AgencyRegistry } from './agency-registry.ts';
import { issue, PlanTableError } from './import-issues.ts';
import { MAX_UNRESOLVED_NAMES } from './limits.ts';
import type { UnresolvedName } from './model.ts';
import { formatVnNumber } from './vn-number.ts';

export class UnresolvedNames {
  private readonly byKey = new Map<string, Omit<UnresolvedName, 'suggestions'>>();

  constructor(private readonly registry: AgencyRegistry) {}

  add(name: string, cell: UnresolvedName['cells'][number]): void {
    const key = normaliseName(name);
    const known = this.byKey.get(key);
    if (known) {
      known.cells.push(cell);
      return;
    }
    if (this.byKey.size >= MAX_UNRESOLVED_NAMES) {
      throw new PlanTableError([
        issue(
          cell.file,
          cell.line,
          'TOO_MANY_UNRESOLVED_NAMES',
          `Bảng có hơn ${formatVnNumber(MAX_UNRESOLVED_NAMES)} tên cơ quan không có trong danh mục cơ quan (từ dòng này): hãy kiểm tra bảng và danh mục`,
        ),
      ]);
    }
    this.byKey.set(key, { name, cells: [cell] });
  }

  list(): UnresolvedName[] {
    return [...this.byKey.values()].map((entry) => ({
      ...entry,
      suggestions: this.registry.suggest(entry.name),
    }));
  }
}
