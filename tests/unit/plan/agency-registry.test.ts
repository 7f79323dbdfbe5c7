import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AgencyRegistry, normaliseName } from '#shared/domain/plan/agency-registry.ts';
import { MIN_SUGGESTION_SCORE } from '#shared/domain/plan/agency-suggestions.ts';
import { agencySchema, type Agency, type AgencyRef } from '#shared/domain/plan/model.ts';

const seedFile = z.object({ agencies: z.array(agencySchema) });

function seedAgencies(): Agency[] {
  const json: unknown = JSON.parse(
    readFileSync(new URL('../../../seeds/agencies.json', import.meta.url), 'utf8'),
  );
  return seedFile.parse(json).agencies;
}

const registry = AgencyRegistry.fromAgencies(seedAgencies());

interface AgencyCell {
  where: string;
  cell: string;
}

const STT = /^\d+(\.\d+)*$/;

/**
 * Lead and coordinating cells of every task row, with the fragment a page break pushed
 * onto the next page joined back by one space, as the plan parser does. A row split by
 * a page break has a truncated first half ("Sở Nông nghiệp và Môi trường; UBND"), which
 * names no agency on its own, so the halves are tested joined, not apart.
 * Task rows: KH266 columns 2 and 3; KH267 columns 3 and 4 of 7-column rows, 2 and 3 of
 * 6-column rows (pages where the section STT is merged into the task). A continuation
 * row (empty first cell right under a page header) has the header's columns; other rows
 * with an empty first cell are section titles.
 */
function agencyCells(path: string): AgencyCell[] {
  const lines = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8').split('\n');
  const rows: { line: number; lead: string; coordinating: string }[] = [];
  let headerLead = -1;
  let headerCoordinating = -1;
  let afterHeader = false;
  lines.forEach((text, index) => {
    const cells = text.split('\t').map((cell) => cell.replace(/<[^>]*>/g, '').trim());
    const first = cells[0] ?? '';
    const continues = afterHeader && first === '';
    afterHeader = first === 'STT';
    if (first === 'STT') {
      headerLead = cells.findIndex((cell) => /chủ trì/i.test(cell));
      headerCoordinating = cells.findIndex((cell) => /phối hợp/i.test(cell));
    } else if (STT.test(first)) {
      const at = path.includes('kh266') || cells.length === 6 ? 2 : 3;
      rows.push({ line: index + 1, lead: cells[at] ?? '', coordinating: cells[at + 1] ?? '' });
    } else if (continues) {
      const row = rows.at(-1);
      const lead = cells[headerLead] ?? '';
      const coordinating = cells[headerCoordinating] ?? '';
      if (row && lead !== '') row.lead = `${row.lead} ${lead}`;
      if (row && coordinating !== '') row.coordinating = `${row.coordinating} ${coordinating}`;
    }
  });
  return rows.flatMap(({ line, lead, coordinating }) => [
    { where: `${path}:${line} lead`, cell: lead },
    { where: `${path}:${line} coordinating`, cell: coordinating },
  ]);
}

const TABLES = ['seeds/plans/kh266-phu-luc-8.txt', 'seeds/plans/kh267-phu-luc-iii.txt'];
const allCells = TABLES.flatMap(agencyCells).filter(({ cell }) => cell !== '');

const ref = (id: string, name: string): AgencyRef => ({ id, name });

describe('the seed registry', () => {
  it('parses with agencySchema and is accepted by fromAgencies', () => {
    // Prepare
    const agencies = seedAgencies();

    // Act
    const built = AgencyRegistry.fromAgencies(agencies);

    // Assess
    expect(built.all()).toHaveLength(agencies.length);
    expect(built.get('so-tai-chinh')?.name).toBe('Sở Tài chính');
    expect(built.get('ubnd-cap-xa')?.kind).toBe('collective');
    expect(built.get('no-such-agency')).toBeUndefined();
  });

  it('makes every department and board a member of the departments collective', () => {
    // Prepare
    const provincial = registry
      .all()
      .filter((agency) => agency.kind === 'department' || agency.kind === 'board');

    // Act
    const outsiders = provincial.filter((agency) => !agency.memberOf.includes('cac-so-ban-nganh'));

    // Assess
    expect(provincial.length).toBeGreaterThan(0);
    expect(outsiders).toEqual([]);
  });

  it('makes every commune a member of the commune collective', () => {
    // Prepare
    const communes = registry.all().filter((agency) => agency.kind === 'commune');

    // Act
    const outsiders = communes.filter((agency) => !agency.memberOf.includes('ubnd-cap-xa'));

    // Assess
    expect(communes.length).toBeGreaterThan(0);
    expect(outsiders).toEqual([]);
  });
});

