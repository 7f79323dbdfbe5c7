/**
 * Each section's sector: the import request's choice, else the proposal of its title
 * (sector-keywords.ts). A section neither places, a section repeated, or a choice for a
 * section the table lacks is an error naming the request field and its allowed values.
 */
import { issue } from './import-issues.ts';
import { SECTORS, type ImportWarning, type PlanSection, type Sector } from './model.ts';
import { proposeSector } from './sector-keywords.ts';
import type { SectionRow } from './table-reader.ts';

export function placeSections(
  file: string,
  rows: readonly SectionRow[],
  chosen: Readonly<Record<string, Sector>>,
): { sections: Map<string, PlanSection>; errors: ImportWarning[] } {
  const errors: ImportWarning[] = [];
  const sections = new Map<string, PlanSection>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const { code, title, line } = row;
    const field = `sectors.${code}`;
    const earlier = firstLine.get(code);
    if (earlier !== undefined) {
      errors.push(
        issue(file, line, 'DUPLICATE_SECTION', `Mục ${code} lặp lại (đã có ở dòng ${earlier})`),
      );
      continue;
    }
    firstLine.set(code, line);
    const proposal = Object.hasOwn(chosen, code) ? { sector: chosen[code] } : proposeSector(title);
    if (proposal && 'sector' in proposal && proposal.sector !== undefined) {
      sections.set(code, { code, title, sector: proposal.sector });
    } else if (proposal && 'ambiguous' in proposal) {
      errors.push(
        issue(
          file,
          line,
          'AMBIGUOUS_SECTION',
          `Tên mục ${code} "${title}" gợi ý nhiều lĩnh vực (${proposal.ambiguous.join(', ')}): hãy chỉ định trong yêu cầu (${field})`,
          { field, allowed: SECTORS },
        ),
      );
    } else {
      errors.push(
        issue(
          file,
          line,
          'UNKNOWN_SECTION',
          `Không xác định được lĩnh vực của mục ${code} "${title}": hãy chỉ định trong yêu cầu (${field})`,
          { field, allowed: SECTORS },
        ),
      );
    }
  }
  for (const code of Object.keys(chosen)) {
    if (firstLine.has(code)) continue;
    errors.push(
      issue(
        file,
        0,
        'SECTION_NOT_IN_TABLE',
        `Yêu cầu chỉ định lĩnh vực cho mục ${code}, nhưng bảng không có mục này`,
        { field: `sectors.${code}`, allowed: [...firstLine.keys()] },
      ),
    );
  }
  return { sections, errors };
}
