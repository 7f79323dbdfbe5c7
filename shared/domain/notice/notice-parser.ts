/**
 * Turns a conclusion notice (Thông báo kết luận) into the same result a plan table gives:
 * the document, its tasks, the agencies they name, the names nobody knows, warnings.
 *
 * Tasks come from the numbered items of the parts that have them ("(1)" … "(10)" under
 * "2. Nhiệm vụ trong thời gian tới") and from the instructions of the parts that do not
 * ("Yêu cầu các sở, ban, ngành liên quan …" under "3. Về các đề xuất, kiến nghị").
 * One task per assignment:
 * - an item is one task, except that a clause naming an assignee of its own
 *   ("xã Nhân Lý nghiên cứu…", "Đối với xã Chi Lăng, …") or a sentence with a deadline
 *   ("…, gửi Sở Dân tộc và Tôn giáo trước ngày 10/6/2026; …") is a task of its own;
 * - each instruction of a part without items is a task, split where the assignee changes
 *   ("…, giao Văn phòng UBND tỉnh theo dõi, đôn đốc; đồng thời, UBND các xã …").
 * The title is the source text (clean), the lead its assignee ("UBND các xã" being the
 * communes the notice is addressed to, each its own agency; the commune collective when it
 * names none), coordinating agencies those it says to work with, the schedule its deadline
 * ("trước ngày 10/6/2026" is due 10/6, as schedule.ts reads "Trước <date>") or else the
 * year's end, unspecified. Ids are `<code>-<part>-<item>[.<n>]`.
 *
 * An item whose heading places it in no sector, a date that does not exist, a missing
 * number or date: errors, all reported at once, and nothing is returned.
 */
import type { AgencyRegistry } from '../plan/agency-registry.ts';
import { SECTORS, type Schedule, type Task } from '../plan/model.ts';
import { parseSchedule } from '../plan/schedule.ts';
import { namedCommunes } from './assignment-grammar.ts';
import { NoticeAgencies } from './notice-agencies.ts';
import {
  assignmentsOf,
  deadlinesOf,
  type Piece,
  type PieceText,
  type Report,
} from './notice-assignments.ts';
import { NoticeError } from './notice-error.ts';
import { identifyNotice, type NoticeIdentity } from './notice-identity.ts';
import type { ImportWarning, NoticeOverrides, ParsedNotice, PlanDocument } from './notice-model.ts';
import { outlineNotice, type NoticeOutline } from './notice-outline.ts';
import { lineAt, MAX_NOTICE_CHARACTERS, readNoticeParagraphs } from './notice-text.ts';
import { proposeSector } from '../plan/sector-keywords.ts';

export interface NoticeSource {
  /** The name reported in `source.file`, in warnings and unresolved names. */
  file: string;
  text: string;
}

export interface NoticeParserDeps {
  registry: AgencyRegistry;
  overrides?: NoticeOverrides;
}

export function parseConclusionNotice(source: NoticeSource, deps: NoticeParserDeps): ParsedNotice {
  const { file } = source;
  if (source.text.length > MAX_NOTICE_CHARACTERS) {
    throw new NoticeError([
      {
        file,
        line: 0,
        code: 'NOTICE_TOO_LARGE',
        message: `Thông báo dài quá ${MAX_NOTICE_CHARACTERS.toLocaleString('vi-VN')} ký tự.`,
      },
    ]);
  }
  const overrides = deps.overrides ?? {};
  const outline = outlineNotice(readNoticeParagraphs(source.text));
  const { identity, issues } = identifyNotice(outline, overrides, file);
  if (!outline.parts.some((part) => part.items.length > 0)) {
    issues.push({
      file,
      line: 0,
      code: 'NO_NUMBERED_ITEMS',
      message: 'Không tìm thấy nhiệm vụ được đánh số "(1)", "(2)"… trong các mục của thông báo.',
    });
  }
  if (!identity || issues.length > 0) throw new NoticeError(issues);
  return readTasks(file, identity, outline, deps.registry, overrides);
}