describe('every agency cell of the seed tables', () => {
  it('reads the rows of both tables, page-break halves joined', () => {
    // Prepare
    const joined = [
      'Sở Nông nghiệp và Môi trường; UBND các xã, phường',
      'Các sở ngành liên quan, UBND cấp xã',
      'Ban Quản lý Khu KTCK Đồng Đảng – Lạng Sơn',
      'Sở Nông nghiệp và Môi trường',
      'Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, các sở, ban, ngành, UBND xã Hoàng Văn Thụ',
    ];

    // Act
    const cells = new Set(allCells.map(({ cell }) => cell));

    // Assess: 48 + 1 group row in KH266, 106 rows in KH267, two cells each, minus empty ones
    expect(allCells.length).toBeGreaterThan(300);
    expect([...cells]).toEqual(expect.arrayContaining(joined));
  });

  it.each(allCells)('$where resolves with nothing unknown: $cell', ({ cell }) => {
    // Act
    const { refs, unknown } = registry.resolveCell(cell);

    // Assess
    expect(unknown).toEqual([]);
    expect(refs.length).toBeGreaterThan(0);
  });
});

describe('resolveCell', () => {
  const cases: { cell: string; refs: AgencyRef[] }[] = [
    {
      cell: 'Sở Nông nghiệp và Môi trường; UBND các xã, phường',
      refs: [
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
        ref('ubnd-cap-xa', 'UBND các xã, phường'),
      ],
    },
    {
      cell: 'Các sở ngành liên quan, UBND cấp xã',
      refs: [ref('cac-so-ban-nganh', 'Các sở ngành liên quan'), ref('ubnd-cap-xa', 'UBND cấp xã')],
    },
    {
      cell: 'Ban Quản lý Khu KTCK Đồng Đảng – Lạng Sơn',
      refs: [ref('bql-khu-ktck-dong-dang-lang-son', 'Ban Quản lý Khu KTCK Đồng Đảng – Lạng Sơn')],
    },
    {
      cell: 'Ban quản lý Khu KTCK Đồng Đăng - Lạng Sơn',
      refs: [ref('bql-khu-ktck-dong-dang-lang-son', 'Ban quản lý Khu KTCK Đồng Đăng - Lạng Sơn')],
    },
    {
      cell: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng -Lạng Sơn',
      refs: [
        ref(
          'bql-khu-ktck-dong-dang-lang-son',
          'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng -Lạng Sơn',
        ),
      ],
    },
    {
      cell: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn Sở Khoa học và Công nghệ',
      refs: [
        ref(
          'bql-khu-ktck-dong-dang-lang-son',
          'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn',
        ),
        ref('so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ'),
      ],
    },
    {
      cell: 'Sở Nông nghiệp và Môi trường',
      refs: [ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường')],
    },
    {
      cell: 'Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, các sở, ban, ngành, UBND xã Hoàng Văn Thụ',
      refs: [
        ref('cong-an-tinh', 'Công an tỉnh'),
        ref('bo-chi-huy-quan-su-tinh', 'Bộ Chỉ huy Quân sự tỉnh'),
        ref('cac-so-ban-nganh', 'các sở, ban, ngành'),
        ref('ubnd-xa-hoang-van-thu', 'UBND xã Hoàng Văn Thụ'),
      ],
    },
    {
      cell: 'Sở Văn hoá, Thể thao và Du lịch',
      refs: [ref('so-van-hoa-the-thao-va-du-lich', 'Sở Văn hoá, Thể thao và Du lịch')],
    },
    {
      cell: 'Sở Văn hóa, Thể thao và Du lịch',
      refs: [ref('so-van-hoa-the-thao-va-du-lich', 'Sở Văn hóa, Thể thao và Du lịch')],
    },
    {
      cell: 'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch',
      refs: [
        ref(
          'trung-tam-xuc-tien-dau-tu-thuong-mai-du-lich',
          'Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch',
        ),
      ],
    },
    {
      cell: 'Sở Nông nghiệp và Môi trường, Sở Tài chính. Xây dựng, ngân hàng nhà nước khu vực 5; UBND cấp xã',
      refs: [
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
        ref('so-tai-chinh', 'Sở Tài chính'),
        ref('so-xay-dung', 'Sở Xây dựng'),
        ref('ngan-hang-nha-nuoc-khu-vuc-5', 'ngân hàng nhà nước khu vực 5'),
        ref('ubnd-cap-xa', 'UBND cấp xã'),
      ],
    },
    {
      cell: 'Các sở: Xây dựng, Nông nghiệp và Môi trường; UBND các xã, phường có công trình dự án',
      refs: [
        ref('so-xay-dung', 'Sở Xây dựng'),
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
        ref('ubnd-cap-xa', 'UBND các xã, phường có công trình dự án'),
      ],
    },
    {
      cell: 'Các sở ngành liên quan, UBND xã Mẫu Sơn',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở ngành liên quan'),
        ref('ubnd-xa-mau-son', 'UBND xã Mẫu Sơn'),
      ],
    },
    {
      cell: 'Các cơ quan liên quan, UBND xã Na Dương',
      refs: [
        ref('cac-so-ban-nganh', 'Các cơ quan liên quan'),
        ref('ubnd-xa-na-duong', 'UBND xã Na Dương'),
      ],
    },
    {
      cell: 'Các cơ quan liên quan, UBND xã Tuấn Sơn, Tân Văn, Chi Lăng',
      refs: [
        ref('cac-so-ban-nganh', 'Các cơ quan liên quan'),
        ref('ubnd-xa-tuan-son', 'UBND xã Tuấn Sơn'),
        ref('ubnd-xa-tan-van', 'UBND xã Tân Văn'),
        ref('ubnd-xa-chi-lang', 'UBND xã Chi Lăng'),
      ],
    },
    {
      cell: 'Sở Xây dựng; UBND các phường Tam Thanh, Lương Văn Tri',
      refs: [
        ref('so-xay-dung', 'Sở Xây dựng'),
        ref('ubnd-phuong-tam-thanh', 'UBND phường Tam Thanh'),
        ref('ubnd-phuong-luong-van-tri', 'UBND phường Lương Văn Tri'),
      ],
    },
    {
      cell: 'Các sở ngành liên quan, UBND phường Đông Kinh',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở ngành liên quan'),
        ref('ubnd-phuong-dong-kinh', 'UBND phường Đông Kinh'),
      ],
    },
    { cell: 'UBND xã Hữu Liên', refs: [ref('ubnd-xa-huu-lien', 'UBND xã Hữu Liên')] },
    { cell: 'UBND xã Bắc Sơn', refs: [ref('ubnd-xa-bac-son', 'UBND xã Bắc Sơn')] },
    {
      cell: 'Các sở, ban, ngành, UBND các xã Đồng Đăng, Hoàng Văn Thụ',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở, ban, ngành'),
        ref('ubnd-xa-dong-dang', 'UBND xã Đồng Đăng'),
        ref('ubnd-xa-hoang-van-thu', 'UBND xã Hoàng Văn Thụ'),
      ],
    },
    {
      cell: 'Chi cục Hải quan khu vực VI, Bộ Chỉ huy Quân sự tỉnh, UBND các xã: Đồng Đăng, Hoàng Văn Thụ; và các lực lượng chức năng tại cửa khẩu',
      refs: [
        ref('chi-cuc-hai-quan-khu-vuc-vi', 'Chi cục Hải quan khu vực VI'),
        ref('bo-chi-huy-quan-su-tinh', 'Bộ Chỉ huy Quân sự tỉnh'),
        ref('ubnd-xa-dong-dang', 'UBND xã Đồng Đăng'),
        ref('ubnd-xa-hoang-van-thu', 'UBND xã Hoàng Văn Thụ'),
        ref('luc-luong-chuc-nang-tai-cua-khau', 'các lực lượng chức năng tại cửa khẩu'),
      ],
    },
    {
      cell: 'Các sở, ngành, UBND các xã có cụm công nghiệp',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở, ngành'),
        ref('ubnd-cap-xa', 'UBND các xã có cụm công nghiệp'),
      ],
    },
    {
      cell: 'Sở Công Thương; Sở Tài chính; Các sở, ban, ngành, UBND các xã có KCN',
      refs: [
        ref('so-cong-thuong', 'Sở Công Thương'),
        ref('so-tai-chinh', 'Sở Tài chính'),
        ref('cac-so-ban-nganh', 'Các sở, ban, ngành'),
        ref('ubnd-cap-xa', 'UBND các xã có KCN'),
      ],
    },
    {
      cell: 'Các sở, ban, ngành, UBND các xã, phường trong Khu kinh tế cửa khẩu',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở, ban, ngành'),
        ref('ubnd-cap-xa', 'UBND các xã, phường trong Khu kinh tế cửa khẩu'),
      ],
    },
    {
      cell: 'Sở Xây dựng, Sở Tài chính, Sở Nông nghiệp và Môi trường, UBND các xã trong khu di tích',
      refs: [
        ref('so-xay-dung', 'Sở Xây dựng'),
        ref('so-tai-chinh', 'Sở Tài chính'),
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
        ref('ubnd-cap-xa', 'UBND các xã trong khu di tích'),
      ],
    },
    {
      cell: 'Các sở, ban, ngành, UBND xã biên giới có cửa khẩu',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở, ban, ngành'),
        ref('ubnd-cap-xa', 'UBND xã biên giới có cửa khẩu'),
      ],
    },
    {
      cell: 'Các sở, ban, ngành, UBND các xã, phường trong vùng CVĐC',
      refs: [
        ref('cac-so-ban-nganh', 'Các sở, ban, ngành'),
        ref('ubnd-cap-xa', 'UBND các xã, phường trong vùng CVĐC'),
      ],
    },
    {
      cell: 'Sở Tài chính, các sở, ngành liên quan, UBND các xã, phường',
      refs: [
        ref('so-tai-chinh', 'Sở Tài chính'),
        ref('cac-so-ban-nganh', 'các sở, ngành liên quan'),
        ref('ubnd-cap-xa', 'UBND các xã, phường'),
      ],
    },
    {
      cell: 'Các Sở, ngành, UBND các xã phường',
      refs: [ref('cac-so-ban-nganh', 'Các Sở, ngành'), ref('ubnd-cap-xa', 'UBND các xã phường')],
    },
    { cell: 'Các Sở, Ban, Ngành', refs: [ref('cac-so-ban-nganh', 'Các Sở, Ban, Ngành')] },
    {
      cell: 'Sở Khoa học và Công nghệ; Chi cục Hải quan khu vực VI, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Công an tỉnh, Sở Công Thương và các cơ quan liên quan',
      refs: [
        ref('so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ'),
        ref('chi-cuc-hai-quan-khu-vuc-vi', 'Chi cục Hải quan khu vực VI'),
        ref('bo-chi-huy-bo-doi-bien-phong-tinh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'),
        ref('cong-an-tinh', 'Công an tỉnh'),
        ref('so-cong-thuong', 'Sở Công Thương'),
        ref('cac-so-ban-nganh', 'các cơ quan liên quan'),
      ],
    },
    { cell: 'Chủ đầu tư', refs: [ref('chu-dau-tu', 'Chủ đầu tư')] },
    {
      cell: 'UBND các xã, phường; Trung tâm phát triển quỹ đất, Sở Nông nghiệp và môi trường',
      refs: [
        ref('ubnd-cap-xa', 'UBND các xã, phường'),
        ref('trung-tam-phat-trien-quy-dat', 'Trung tâm phát triển quỹ đất'),
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và môi trường'),
      ],
    },
    {
      cell: 'Sở Nông nghiệp và Môi trường; Công ty TNHH MTV Khai thác công trình thủy lợi Lạng Sơn; Ban Quản lý dự án đầu tư xây dựng tỉnh; UBND các xã, phường',
      refs: [
        ref('so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'),
        ref(
          'cong-ty-khai-thac-thuy-loi-lang-son',
          'Công ty TNHH MTV Khai thác công trình thủy lợi Lạng Sơn',
        ),
        ref('bql-du-an-dtxd-tinh', 'Ban Quản lý dự án đầu tư xây dựng tỉnh'),
        ref('ubnd-cap-xa', 'UBND các xã, phường'),
      ],
    },
    {
      cell: 'Sở Tài chính; Sở Tài chính, UBND cấp xã, UBND các xã có KCN',
      refs: [ref('so-tai-chinh', 'Sở Tài chính'), ref('ubnd-cap-xa', 'UBND cấp xã')],
    },
    { cell: '', refs: [] },
    { cell: ' ;, ', refs: [] },
  ];

  it.each(cases)('reads "$cell"', ({ cell, refs: expected }) => {
    // Act
    const { refs, unknown } = registry.resolveCell(cell);

    // Assess
    expect(unknown).toEqual([]);
    expect(refs.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(refs.map((r) => r.name)).toEqual(expected.map((r) => r.name));
  });

  it('reads a cell that carries line breaks from its HTML paragraphs', () => {
    // Prepare
    const cell = 'Sở Xây dựng\nUBND các phường\nTam Thanh,  Lương Văn Tri';

    // Act
    const { refs, unknown } = registry.resolveCell(cell);

    // Assess
    expect(unknown).toEqual([]);
    expect(refs).toEqual([
      ref('so-xay-dung', 'Sở Xây dựng'),
      ref('ubnd-phuong-tam-thanh', 'UBND phường Tam Thanh'),
      ref('ubnd-phuong-luong-van-tri', 'UBND phường Lương Văn Tri'),
    ]);
  });
});

