/**
 * The quarterly report as a Word document: a template (the platform's default, or the
 * province's own upload) filled with docxtemplater, and the check an uploaded template
 * must pass first.
 *
 * docxtemplater + pizzip (about 360 KiB bundled) rather than building the document with
 * docx: the province's own templates must be filled, and one library does both.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { FieldProblem } from '#shared/domain/errors.ts';
import type { QuarterlyReport } from '#shared/domain/rollup/quarterly-report.ts';
import { TEMPLATE_FIELDS, templateData, type TemplateField } from './report-template-fields.ts';

/** Where a placeholder sits: its name and the lists around it (`linh_vuc`, `chi_tieu`). */
interface PlaceholderUse {
  name: string;
  lists: readonly string[];
}

/**
 * Resolves a placeholder in the data, nothing more: the data are plain records, and an
 * expression language in a province's template would be code run on the platform.
 */
function placeholderParser(uses?: PlaceholderUse[]) {
  return (tag: string) => ({
    get: (scope: unknown, context?: { scopePath?: string[] }) => {
      uses?.push({ name: tag, lists: [...(context?.scopePath ?? [])] });
      if (tag === '.') return scope;
      if (typeof scope !== 'object' || scope === null || !Object.hasOwn(scope, tag)) {
        return undefined;
      }
      return (scope as Record<string, unknown>)[tag];
    },
  });
}

function compile(zip: PizZip, uses?: PlaceholderUse[]): Docxtemplater {
  return new Docxtemplater(zip, {
    paragraphLoop: true,
    linebreaks: true,
    // Problems are returned to the caller, not printed to the function's log.
    errorLogging: false,
    parser: placeholderParser(uses),
    nullGetter: () => '',
  });
}

/** The report in the template. Throws for a template that `templateProblems` would refuse. */
export function renderReport(template: Uint8Array, report: QuarterlyReport): Buffer {
  const document = compile(new PizZip(template));
  document.render(templateData(report));
  return document.toBuffer({ compression: 'DEFLATE' });
}

/**
 * What keeps a file from serving as the report's template, in Vietnamese, or nothing:
 * not a .docx; placeholders docxtemplater cannot read (an unclosed `{`, a list never
 * closed); required placeholders missing from where they belong; unknown placeholders.
 */
export function templateProblems(file: Uint8Array): FieldProblem[] {
  let zip: PizZip;
  try {
    zip = new PizZip(file);
  } catch {
    return [
      { field: 'body', reason: 'Tệp không phải văn bản Word (.docx): không đọc được tệp nén' },
    ];
  }
  if (!zip.file('word/document.xml')) {
    return [
      { field: 'body', reason: 'Tệp không phải văn bản Word (.docx): thiếu word/document.xml' },
    ];
  }
  const uses: PlaceholderUse[] = [];
  try {
    compile(zip, uses).render(templateData(PROBE_REPORT));
  } catch (error) {
    return syntaxProblems(error);
  }
  return [...missing(TEMPLATE_FIELDS, [], uses), ...unknown(uses)];
}

/** Every required placeholder, at its place: `{ten}` of a sector inside `{#linh_vuc}`. */
function missing(
  fields: readonly TemplateField[],
  lists: readonly string[],
  uses: readonly PlaceholderUse[],
): FieldProblem[] {
  return fields.flatMap((field) => {
    const used = uses.some((use) => use.name === field.name && sameLists(use.lists, lists));
    const problems: FieldProblem[] =
      field.required && !used
        ? [{ field: placeholderPath(lists, field.name), reason: `Thiếu ${describe(field, lists)}` }]
        : [];
    return used && field.items
      ? [...problems, ...missing(field.items, [...lists, field.name], uses)]
      : problems;
  });
}

function unknown(uses: readonly PlaceholderUse[]): FieldProblem[] {
  const reported = new Set<string>();
  return uses.flatMap((use) => {
    const path = placeholderPath(use.lists, use.name);
    if (isKnown(use) || reported.has(path)) return [];
    reported.add(path);
    return [{ field: path, reason: `Trường {${use.name}} không có trong dữ liệu báo cáo` }];
  });
}