function readTasks(
  file: string,
  identity: NoticeIdentity,
  outline: NoticeOutline,
  registry: AgencyRegistry,
  overrides: NoticeOverrides,
): ParsedNotice {
  const errors: ImportWarning[] = [];
  const warnings: ImportWarning[] = [];
  const report: Report = (severity, line, code, message) =>
    (severity === 'error' ? errors : warnings).push({ file, line, code, message });
  const opening = [outline.title, ...outline.opening].filter((p) => p !== null);
  const addressees = opening.map((p) => namedCommunes(p.text)).find((c) => c !== null) ?? null;
  const agencies = new NoticeAgencies(registry, file, addressees);
  const year = Number(identity.issuedOn.slice(0, 4));

  const sections: PlanDocument['sections'] = [];
  const tasks: Task[] = [];
  for (const part of outline.parts) {
    for (const { section, line, pieces, ordinal } of assignmentsOf(part, report)) {
      if (pieces.length === 0) continue;
      const proposal = proposeSector(section.title);
      const sector =
        overrides.sectors?.[section.code] ??
        (proposal && 'sector' in proposal ? proposal.sector : null);
      if (sector === null) errors.push(unplaced(file, line, section));
      sections.push({ ...section, sector: sector ?? 'services' });
      pieces.forEach((piece, index) => {
        const first = piece.parts[0];
        const taskLine = first ? lineAt(first.paragraph, first.start) : line;
        const ordinalText = ordinal(index, pieces.length);
        const lead = agencies.lead(piece.assignee, taskLine);
        const text = piece.parts.map((p) => p.text).join('; ');
        tasks.push({
          id: `${identity.code}-${part.number}-${ordinalText}`,
          plan: identity.code,
          section,
          sector: sector ?? 'services',
          ordinal: ordinalText,
          parentId: null,
          isGroup: false,
          title: titleOf(piece.parts),
          lead,
          coordinating: agencies.coordinating(text, lead, taskLine),
          schedule: scheduleOf(piece, { year, period: identity.period, line: taskLine, report }),
          milestones: [],
          expectedResult: '',
          targets: [],
          note: '',
          source: { file, line: taskLine },
        });
      });
    }
  }
  if (errors.length > 0) throw new NoticeError(errors);

  const named = new Set(tasks.flatMap((t) => [...t.lead, ...t.coordinating].map((r) => r.id)));
  return {
    plan: { ...identity, sections },
    tasks,
    agencies: registry.all().filter((agency) => named.has(agency.id)),
    unresolved: agencies.unresolved(),
    warnings,
  };
}

/** The deadline a piece states, or the year's end as an unspecified schedule. */
function scheduleOf(
  piece: Piece,
  context: { year: number; period: NoticeIdentity['period']; line: number; report: Report },
): Schedule {
  const phrases = deadlinesOf(piece);
  const [phrase, ...others] = phrases;
  if (phrase === undefined) {
    return {
      text: '',
      kind: 'unspecified',
      start: null,
      due: `${context.year}-12-31`,
      recurrence: null,
      condition: null,
    };
  }
  if (others.length > 0) {
    context.report(
      'warning',
      context.line,
      'SEVERAL_DEADLINES',
      `Nhiệm vụ có nhiều thời hạn (${phrases.join('; ')}): lấy thời hạn đầu tiên.`,
    );
  }
  const { schedule, problems } = parseSchedule(phrase, {
    planYear: context.year,
    period: context.period,
  });
  if (problems.length > 0 || schedule.kind !== 'deadline') {
    context.report(
      'error',
      context.line,
      'IMPOSSIBLE_DATE',
      `Thời hạn "${phrase}" không phải là một ngày có thật.`,
    );
  }
  return schedule;
}

function unplaced(
  file: string,
  line: number,
  section: { code: string; title: string },
): ImportWarning {
  return {
    file,
    line,
    code: 'UNPLACED_SECTION',
    message: `Không xác định được lĩnh vực của mục ${section.code} "${section.title}": cần chọn một lĩnh vực.`,
    field: `sectors.${section.code}`,
    allowed: [...SECTORS],
  };
}

/**
 * A task's title from its clauses: clauses of one sentence joined by "; ", sentences by a
 * space, paragraphs by a line break; the notice's closing mark ("./.") ends as a full stop.
 */
function titleOf(parts: PieceText[]): string {
  let title = '';
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    if (previous) {
      if (previous.paragraph !== part.paragraph) title += '\n';
      else if (part.sentence !== null && previous.sentence === part.sentence) title += '; ';
      else title += ' ';
    }
    title += part.text;
  });
  title = title.replace(/\.\/\.$/u, '.').trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}
