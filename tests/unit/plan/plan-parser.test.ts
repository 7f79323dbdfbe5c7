import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parsePlanTable,
  PlanTableError,
  type ParsedPlan,
} from '#shared/domain/plan/plan-parser.ts';
import { MAX_CELL_CHARS, MAX_SOURCE_BYTES, MAX_TABLE_LINES } from '#shared/domain/plan/limits.ts';
import {
  planDocumentSchema,
  taskSchema,
  type ImportWarning,
  type PlanOverrides,
  type Task,
} from '#shared/domain/plan/model.ts';
import { PERIOD_FORMATS } from '#shared/domain/plan/plan-period.ts';
import { SEED_PLANS_DIR, seedAgencyRegistry, seedPlanImports } from '#shared/seed-registry.ts';

const registry = seedAgencyRegistry();
const deps = { registry };

/** A seed table with its request's overrides, as `npm start` imports it. */
function parseSeed(file: string): ParsedPlan {
  const { overrides } = seedPlanImports().find((seed) => seed.file === file) ?? {};
  const text = readFileSync(`${SEED_PLANS_DIR}/${file}`, 'utf8');
  return parsePlanTable({ file, text }, { registry, overrides });
}

const kh266 = parseSeed('kh266-phu-luc-8.txt');
const kh267 = parseSeed('kh267-phu-luc-iii.txt');