describe('unknown names', () => {
  const cases: { cell: string; refs: string[]; unknown: string[] }[] = [
    { cell: 'Sở Du hành Vũ trụ', refs: [], unknown: ['Sở Du hành Vũ trụ'] },
    {
      cell: 'Sở Tài chính, Sở Du hành Vũ trụ và Sở Y tế',
      refs: ['so-tai-chinh', 'so-y-te'],
      unknown: ['Sở Du hành Vũ trụ'],
    },
    // The first half of a row split by a page break: "UBND" alone names no one.
    {
      cell: 'Sở Nông nghiệp và Môi trường; UBND',
      refs: ['so-nong-nghiep-va-moi-truong'],
      unknown: ['UBND'],
    },
    // An unregistered commune is reported, not absorbed into the collective.
    { cell: 'UBND xã Lộc Bình', refs: [], unknown: ['UBND xã Lộc Bình'] },
    { cell: 'UBND các xã Lộc Bình', refs: ['ubnd-cap-xa'], unknown: ['Lộc Bình'] },
    {
      cell: 'UBND các xã: Đồng Đăng, Lộc Bình',
      refs: ['ubnd-xa-dong-dang'],
      unknown: ['Lộc Bình'],
    },
    // An elided item must name an agency: "Sở Du lịch" does not exist.
    { cell: 'Sở Tài chính, Du lịch', refs: ['so-tai-chinh'], unknown: ['Du lịch'] },
  ];

  it.each(cases)('reports what "$cell" names that is unknown', ({ cell, refs, unknown }) => {
    // Act
    const result = registry.resolveCell(cell);

    // Assess
    expect(result.refs.map((r) => r.id)).toEqual(refs);
    expect(result.unknown).toEqual(unknown);
  });
});

