import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parsePlanTable,
  PlanTableError,
  type ParsedPlan,
} from '#shared/domain/plan/plan-parser.ts';
import { taskSchema, type Task } from '#shared/domain/plan/model.ts';
import { seedAgencyRegistry, seedPlanProfiles } from '#shared/seed-registry.ts';

const deps = { registry: seedAgencyRegistry(), profiles: seedPlanProfiles() };

function parseSeed(file: string): ParsedPlan {
  return parsePlanTable({ file, text: readFileSync(`seeds/plans/${file}`, 'utf8') }, deps);
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
  it('import without a single warning', () => {
    expect([...kh266.warnings, ...kh267.warnings]).toEqual([]);
  });

  it('give KH266 48 leaf tasks plus the group I.1, and KH267 106 tasks', () => {
    expect(kh266.tasks.filter((t) => !t.isGroup)).toHaveLength(48);
    expect(kh266.tasks.filter((t) => t.isGroup).map((t) => t.id)).toEqual(['KH266-I-1']);
    expect(kh267.tasks).toHaveLength(106);
    expect(kh267.tasks.at(-1)?.id).toBe('KH267-XVI-106');
  });

  it('identify each plan from its preamble', () => {
    expect(kh266.plan).toMatchObject({ code: 'KH266', issuedOn: '2026-07-07' });
    expect(kh267.plan).toMatchObject({ code: 'KH267', issuedOn: '2026-07-08' });
    expect(kh267.plan.title).toMatch(
      /^Phụ lục III\. Các nhiệm vụ thực hiện Quy hoạch tỉnh Lạng Sơn/,
    );
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

describe('bad input', () => {
  const preamble = '(Kèm theo Kế hoạch số 266 /KH-UBND ngày 07 tháng 7 năm 2026 của UBND tỉnh)\n';
  const header = 'STT\tGiải pháp\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tKết quả cụ thể\n';
  const parse = (text: string) => parsePlanTable({ file: 'bad.txt', text }, deps);
  const issuesOf = (text: string) => {
    try {
      parse(text);
    } catch (error) {
      if (error instanceof PlanTableError) return error.issues;
      throw error;
    }
    throw new Error('expected a PlanTableError');
  };

  it('refuses a file that is not a plan table', () => {
    expect(issuesOf(`${preamble}just some prose\n`)).toMatchObject([{ code: 'NOT_A_PLAN_TABLE' }]);
  });

  it('refuses a file that names no plan', () => {
    expect(issuesOf(header)).toMatchObject([{ code: 'NO_PLAN_REFERENCE', file: 'bad.txt' }]);
  });

  it('refuses a plan without a profile', () => {
    const other = preamble.replace('266', '999');
    expect(issuesOf(`${other}${header}`)).toMatchObject([{ code: 'UNKNOWN_PLAN' }]);
  });

  it('refuses a repeated STT, naming both lines', () => {
    const rows =
      'I\tNông nghiệp\t\t\t\t\n3\tA\tSở Tài chính\t\tQuý III/2026\t\n3\tB\tSở Tài chính\t\tQuý III/2026\t\n';
    expect(issuesOf(`${preamble}${header}${rows}`)).toEqual([
      {
        file: 'bad.txt',
        line: 5,
        code: 'DUPLICATE_STT',
        message: 'STT 3 repeats in section I (first on line 4)',
      },
    ]);
  });

  it('warns about a date that does not exist and an unknown agency, with file and line', () => {
    const rows = 'I\tNông nghiệp\t\t\t\t\n1\tA\tSở Du hành Vũ trụ\t\tTrước 31/6/2026\t\n';
    const parsed = parse(`${preamble}${header}${rows}`);
    expect(parsed.tasks).toHaveLength(1);
    expect(parsed.warnings).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'SCHEDULE',
        message: expect.stringContaining('31/6/2026'),
      }),
      expect.objectContaining({
        line: 4,
        code: 'UNKNOWN_AGENCY',
        message: 'unknown lead agency "Sở Du hành Vũ trụ"',
      }),
    ]);
  });

  it('warns about a continuation row that continues nothing', () => {
    const rows = 'I\tNông nghiệp\t\t\t\t\n\tstray text\t\t\t\t\n';
    expect(parse(`${preamble}${header}${rows}`).warnings).toMatchObject([
      { code: 'UNRECOGNISED_ROW', line: 4 },
    ]);
  });
});
