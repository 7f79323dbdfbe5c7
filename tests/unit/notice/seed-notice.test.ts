/** Seed 004, the vice-chairman's conclusions for six communes, imported as tasks. */
import { NoticeError } from '#shared/domain/notice/notice-error.ts';
import { parsedSourceSchema } from '#shared/domain/notice/notice-model.ts';
import { parseConclusionNotice } from '#shared/domain/notice/notice-parser.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { describe, expect, it } from 'vitest';
import {
  NOTICE_ONLY_COMMUNES,
  seedNotice,
  seedNoticeOverrides,
  seedRegistryWithout,
} from '../../support/notice-fixtures.ts';

const SIX_COMMUNES = [
  'ubnd-xa-chi-lang',
  'ubnd-xa-nhan-ly',
  'ubnd-xa-quan-son',
  'ubnd-xa-chien-thang',
  'ubnd-xa-bang-mac',
  'ubnd-xa-van-linh',
];
const FILE = 'thong-bao-ket-luan-2026-05-27.txt';

const parsed = parseConclusionNotice(seedNotice(), {
  registry: seedAgencyRegistry(),
  overrides: seedNoticeOverrides(),
});
const task = (id: string) => {
  const found = parsed.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
};
const leadIds = (id: string) => task(id).lead.map((ref) => ref.id);
const yearEnd = {
  text: '',
  kind: 'unspecified',
  start: null,
  due: '2026-12-31',
  recurrence: null,
  condition: null,
};