describe('suggest', () => {
  it('puts the agency whose words a misspelt name shares first', () => {
    // Act
    const suggestions = registry.suggest('Sở Tài Chính tỉnh');

    // Assess
    expect(suggestions[0]).toEqual({
      id: 'so-tai-chinh',
      name: 'Sở Tài chính',
      score: expect.closeTo(0.9, 1),
    });
  });

  it('reads Roman numerals as numbers: "Khu vực V" is "khu vực 5"', () => {
    expect(registry.suggest('Ngân hàng Nhà nước Khu vực V')[0]).toEqual({
      id: 'ngan-hang-nha-nuoc-khu-vuc-5',
      name: 'Ngân hàng Nhà nước khu vực 5',
      score: 1,
    });
  });

  it.each([
    'Sở Tài chính',
    'sở tài chính',
    'SO TAI CHINH',
    'Tài chính, Sở',
    'Sở - Tài - Chính.',
    'Sở Tài chinh',
  ])('ignores case, diacritics, punctuation and word order: %j', (name) => {
    expect(registry.suggest(name)[0]).toMatchObject({ id: 'so-tai-chinh', score: 1 });
  });

  it('matches aliases too, and lists each agency once under its canonical name', () => {
    // Act
    const suggestions = registry.suggest('Ban QL Khu KTCK Đồng Đăng');

    // Assess
    expect(suggestions[0]).toMatchObject({
      id: 'bql-khu-ktck-dong-dang-lang-son',
      name: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn',
    });
    const ids = suggestions.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives at most `limit` suggestions, best first, none below the threshold', () => {
    // Act
    const suggestions = registry.suggest('UBND xã', 3);

    // Assess
    expect(suggestions.length).toBeLessThanOrEqual(3);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score >= MIN_SUGGESTION_SCORE && score <= 1)).toBe(true);
  });

  it.each(['Công ty Du hành Vũ trụ', '', '!!!', 'xyz'])(
    'suggests nothing for %j, which shares no weighty word with any agency',
    (name) => {
      expect(registry.suggest(name)).toEqual([]);
    },
  );
});