function task(parsed: ParsedPlan, id: string): Task {
  const found = parsed.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

const ids = (refs: { id: string }[]) => refs.map((r) => r.id);

describe('the seed tables', () => {
  it('import without a single warning or unresolved name', () => {
    expect([...kh266.warnings, ...kh267.warnings]).toEqual([]);
    expect([...kh266.unresolved, ...kh267.unresolved]).toEqual([]);
  });

  it('give KH266 48 leaf tasks plus the group I.1, and KH267 106 tasks', () => {
    expect(kh266.tasks.filter((t) => !t.isGroup)).toHaveLength(48);
    expect(kh266.tasks.filter((t) => t.isGroup).map((t) => t.id)).toEqual(['KH266-I-1']);
    expect(kh267.tasks).toHaveLength(106);
    expect(kh267.tasks.at(-1)?.id).toBe('KH267-XVI-106');
  });

  it('identify each plan from its preamble', () => {
    expect(kh266.plan).toMatchObject({
      code: 'KH266',
      kind: 'plan',
      number: '266/KH-UBND',
      title:
        'PHỤ LỤC 8: Các giải pháp, công việc cụ thể cho các ngành, lĩnh vực thực hiện mục tiêu tăng trưởng 6 tháng cuối năm 2026',
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: '2026-07-07',
    });
    expect(kh267.plan).toMatchObject({
      code: 'KH267',
      kind: 'plan',
      number: '267/KH-UBND',
      // "của Ủy ban nhân dân tỉnh": the province's committee, in its canonical form.
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: '2026-07-08',
    });
    expect(kh267.plan.title).toMatch(
      /^Phụ lục III\. Các nhiệm vụ thực hiện Quy hoạch tỉnh Lạng Sơn/,
    );
    for (const { plan } of [kh266, kh267]) planDocumentSchema.parse(plan);
  });

  it("read KH266's period from its title, and take KH267's from the seed request", () => {
    // "… tăng trưởng 6 tháng cuối năm 2026"
    expect(kh266.plan.period).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    // The title names the master plan's "thời kỳ 2021 - 2030"; seeds/plans.json says more.
    expect(kh267.plan.period).toEqual({ start: '2026-07-08', end: '2030-12-31' });
  });

  it("propose DESIGN.md's sector map from the section titles alone", () => {
    const sectors = (parsed: ParsedPlan) =>
      Object.fromEntries(parsed.plan.sections.map((s) => [s.code, s.sector]));
    const services = ['II', 'III', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XIV', 'XV'];

    expect(sectors(kh266)).toEqual({ I: 'agriculture', II: 'industry', III: 'services' });
    expect(sectors(kh267)).toEqual({
      ...Object.fromEntries(services.map((code) => [code, 'services'])),
      I: 'industry',
      XI: 'industry',
      XIII: 'industry',
      IV: 'agriculture',
      XII: 'agriculture',
      XVI: 'agriculture',
    });
    expect(seedPlanImports().map((seed) => seed.overrides.sectors)).toEqual([undefined, undefined]);
  });

  it('produce schema-valid tasks with unique ids', () => {
    const all = [...kh266.tasks, ...kh267.tasks];
    for (const t of all) taskSchema.parse(t);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  });

  it('map sections to sectors as DESIGN.md says', () => {
    const sectorOf = (id: string) => task(id.startsWith('KH266') ? kh266 : kh267, id).sector;
    expect(sectorOf('KH266-I-2')).toBe('agriculture');
    expect(sectorOf('KH266-II-1')).toBe('industry');
    expect(sectorOf('KH266-III-28')).toBe('services');
    expect(sectorOf('KH267-I-1')).toBe('industry');
    expect(sectorOf('KH267-XIII-85')).toBe('industry');
    expect(sectorOf('KH267-XVI-106')).toBe('agriculture');
    expect(sectorOf('KH267-II-6')).toBe('services');
  });
});

describe('KH266 hard rows', () => {
  it('I.1 is a group with children 1.1 and 1.2', () => {
    const group = task(kh266, 'KH266-I-1');
    expect(group).toMatchObject({ isGroup: true, parentId: null, ordinal: '1' });
    expect(group.title).toBe('Triển khai chính sách hỗ trợ đầu tư trong nông nghiệp');
    expect(task(kh266, 'KH266-I-1.1').parentId).toBe('KH266-I-1');
    expect(task(kh266, 'KH266-I-1.2')).toMatchObject({ parentId: 'KH266-I-1', isGroup: false });
  });

  it('I.1.1 turns <p> paragraphs into lines and resolves five lead agencies', () => {
    const t = task(kh266, 'KH266-I-1.1');
    expect(t.title.split('\n')).toHaveLength(3);
    expect(t.title).not.toMatch(/<\/?p>/);
    expect(ids(t.lead)).toEqual([
      'so-nong-nghiep-va-moi-truong',
      'so-tai-chinh',
      'so-xay-dung',
      'ngan-hang-nha-nuoc-khu-vuc-5',
      'ubnd-cap-xa',
    ]);
    expect(ids(t.coordinating)).toEqual(['cac-so-ban-nganh', 'ubnd-cap-xa']);
    expect(t.schedule).toEqual({
      text: 'Quý III/2026',
      kind: 'window',
      start: '2026-07-01',
      due: '2026-09-30',
      recurrence: null,
      condition: null,
    });
    expect(t.source).toEqual({ file: 'kh266-phu-luc-8.txt', line: 9 });
  });

  it('I.2 reads four targets out of a <ul> list', () => {
    const t = task(kh266, 'KH266-I-2');
    expect(t.expectedResult).toBe(
      'Quản lý, chăm sóc tốt:\n- Lúa: 15.520 ha\n- Ngô: 14.528 ha\n- Cây lấy củ: 1.724 ha\n- Cây thực phẩm: 7.048 ha',
    );
    expect(
      t.targets.map(({ key, value, unit, comparator }) => ({ key, value, unit, comparator })),
    ).toEqual([
      { key: 'lua', value: 15520, unit: 'ha', comparator: 'gte' },
      { key: 'ngo', value: 14528, unit: 'ha', comparator: 'gte' },
      { key: 'cay-lay-cu', value: 1724, unit: 'ha', comparator: 'gte' },
      { key: 'cay-thuc-pham', value: 7048, unit: 'ha', comparator: 'gte' },
    ]);
    expect(t.schedule).toMatchObject({ kind: 'window', start: '2026-07-01', due: '2026-11-30' });
  });

  it('I.8 folds a page-break continuation into lead and result', () => {
    const t = task(kh266, 'KH266-I-8');
    expect(t.lead.map((r) => r.name)).toEqual([
      'Sở Nông nghiệp và Môi trường',
      'UBND các xã, phường',
    ]);
    expect(t.expectedResult).toBe(
      'Tỷ lệ tiêm phòng các bệnh truyền nhiễm nguy hiểm đạt trên 80% tổng đàn trong diện tiêm',
    );
    expect(t.targets).toMatchObject([{ value: 80, unit: '%', comparator: 'gt' }]);
  });

  it('II.19 gains a second milestone from its continuation', () => {
    const t = task(kh266, 'KH266-II-19');
    expect(t.coordinating.map((r) => r.name)).toEqual(['Các sở ngành liên quan', 'UBND cấp xã']);
    expect(t.milestones.map(({ due, text }) => ({ due, text }))).toEqual([
      {
        due: '2026-09-30',
        text: 'Quý III/2026 → 06 dự án được UBND tỉnh chấp thuận chủ trương đầu tư',
      },
      { due: '2026-12-31', text: 'Quý IV → 01 dự án được UBND tỉnh chấp thuận chủ trương đầu tư' },
    ]);
    expect(t.schedule).toMatchObject({ kind: 'window', start: '2026-07-01', due: '2026-12-31' });
    expect(t.targets.map((x) => [x.key, x.value])).toEqual([
      ['du-an', 6],
      ['du-an-2', 1],
    ]);
  });

  it('II.27 continues its result as a new list line after a page break', () => {
    const t = task(kh266, 'KH266-II-27');
    expect(t.expectedResult.split('\n')).toEqual([
      expect.stringMatching(/^- Đảm bảo cung ứng/),
      '- Đấu giá thành công khu vực mỏ vật liệu xây dựng trong 6 tháng cuối năm',
    ]);
  });

  it('III.35 splits two lead agencies separated only by a space', () => {
    expect(ids(task(kh266, 'KH266-III-35').lead)).toEqual([
      'bql-khu-ktck-dong-dang-lang-son',
      'so-khoa-hoc-va-cong-nghe',
    ]);
  });

  it('keeps STT as printed when section III continues the numbering', () => {
    expect(task(kh266, 'KH266-III-28').section).toEqual({ code: 'III', title: 'Lĩnh vực dịch vụ' });
  });

  it('reads timelines of every form the plan uses', () => {
    const schedule = (id: string) => task(kh266, id).schedule;
    expect(schedule('KH266-I-3')).toMatchObject({ kind: 'recurring', recurrence: 'monthly' });
    expect(schedule('KH266-II-7')).toMatchObject({ kind: 'recurring', recurrence: 'monthly' });
    expect(schedule('KH266-II-13')).toMatchObject({ kind: 'deadline', due: '2027-09-30' });
    expect(schedule('KH266-II-21')).toMatchObject({ kind: 'deadline', due: '2026-07-15' });
    expect(schedule('KH266-II-22')).toMatchObject({ kind: 'unspecified', text: '' });
    expect(schedule('KH266-I-5')).toMatchObject({ kind: 'deadline', due: '2026-12-31' });
  });
});

describe('KH267 hard rows', () => {
  it('uses the global STT in ids and reads the section STT from its own column', () => {
    const t = task(kh267, 'KH267-III-18');
    expect(t).toMatchObject({ ordinal: '18', section: { code: 'III' } });
  });

  it('III.18 joins a row split under a header with one column fewer', () => {
    const t = task(kh267, 'KH267-III-18');
    expect(t.title).toMatch(/lưu trú qua đêm trong khu vực hạn chế tại lối thông quan/);
    expect(t.title).toMatch(/138\/2008\/QĐ-TTg ngày 14\/10\/2008 của Thủ tướng Chính phủ$/);
    expect(ids(t.lead)).toEqual(['bql-khu-ktck-dong-dang-lang-son']);
    expect(ids(t.coordinating)).toEqual([
      'cong-an-tinh',
      'bo-chi-huy-quan-su-tinh',
      'cac-so-ban-nganh',
      'ubnd-xa-hoang-van-thu',
    ]);
    expect(t.schedule).toMatchObject({
      text: 'Năm 2027 - 2028',
      start: '2027-01-01',
      due: '2028-12-31',
    });
    expect(t.note).toBe('Quyết định của Thủ tướng Chính phủ');
  });

  it('IV.23 rejoins a hyphenated legal reference and a split timeline', () => {
    const t = task(kh267, 'KH267-IV-23');
    expect(t.note).toBe('Quyết định số 234/QĐ-UBND ngày 7/2/2020 của UBND tỉnh');
    expect(t.schedule).toMatchObject({ text: 'Tiếp tục thực hiện', kind: 'ongoing' });
    expect(ids(t.lead)).toEqual(['so-nong-nghiep-va-moi-truong']);
  });

  it('reads section rows printed in one cell and the section STT inside the task cell', () => {
    const t = task(kh267, 'KH267-V-41');
    expect(t.section).toEqual({ code: 'V', title: 'Phát triển Dân số, lao động, việc làm' });
    expect(t.title).toBe(
      'Xây dựng Đề án phát triển thị trường lao động, việc làm tỉnh Lạng Sơn đến năm 2030',
    );
    expect(ids(t.lead)).toEqual(['so-noi-vu']);
    expect(task(kh267, 'KH267-IV-19').section.title).toBe(
      'Phát triển Nông, lâm nghiệp và thủy sản',
    );
  });

  it('VII.51 takes a continuation under a full header', () => {
    expect(task(kh267, 'KH267-VII-51').title).toMatch(
      /trên địa bàn tỉnh Lạng Sơn giai đoạn 2021 - 2025$/,
    );
  });

  it('XIII.96 has a condition in its note instead of a timeline', () => {
    expect(task(kh267, 'KH267-XIII-96').schedule).toMatchObject({
      kind: 'conditional',
      condition:
        'Sau khi quy hoạch chung xây dựng các xã, phường theo địa giới hành chính mới được phê duyệt',
    });
  });

  it('reads yearly, period and bare-year timelines', () => {
    expect(task(kh267, 'KH267-X-75').schedule).toMatchObject({
      kind: 'recurring',
      recurrence: 'yearly',
    });
    expect(task(kh267, 'KH267-XIII-85').schedule).toMatchObject({
      start: '2026-01-01',
      due: '2030-12-31',
    });
    expect(task(kh267, 'KH267-VIII-62').schedule).toMatchObject({
      start: '2026-01-01',
      due: '2026-12-31',
    });
  });
});

// ---- plans the platform has never seen ----

const TITLE = 'PHỤ LỤC 1: Các nhiệm vụ trọng tâm năm 2027\n';
const REFERENCE =
  '(Kèm theo Kế hoạch số 300/KH-UBND ngày 05 tháng 01 năm 2027 của UBND tỉnh Lạng Sơn)\n';
const HEADER = 'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tKết quả cụ thể\n';
const row = (...cells: string[]) => `${cells.join('\t')}\n`;
const THREE_SECTIONS =
  row('I', 'Lĩnh vực nông nghiệp', '', '', '', '') +
  row('1', 'Gieo trồng vụ Xuân', 'Sở Nông nghiệp và Môi trường', '', 'Quý I', 'Lúa: 15.000 ha') +
  row('II', 'Lĩnh vực công nghiệp', '', '', '', '') +
  row(
    '2',
    'Thu hút đầu tư cụm công nghiệp',
    'Sở Công Thương',
    'Sở Du hành Vũ trụ',
    'Năm 2027',
    '',
  ) +
  row('III', 'Lĩnh vực du lịch', '', '', '', '') +
  row('3', 'Lễ hội mùa xuân', 'Sở Du hành Vũ trụ', 'sở du hành vũ trụ', 'Tháng 2/2027', '');

function parseTable(rows: string, overrides?: PlanOverrides, preamble = TITLE + REFERENCE) {
  return parsePlanTable(
    { file: 'kh300.txt', text: `${preamble}${HEADER}${rows}` },
    { registry, overrides },
  );
}

function issuesOf(run: () => unknown): ImportWarning[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanTableError) return error.issues;
    throw error;
  }
  throw new Error('expected a PlanTableError');
}