/** Known where it sits, or in a list around it (a sector's loop may print the period). */
function isKnown({ name, lists }: PlaceholderUse): boolean {
  for (let depth = lists.length; depth >= 0; depth -= 1) {
    if (fieldsAt(lists.slice(0, depth))?.some((field) => field.name === name)) return true;
  }
  return false;
}

function fieldsAt(lists: readonly string[]): readonly TemplateField[] | null {
  let fields: readonly TemplateField[] | undefined = TEMPLATE_FIELDS;
  for (const name of lists) {
    fields = fields?.find((field) => field.name === name)?.items;
  }
  return fields ?? null;
}

const sameLists = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

const placeholderPath = (lists: readonly string[], name: string) =>
  ['template', ...lists, name].join('.');

function describe(field: TemplateField, lists: readonly string[]): string {
  const tag = field.items ? `{#${field.name}}…{/${field.name}}` : `{${field.name}}`;
  const inside = lists.length > 0 ? ` trong {#${lists.at(-1)}}…{/${lists.at(-1)}}` : '';
  return `${tag}${inside} (${field.description})`;
}

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
  errors?: { properties?: TemplateErrorProperties }[];
}

const SYNTAX_MESSAGES: Record<string, (tag: string) => string> = {
  unclosed_tag: (tag) => `Thẻ "{${tag}" thiếu dấu } đóng`,
  unopened_tag: (tag) => `Thẻ "${tag}}" thiếu dấu { mở`,
  duplicate_open_tag: (tag) => `Thẻ "${tag}" có hai dấu { liền nhau`,
  duplicate_close_tag: (tag) => `Thẻ "${tag}" có hai dấu } liền nhau`,
  unclosed_loop: (tag) => `Danh sách {#${tag}} chưa được đóng bằng {/${tag}}`,
  unopened_loop: (tag) => `Thẻ đóng {/${tag}} không có thẻ mở {#${tag}}`,
  closing_tag_does_not_match_opening_tag: (tag) => `Thẻ đóng {/${tag}} không khớp với thẻ mở`,
  unbalanced_loop_tags: () => 'Các thẻ mở và đóng danh sách không cân đối',
};

/** docxtemplater's errors, each in Vietnamese with the tag it concerns. */
function syntaxProblems(error: unknown): FieldProblem[] {
  const properties = (error as { properties?: TemplateErrorProperties }).properties;
  if (!properties) throw error;
  const errors = properties.errors?.map((each) => each.properties ?? {}) ?? [properties];
  return errors.map(({ id = '', xtag = '' }) => ({
    field: 'template',
    reason:
      SYNTAX_MESSAGES[id]?.(xtag) ??
      `Mẫu có thẻ không đọc được${xtag ? ` "${xtag}"` : ''} (${id || 'lỗi không rõ'})`,
  }));
}

/** A report with one item in every list, so that a check reaches every placeholder. */
const PROBE_REPORT: QuarterlyReport = {
  period: 'Quý III/2026',
  placeAndDate: 'Lạng Sơn, ngày 20 tháng 9 năm 2026',
  dataScope: 'Số liệu từ ngày 01/07/2026 đến ngày 30/09/2026',
  dataStatus: 'Số liệu chính thức',
  sectors: [
    {
      number: 1,
      name: 'Nông, lâm nghiệp và thủy sản',
      overview: 'Lĩnh vực có 1 nhiệm vụ được theo dõi.',
      indicatorSentences: ['Cây lúa 14.562 ha, đạt 97,08% so với kế hoạch.'],
      categories: [{ name: 'Hoàn thành đúng hạn', count: 1, share: '100,00' }],
      totalTasks: 1,
      atRisk: [
        { taskId: 'KH266-I-2', title: 'Nhiệm vụ', leads: 'Sở', reasons: 'Lý do', sentence: 'Câu.' },
      ],
      notReported: [{ agency: 'Sở', sentence: 'Câu.' }],
      reportedLate: [{ agency: 'Sở', sentence: 'Câu.' }],
    },
  ],
};