describe('normaliseName', () => {
  it('erases tone placement, case, đ, dashes and spacing', () => {
    // Prepare
    const variants = [
      'Ban Quản lý Khu KTCK Đồng Đảng – Lạng Sơn',
      'ban quan ly khu ktck dong dang-lang son',
      'BAN QUẢN LÝ  KHU KTCK ĐỒNG ĐĂNG -LẠNG SƠN',
    ];

    // Act
    const normalised = variants.map(normaliseName);

    // Assess
    expect(new Set(normalised)).toEqual(new Set(['ban quan ly khu ktck dong dang - lang son']));
    expect(normaliseName('Sở Văn hoá')).toBe(normaliseName('Sở Văn hóa'));
    expect(normaliseName('UBND các xã ,phường')).toBe('ubnd cac xa, phuong');
  });
});

describe('fromAgencies', () => {
  const agency = (id: string, overrides: Partial<Agency> = {}): Agency => ({
    id,
    name: id,
    kind: 'department',
    aliases: [],
    memberOf: [],
    active: true,
    mergedInto: null,
    absorbed: [],
    emails: [],
    ...overrides,
  });

  it('rejects an alias that another agency already uses once normalised', () => {
    // Prepare
    const agencies = [
      agency('so-van-hoa', { name: 'Sở Văn hóa' }),
      agency('so-khac', { name: 'Sở Khác', aliases: ['SỞ VĂN HOÁ'] }),
    ];

    // Act
    const build = () => AgencyRegistry.fromAgencies(agencies);

    // Assess
    expect(build).toThrow(/"SỞ VĂN HOÁ" of "so-khac" is already a name of "so-van-hoa"/);
  });

  it('rejects duplicate ids', () => {
    // Prepare
    const agencies = [agency('so-a', { name: 'Sở A' }), agency('so-a', { name: 'Sở B' })];

    // Act
    const build = () => AgencyRegistry.fromAgencies(agencies);

    // Assess
    expect(build).toThrow(/duplicate agency id "so-a"/);
  });

  it('rejects memberOf naming an unknown agency or one that is not a collective', () => {
    // Prepare
    const agencies = [
      agency('so-a', { name: 'Sở A', memberOf: ['nobody'] }),
      agency('so-b', { name: 'Sở B', memberOf: ['so-a'] }),
    ];

    // Act
    const build = () => AgencyRegistry.fromAgencies(agencies);

    // Assess
    expect(build).toThrow(/"so-a" is a member of unknown "nobody"/);
    expect(build).toThrow(/"so-b" is a member of "so-a", which is not a collective/);
  });

  it('rejects an agency that breaks the schema', () => {
    // Prepare
    const agencies = [agency('Sở A')];

    // Act
    const build = () => AgencyRegistry.fromAgencies(agencies);

    // Assess
    expect(build).toThrow(/agency #0/);
  });
});

describe('actsFor', () => {
  it('lets a commune act for the commune collective', () => {
    // Act
    const ids = registry.actsFor('ubnd-xa-huu-lien');

    // Assess
    expect(ids).toEqual(['ubnd-xa-huu-lien', 'ubnd-cap-xa']);
  });

  it('lets the customs office act for both collectives it belongs to', () => {
    // Act
    const ids = registry.actsFor('chi-cuc-hai-quan-khu-vuc-vi');

    // Assess
    expect(ids).toEqual([
      'chi-cuc-hai-quan-khu-vuc-vi',
      'cac-so-ban-nganh',
      'luc-luong-chuc-nang-tai-cua-khau',
    ]);
  });

  it('gives an unknown id nothing to act for', () => {
    // Act
    const ids = registry.actsFor('so-du-hanh-vu-tru');

    // Assess
    expect(ids).toEqual([]);
  });
});