describe('a plan the platform has never seen', () => {
  it('is read from its preamble and section titles, with no profile', () => {
    // Act
    const parsed = parseTable(THREE_SECTIONS);

    // Assess
    expect(parsed.plan).toEqual({
      code: 'KH300',
      kind: 'plan',
      number: '300/KH-UBND',
      title: 'PHỤ LỤC 1: Các nhiệm vụ trọng tâm năm 2027',
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: '2027-01-05',
      period: { start: '2027-01-01', end: '2027-12-31' },
      sections: [
        { code: 'I', title: 'Lĩnh vực nông nghiệp', sector: 'agriculture' },
        { code: 'II', title: 'Lĩnh vực công nghiệp', sector: 'industry' },
        { code: 'III', title: 'Lĩnh vực du lịch', sector: 'services' },
      ],
    });
    expect(parsed.tasks.map((t) => [t.id, t.sector])).toEqual([
      ['KH300-I-1', 'agriculture'],
      ['KH300-II-2', 'industry'],
      ['KH300-III-3', 'services'],
    ]);
    expect(parsed.tasks[0]?.schedule).toMatchObject({ start: '2027-01-01', due: '2027-03-31' });
    expect(parsed.warnings).toEqual([]);
  });

  it('takes every override of the request over what the document says', () => {
    // Prepare
    const overrides: PlanOverrides = {
      code: 'KH300N2027',
      title: 'Nhiệm vụ năm 2027',
      issuedOn: '2027-01-06',
      issuingBody: 'UBND tỉnh Lạng Sơn (bản sửa)',
      period: { start: '2027-01-06', end: '2027-12-31' },
      sectors: { III: 'industry' },
    };

    // Act
    const { plan, tasks } = parseTable(THREE_SECTIONS, overrides);

    // Assess
    const { sectors: _sectors, ...documentFields } = overrides;
    expect(plan).toMatchObject({ ...documentFields, number: '300/KH-UBND' });
    expect(plan.sections.map((s) => s.sector)).toEqual(['agriculture', 'industry', 'industry']);
    expect(tasks.map((t) => t.id)).toEqual([
      'KH300N2027-I-1',
      'KH300N2027-II-2',
      'KH300N2027-III-3',
    ]);
  });

  it('reads a table annexed to a conclusion notice as a notice', () => {
    // Prepare
    const preamble =
      'Phụ lục: Nhiệm vụ 6 tháng đầu năm 2026\n(Kèm theo Thông báo số 150/TB-UBND ngày 20/5/2026 của Ủy ban nhân dân tỉnh)\n';

    // Act
    const { plan, tasks } = parseTable(THREE_SECTIONS, undefined, preamble);

    // Assess
    expect(plan).toMatchObject({
      code: 'TB150',
      kind: 'notice',
      number: '150/TB-UBND',
      issuedOn: '2026-05-20',
      issuingBody: 'UBND tỉnh Lạng Sơn',
      period: { start: '2026-01-01', end: '2026-06-30' },
    });
    expect(tasks[0]?.id).toBe('TB150-I-1');
  });
});