describe('the seed notice', () => {
  it('gives one task per assignment: 16 from the ten items, 3 from the requests', () => {
    // Assess
    expect(parsed.tasks.map((t) => t.id)).toEqual([
      'TBKL20260527-2-1',
      'TBKL20260527-2-2.1',
      'TBKL20260527-2-2.2',
      'TBKL20260527-2-2.3',
      'TBKL20260527-2-2.4',
      'TBKL20260527-2-3',
      'TBKL20260527-2-4',
      'TBKL20260527-2-5',
      'TBKL20260527-2-6.1',
      'TBKL20260527-2-6.2',
      'TBKL20260527-2-7',
      'TBKL20260527-2-8',
      'TBKL20260527-2-9',
      'TBKL20260527-2-10.1',
      'TBKL20260527-2-10.2',
      'TBKL20260527-2-10.3',
      'TBKL20260527-3-1',
      'TBKL20260527-3-2',
      'TBKL20260527-3-3',
    ]);
    expect(parsed.unresolved).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('returns what the import result schema accepts', () => {
    // Act
    const checked = parsedSourceSchema.safeParse(parsed);

    // Assess
    expect(checked.error).toBeUndefined();
  });

  it('describes the notice as a document of kind notice, its period to the year end', () => {
    // Assess
    expect(parsed.plan).toMatchObject({
      code: 'TBKL20260527',
      kind: 'notice',
      number: null,
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: '2026-05-27',
      period: { start: '2026-05-27', end: '2026-12-31' },
    });
    expect(parsed.plan.title).toMatch(
      /^Kết luận của đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh/,
    );
    expect(parsed.plan.sections.map((s) => [s.code, s.sector])).toEqual([
      ['2.1', 'services'],
      ['2.2', 'industry'],
      ['2.3', 'agriculture'],
      ['2.4', 'services'],
      ['2.5', 'industry'],
      ['2.6', 'services'],
      ['2.7', 'services'],
      ['2.8', 'services'],
      ['2.9', 'services'],
      ['2.10', 'services'],
      ['3', 'services'],
    ]);
  });

  it('gives the communes their dated tasks, each commune its own agency', () => {
    // Assess
    expect(task('TBKL20260527-2-6.2')).toMatchObject({
      lead: SIX_COMMUNES.map((id) => ({ id })),
      schedule: { kind: 'deadline', due: '2026-06-20', text: 'hoàn thành trước ngày 20/6/2026' },
    });
    expect(task('TBKL20260527-2-10.2')).toMatchObject({
      lead: SIX_COMMUNES.map((id) => ({ id })),
      schedule: { kind: 'deadline', due: '2026-06-10', text: 'trước ngày 10/6/2026' },
    });
    expect(task('TBKL20260527-2-10.2').title).toBe(
      'Khẩn trương rà soát, thống kê đầy đủ, chính xác danh sách hộ thuộc đối tượng hỗ trợ xóa nhà tạm, nhà dột nát, gửi Sở Dân tộc và Tôn giáo trước ngày 10/6/2026; đồng thời đẩy nhanh tiến độ triển khai thực hiện chương trình trên địa bàn.',
    );
  });

  it('gives the departments their reply "chậm nhất ngày 05/6/2026", as the collective', () => {
    // Assess
    expect(task('TBKL20260527-3-1')).toEqual({
      id: 'TBKL20260527-3-1',
      plan: 'TBKL20260527',
      section: { code: '3', title: 'Về các đề xuất, kiến nghị của các xã' },
      sector: 'services',
      ordinal: '1',
      parentId: null,
      isGroup: false,
      title:
        'Yêu cầu các sở, ban, ngành liên quan ban hành văn bản trả lời, gửi UBND các xã và đồng gửi UBND tỉnh để theo dõi chậm nhất ngày 05/6/2026',
      lead: [{ id: 'cac-so-ban-nganh', name: 'các sở, ban, ngành liên quan' }],
      coordinating: [],
      schedule: {
        text: 'chậm nhất ngày 05/6/2026',
        kind: 'deadline',
        start: null,
        due: '2026-06-05',
        recurrence: null,
        condition: null,
      },
      milestones: [],
      expectedResult: '',
      targets: [],
      note: '',
      source: { file: FILE, line: 77 },
    });
  });

  it('splits the request sentence where the assignee changes', () => {
    // Assess
    expect(task('TBKL20260527-3-2')).toMatchObject({
      title: 'Giao Văn phòng UBND tỉnh theo dõi, đôn đốc',
      lead: [{ id: 'van-phong-ubnd-tinh' }],
      schedule: yearEnd,
    });
    expect(task('TBKL20260527-3-3')).toMatchObject({
      title:
        'Đồng thời, UBND các xã nghiêm túc tiếp thu, nghiên cứu và tổ chức triển khai thực hiện theo đúng quy định.',
      schedule: yearEnd,
    });
    expect(leadIds('TBKL20260527-3-3')).toEqual(SIX_COMMUNES);
  });

  it('gives a commune named in an item its own task, with whom it must work', () => {
    // Assess
    expect(task('TBKL20260527-2-10.3')).toEqual({
      id: 'TBKL20260527-2-10.3',
      plan: 'TBKL20260527',
      section: { code: '2.10', title: 'Về lĩnh vực văn hóa, giáo dục và an sinh xã hội' },
      sector: 'services',
      ordinal: '10.3',
      parentId: null,
      isGroup: false,
      title:
        'Đối với xã Chi Lăng, chủ động rà soát quy hoạch, nguồn kinh phí thực hiện xây dựng Đền Chi Lăng, chùa Chi Lăng; phối hợp chặt chẽ với Sở Xây dựng, Sở Văn hóa, Thể thao và Du lịch trong quá trình triển khai thực hiện các dự án.',
      lead: [{ id: 'ubnd-xa-chi-lang', name: 'UBND xã Chi Lăng' }],
      coordinating: [
        { id: 'so-xay-dung', name: 'Sở Xây dựng' },
        { id: 'so-van-hoa-the-thao-va-du-lich', name: 'Sở Văn hóa, Thể thao và Du lịch' },
      ],
      schedule: yearEnd,
      milestones: [],
      expectedResult: '',
      targets: [],
      note: '',
      source: { file: FILE, line: 69 },
    });
  });

  it('takes the communes named in a parenthesis out of the item, each a task', () => {
    // Assess
    expect(task('TBKL20260527-2-2.3')).toMatchObject({
      title: 'Xã Nhân Lý nghiên cứu, ứng dụng công nghệ bảo quản sau thu hoạch đối với rau màu, ớt',
      lead: [{ id: 'ubnd-xa-nhan-ly', name: 'UBND xã Nhân Lý' }],
      section: { code: '2.2', title: 'Về tăng trưởng kinh tế' },
      sector: 'industry',
      source: { file: FILE, line: 31 },
    });
    expect(leadIds('TBKL20260527-2-2.2')).toEqual(['ubnd-xa-chi-lang']);
    expect(leadIds('TBKL20260527-2-2.4')).toEqual(['ubnd-xa-quan-son']);
    expect(task('TBKL20260527-2-2.1').title).not.toContain('Nhân Lý');
    expect(task('TBKL20260527-2-2.1').title).toMatch(
      /hai con số\. Đồng hành, hỗ trợ, thu hút nhà đầu tư đến địa bàn\. Thực hiện các dự án đầu tư có trọng tâm, trọng điểm, làm động lực thúc đẩy phát triển kinh tế\.$/,
    );
  });

  it('reads an item of bullets as one task, its sector from the heading', () => {
    // Assess
    expect(task('TBKL20260527-2-3')).toMatchObject({
      section: { code: '2.3', title: 'Về phát triển nông, lâm nghiệp' },
      sector: 'agriculture',
      source: { file: FILE, line: 37 },
      schedule: yearEnd,
    });
    expect(task('TBKL20260527-2-3').title.split('\n')).toHaveLength(3);
    expect(leadIds('TBKL20260527-2-3')).toEqual(SIX_COMMUNES);
  });

  it('joins a sentence a page break cut, and keeps the line it starts on', () => {
    // Assess: "(6) … phấn đấu **hoàn thành trước**" / "**ngày 20/6/2026**, tránh …"
    expect(task('TBKL20260527-2-6.2')).toMatchObject({
      title:
        'Đẩy nhanh tiến độ xử lý, khai thác các cơ sở nhà, đất dôi dư sau khi sắp xếp tổ chức bộ máy, đơn vị hành chính, phấn đấu hoàn thành trước ngày 20/6/2026, tránh thất thoát, lãng phí tài sản công.',
      source: { line: 51 },
    });
    expect(task('TBKL20260527-2-6.1').title).toBe(
      'Tăng cường quản lý đất công, trụ sở, cơ sở nhà, đất sau sắp xếp bảo đảm sử dụng đúng mục đích, đúng quy định, tiêu chuẩn, định mức. Trong đó lưu ý khẩn trương thực hiện thủ tục chuyển đổi công năng đối với các tài sản được bàn giao.',
    );
  });

  it('reads "phối hợp với cơ quan thuế" as the tax authority coordinating', () => {
    // Assess
    expect(task('TBKL20260527-2-4').coordinating).toEqual([
      { id: 'thue-tinh-lang-son', name: 'cơ quan thuế' },
    ]);
  });

  it('schedules every undated task at the year end, unspecified', () => {
    // Assess
    const dated = ['TBKL20260527-2-6.2', 'TBKL20260527-2-10.2', 'TBKL20260527-3-1'];
    for (const t of parsed.tasks.filter((t) => !dated.includes(t.id))) {
      expect(t.schedule, t.id).toEqual(yearEnd);
    }
  });

  it('lists the agencies its tasks name', () => {
    // Assess
    expect(parsed.agencies.map((a) => a.id).sort()).toEqual(
      [
        ...SIX_COMMUNES,
        'cac-so-ban-nganh',
        'van-phong-ubnd-tinh',
        'so-xay-dung',
        'so-van-hoa-the-thao-va-du-lich',
        'thue-tinh-lang-son',
      ].sort(),
    );
  });
});

describe('the seed notice against a registry without its new communes', () => {
  // Prepare
  const registry = seedRegistryWithout(NOTICE_ONLY_COMMUNES);
  const result = parseConclusionNotice(seedNotice(), {
    registry,
    overrides: seedNoticeOverrides(),
  });

  it('returns each unknown commune with every place it is named, never dropped', () => {
    // Assess
    expect(result.unresolved.map((u) => u.name)).toEqual([
      'UBND xã Nhân Lý',
      'UBND xã Quan Sơn',
      'UBND xã Chiến Thắng',
      'UBND xã Bằng Mạc',
      'UBND xã Vạn Linh',
    ]);
    const nhanLy = result.unresolved[0];
    // Every task of "UBND các xã": items (1) to (10) and the last request; (2) names it twice.
    expect(nhanLy?.cells.map((c) => c.line)).toEqual([
      29, 31, 37, 43, 47, 51, 55, 57, 59, 63, 65, 77,
    ]);
    expect(nhanLy?.cells.every((c) => c.file === FILE && c.column === 'lead')).toBe(true);
    for (const name of result.unresolved) expect(name.suggestions).toEqual(expect.any(Array));
  });

  it('invents no agency: the tasks name only the communes the registry knows', () => {
    // Assess
    expect(result.tasks.find((t) => t.id === 'TBKL20260527-2-1')?.lead).toEqual([
      { id: 'ubnd-xa-chi-lang', name: 'UBND xã Chi Lăng' },
    ]);
    expect(result.tasks.find((t) => t.id === 'TBKL20260527-2-2.3')?.lead).toEqual([]);
    expect(result.agencies.map((a) => a.id)).not.toContain('ubnd-xa-nhan-ly');
  });

  it('suggests the closest known agency for a name spelled another way', () => {
    // Prepare: the office is unknown, the culture department spelled without "và".
    const text = seedNotice().text.replace(
      'Sở Văn hóa, Thể thao và Du lịch trong quá trình',
      'Sở Văn hoá Thể thao Du lịch trong quá trình',
    );

    // Act
    const { unresolved } = parseConclusionNotice(
      { file: FILE, text },
      { registry, overrides: seedNoticeOverrides() },
    );

    // Assess
    expect(unresolved.find((u) => u.name === 'Sở Văn hoá Thể thao Du lịch')).toEqual({
      name: 'Sở Văn hoá Thể thao Du lịch',
      cells: [{ file: FILE, line: 69, column: 'coordinating' }],
      suggestions: [
        {
          id: 'so-van-hoa-the-thao-va-du-lich',
          name: 'Sở Văn hóa, Thể thao và Du lịch',
          score: expect.closeTo(0.95, 1),
        },
      ],
    });
  });
});

describe('the seed notice without its import request', () => {
  it('asks for the code and the date the export does not carry', () => {
    // Act
    const error = (() => {
      try {
        parseConclusionNotice(seedNotice(), { registry: seedAgencyRegistry() });
        return null;
      } catch (thrown) {
        return thrown;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(NoticeError);
    expect((error as NoticeError).issues.map((i) => [i.code, i.field])).toEqual([
      ['NO_NOTICE_NUMBER', 'code'],
      ['NO_ISSUE_DATE', 'issuedOn'],
    ]);
  });

  it('asks for the sector of each heading the keywords cannot place', () => {
    // Prepare
    const { sectors: _sectors, ...identity } = seedNoticeOverrides();

    // Act
    const error = (() => {
      try {
        parseConclusionNotice(seedNotice(), {
          registry: seedAgencyRegistry(),
          overrides: identity,
        });
        return null;
      } catch (thrown) {
        return thrown;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(NoticeError);
    const issues = (error as NoticeError).issues;
    expect(issues.map((i) => i.field)).toEqual([
      'sectors.2.1',
      'sectors.2.2',
      'sectors.2.4',
      'sectors.2.5',
      'sectors.2.6',
      'sectors.3',
    ]);
    expect(issues[0]).toEqual({
      file: FILE,
      line: 29,
      code: 'UNPLACED_SECTION',
      message:
        'Không xác định được lĩnh vực của mục 2.1 "Về công tác lãnh đạo, chỉ đạo": cần chọn một lĩnh vực.',
      field: 'sectors.2.1',
      allowed: ['agriculture', 'industry', 'services'],
    });
  });
});