describe('names no known agency answers to', () => {
  it('are returned once each, with every cell and the closest agencies', () => {
    // Act
    const parsed = parseTable(THREE_SECTIONS);

    // Assess
    expect(parsed.unresolved).toEqual([
      {
        name: 'Sở Du hành Vũ trụ',
        cells: [
          { file: 'kh300.txt', line: 7, column: 'coordinating' },
          { file: 'kh300.txt', line: 9, column: 'lead' },
          { file: 'kh300.txt', line: 9, column: 'coordinating' },
        ],
        suggestions: registry.suggest('Sở Du hành Vũ trụ'),
      },
    ]);
    expect(parsed.tasks.map((t) => t.lead.map((r) => r.id))).toEqual([
      ['so-nong-nghiep-va-moi-truong'],
      ['so-cong-thuong'],
      [],
    ]);
  });

  it('suggest the agency a Roman numeral names', () => {
    // Act
    const { unresolved } = parseTable(
      row('I', 'Lĩnh vực dịch vụ', '', '', '', '') +
        row('1', 'Tín dụng', 'Ngân hàng Nhà nước Khu vực V', '', 'Quý I', ''),
    );

    // Assess
    expect(unresolved).toMatchObject([
      {
        name: 'Ngân hàng Nhà nước Khu vực V',
        suggestions: [{ id: 'ngan-hang-nha-nuoc-khu-vuc-5', score: 1 }],
      },
    ]);
  });
});

describe('text, not markup', () => {
  it('keeps encoded markup, a literal "<" and out-of-range references as text', () => {
    // Act
    const { tasks } = parseTable(
      row('I', 'Lĩnh vực dịch vụ', '', '', '', '') +
        row(
          '1',
          '&lt;script&gt;alert(1)&lt;/script&gt; <!-- ẩn -->Hội chợ &amp; triển lãm &#x110000; &#99999999999;',
          'Sở Công Thương',
          '',
          'Quý I',
          'Diện tích x < 5 ha',
        ),
    );

    // Assess
    expect(tasks[0]?.title).toBe('<script>alert(1)</script> Hội chợ & triển lãm \uFFFD \uFFFD');
    expect(tasks[0]?.expectedResult).toBe('Diện tích x < 5 ha');
  });
});

describe('errors: nothing is returned, every problem is named at once', () => {
  it('refuses a file that is not a plan table', () => {
    // Act
    const issues = issuesOf(() =>
      parsePlanTable({ file: 'notes.txt', text: `${REFERENCE}just some prose\n` }, deps),
    );

    // Assess
    expect(issues).toEqual([
      {
        file: 'notes.txt',
        line: 0,
        code: 'NOT_A_PLAN_TABLE',
        message:
          'Không tìm thấy dòng tiêu đề của bảng (các cột cách nhau bằng tab, bắt đầu bằng "STT")',
      },
    ]);
  });

  it('refuses a section it cannot place, naming it with the allowed sectors', () => {
    // Prepare
    const rows =
      row('IV', 'Nhiệm vụ khác', '', '', '', '') + row('1', 'A', 'Sở Y tế', '', 'Quý I', '');

    // Act
    const issues = issuesOf(() => parseTable(rows));

    // Assess
    expect(issues).toEqual([
      {
        file: 'kh300.txt',
        line: 4,
        code: 'UNKNOWN_SECTION',
        message:
          'Không xác định được lĩnh vực của mục IV "Nhiệm vụ khác": hãy chỉ định trong yêu cầu (sectors.IV)',
        field: 'sectors.IV',
        allowed: ['agriculture', 'industry', 'services'],
      },
    ]);
    expect(parseTable(rows, { sectors: { IV: 'services' } }).tasks[0]?.sector).toBe('services');
  });

  it('refuses a section whose title names two sectors, and a sector for a section it lacks', () => {
    // Prepare
    const rows =
      row('I', 'Nông nghiệp công nghệ cao', '', '', '', '') +
      row('1', 'A', 'Sở Y tế', '', 'Quý I', '');

    // Act
    const issues = issuesOf(() => parseTable(rows, { sectors: { IX: 'industry' } }));

    // Assess
    expect(issues).toMatchObject([
      {
        line: 4,
        code: 'AMBIGUOUS_SECTION',
        field: 'sectors.I',
        message: expect.stringContaining('(agriculture, services)'),
      },
      { line: 0, code: 'SECTION_NOT_IN_TABLE', field: 'sectors.IX', allowed: ['I'] },
    ]);
  });

  it('refuses a period it cannot read, unless the request gives one', () => {
    // Prepare
    const rows =
      row('I', 'Lĩnh vực y tế', '', '', '', '') + row('1', 'A', 'Sở Y tế', '', 'Quý I', '');
    const preamble = `PHỤ LỤC 1: Các nhiệm vụ trọng tâm\n${REFERENCE}`;

    // Act
    const issues = issuesOf(() => parseTable(rows, undefined, preamble));
    const given = parseTable(
      rows,
      { period: { start: '2027-01-01', end: '2027-06-30' } },
      preamble,
    );

    // Assess
    expect(issues).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'PERIOD_UNREADABLE',
        field: 'period',
        allowed: [...PERIOD_FORMATS],
      }),
    ]);
    expect(given.plan.period).toEqual({ start: '2027-01-01', end: '2027-06-30' });
    expect(
      issuesOf(() =>
        parseTable(rows, { period: { start: '2027-12-31', end: '2027-01-01' } }, preamble),
      ),
    ).toMatchObject([{ code: 'INVALID_PERIOD', field: 'period' }]);
  });

  it('refuses a preamble that names no plan, with the period problem in the same round', () => {
    expect(issuesOf(() => parseTable(THREE_SECTIONS, undefined, ''))).toMatchObject([
      { code: 'NO_PLAN_REFERENCE', file: 'kh300.txt', line: 0 },
      { code: 'PERIOD_UNREADABLE', field: 'period' },
    ]);
  });

  it('refuses a reference without a readable date or issuing body, or with a date that does not exist', () => {
    // Prepare
    const bare = `${TITLE}(Kèm theo Kế hoạch số 300/KH-UBND)\n`;
    const impossible = `${TITLE}(Kèm theo Kế hoạch số 300/KH-UBND ngày 31/02/2027 của UBND tỉnh)\n`;

    // Act
    const bareIssues = issuesOf(() => parseTable(THREE_SECTIONS, undefined, bare));
    const impossibleIssues = issuesOf(() => parseTable(THREE_SECTIONS, undefined, impossible));
    const overridden = parseTable(
      THREE_SECTIONS,
      { issuedOn: '2027-01-05', issuingBody: 'UBND tỉnh Lạng Sơn' },
      bare,
    );

    // Assess
    expect(bareIssues).toMatchObject([
      { line: 2, code: 'ISSUED_ON_UNREADABLE', field: 'issuedOn' },
      { line: 2, code: 'ISSUING_BODY_UNREADABLE', field: 'issuingBody' },
    ]);
    expect(impossibleIssues).toMatchObject([
      {
        line: 2,
        code: 'INVALID_DATE',
        field: 'issuedOn',
        message: 'Ngày ban hành 31/02/2027 không tồn tại',
      },
    ]);
    expect(overridden.plan).toMatchObject({ issuedOn: '2027-01-05', code: 'KH300' });
  });

  it('refuses a plan code that a task id cannot carry', () => {
    expect(issuesOf(() => parseTable(THREE_SECTIONS, { code: 'KH-300' }))).toMatchObject([
      { code: 'INVALID_PLAN_CODE', field: 'code', allowed: ['^[A-Z][A-Z0-9]{1,23}$'] },
    ]);
  });

  it('refuses a timeline date that does not exist', () => {
    // Prepare
    const rows =
      row('I', 'Lĩnh vực y tế', '', '', '', '') +
      row('1', 'A', 'Sở Y tế', '', 'Trước 31/02/2027', '');

    // Act
    const issues = issuesOf(() => parseTable(rows));

    // Assess
    expect(issues).toEqual([
      {
        file: 'kh300.txt',
        line: 5,
        code: 'INVALID_DATE',
        message: 'Cột thời gian: ngày 31/02/2027 không tồn tại',
        field: 'timeline',
      },
    ]);
  });

  it('refuses a repeated STT, a repeated section and a row before any section, all at once', () => {
    // Prepare
    const rows =
      row('1', 'Trước mục', 'Sở Y tế', '', 'Quý I', '') +
      row('I', 'Lĩnh vực y tế', '', '', '', '') +
      row('3', 'A', 'Sở Tài chính', '', 'Quý III/2027', '') +
      row('3', 'B', 'Sở Tài chính', '', 'Quý III/2027', '') +
      row('I', 'Lĩnh vực y tế', '', '', '', '');

    // Act
    const issues = issuesOf(() => parseTable(rows));

    // Assess
    expect(issues).toEqual([
      {
        file: 'kh300.txt',
        line: 8,
        code: 'DUPLICATE_SECTION',
        message: 'Mục I lặp lại (đã có ở dòng 5)',
      },
      {
        file: 'kh300.txt',
        line: 4,
        code: 'TASK_OUTSIDE_SECTION',
        message: 'Dòng STT 1 nằm trước mọi mục (I, II, …)',
      },
      {
        file: 'kh300.txt',
        line: 7,
        code: 'DUPLICATE_STT',
        message: 'STT 3 lặp lại trong mục I (đã có ở dòng 6)',
      },
    ]);
  });
});

describe('warnings: what is merely imperfect', () => {
  it('warns about a timeline it cannot read and a row that continues nothing', () => {
    // Prepare
    const rows =
      row('I', 'Lĩnh vực y tế', '', '', '', '') +
      row('', 'dòng lạc', '', '', '', '') +
      row('1', 'A', 'Sở Y tế', '', 'Khi có kinh phí', '');

    // Act
    const parsed = parseTable(rows);

    // Assess
    expect(parsed.tasks).toHaveLength(1);
    expect(parsed.warnings).toMatchObject([
      { code: 'UNRECOGNISED_ROW', line: 5 },
      {
        code: 'TIMELINE_UNREADABLE',
        line: 6,
        field: 'timeline',
        message: 'Cột thời gian: không đọc được thời gian "Khi có kinh phí"',
      },
    ]);
  });
});

describe('stated limits', () => {
  const rows = row('I', 'Lĩnh vực y tế', '', '', '', '');

  it(`refuses a cell over ${MAX_CELL_CHARS} characters, naming its line and column`, () => {
    // Prepare
    const long = row('1', 'A', 'Sở Y tế', '', 'Quý I', '1 ha '.repeat(10_000));

    // Act
    const issues = issuesOf(() => parseTable(rows + long));

    // Assess
    expect(issues).toEqual([
      {
        file: 'kh300.txt',
        line: 5,
        code: 'CELL_TOO_LONG',
        message: 'Ô "kết quả" dài 50.000 ký tự, vượt giới hạn 10.000 ký tự',
        field: 'result',
      },
    ]);
  });

  it('refuses a cell that grows over the limit across page-break continuations', () => {
    // Prepare
    const half = 'x'.repeat(MAX_CELL_CHARS / 2 + 1);
    const split = row('1', half, 'Sở Y tế', '', 'Quý I', '') + row('', half, '', '', '', '');

    // Act
    const issues = issuesOf(() => parseTable(rows + split));

    // Assess
    expect(issues).toMatchObject([{ line: 5, code: 'CELL_TOO_LONG', field: 'task' }]);
  });

  it(`refuses a table over ${MAX_TABLE_LINES} lines or ${MAX_SOURCE_BYTES} bytes`, () => {
    // Prepare
    const task = row('1', 'A', 'Sở Y tế', '', 'Quý I', '');
    const manyLines = rows + task.repeat(MAX_TABLE_LINES);
    const manyBytes =
      rows + row('1', 'A', 'Sở Y tế', '', 'Quý I', 'ạ'.repeat(MAX_SOURCE_BYTES / 3));

    // Act
    const lineIssues = issuesOf(() => parseTable(manyLines));
    const byteIssues = issuesOf(() => parseTable(manyBytes));

    // Assess
    expect(lineIssues).toMatchObject([{ line: 0, code: 'TABLE_TOO_LARGE' }]);
    expect(lineIssues[0]?.message).toMatch(/^Tệp có 5\.00\d dòng, vượt giới hạn 5\.000 dòng$/);
    expect(byteIssues).toMatchObject([{ line: 0, code: 'TABLE_TOO_LARGE' }]);
  });
});
