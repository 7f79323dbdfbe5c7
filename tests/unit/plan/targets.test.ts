import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '#shared/domain/plan/cell-text.ts';
import { targetSchema, type Target } from '#shared/domain/plan/model.ts';
import { extractTargets, labelKey } from '#shared/domain/plan/targets.ts';

/** The targets of a raw table cell, as the importer reads it. */
const fromCell = (raw: string): Target[] => extractTargets(cellText(raw));

/** value, unit, comparator: enough to pin the rows not spelt out field by field. */
const brief = (targets: Target[]): [number, string, Target['comparator']][] =>
  targets.map(({ value, unit, comparator }) => [value, unit, comparator]);

describe('extractTargets on the KH266 expected results, field by field', () => {
  it('reads a list of crops under a heading (row 2)', () => {
    // Prepare
    const raw =
      '<p>Quản lý, chăm sóc tốt:</p> <ul style="list-style-type: none"> <li>- Lúa: 15.520 ha</li> <li>- Ngô: 14.528 ha</li> <li>- Cây lấy củ: 1.724 ha</li> <li>- Cây thực phẩm: 7.048 ha</li> </ul>';

    // Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([
      {
        key: 'lua',
        label: 'Lúa',
        value: 15520,
        unit: 'ha',
        comparator: 'gte',
        text: 'Lúa: 15.520 ha',
      },
      {
        key: 'ngo',
        label: 'Ngô',
        value: 14528,
        unit: 'ha',
        comparator: 'gte',
        text: 'Ngô: 14.528 ha',
      },
      {
        key: 'cay-lay-cu',
        label: 'Cây lấy củ',
        value: 1724,
        unit: 'ha',
        comparator: 'gte',
        text: 'Cây lấy củ: 1.724 ha',
      },
      {
        key: 'cay-thuc-pham',
        label: 'Cây thực phẩm',
        value: 7048,
        unit: 'ha',
        comparator: 'gte',
        text: 'Cây thực phẩm: 7.048 ha',
      },
    ]);
  });

  it('reads two bulleted items on one line, a decimal and a multiplier (row 4)', () => {
    // Prepare
    const raw =
      '- Trồng mới thêm: 2.810,75 ha rừng để hoàn thành kế hoạch 9.000 ha cả năm. - Cung ứng thêm tối thiểu 45 triệu cây giống đủ tiêu chuẩn.';

    // Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([
      {
        key: 'trong-moi-them',
        label: 'Trồng mới thêm',
        value: 2810.75,
        unit: 'ha',
        comparator: 'gte',
        text: 'Trồng mới thêm: 2.810,75 ha rừng',
      },
      {
        key: 'hoan-thanh-ke-hoach-ca-nam',
        label: 'hoàn thành kế hoạch cả năm',
        value: 9000,
        unit: 'ha',
        comparator: 'gte',
        text: 'hoàn thành kế hoạch 9.000 ha cả năm',
      },
      {
        key: 'cay-giong',
        label: 'cây giống',
        value: 45_000_000,
        unit: 'cây giống',
        comparator: 'gte',
        text: 'Cung ứng thêm tối thiểu 45 triệu cây giống đủ tiêu chuẩn',
      },
    ]);
  });

  it('reads "đạt trên" as more than, labelled by the subject of "đạt"', () => {
    // Prepare
    const raw =
      'Tỷ lệ tiêm phòng các bệnh truyền nhiễm nguy hiểm đạt trên 80% tổng đàn trong diện tiêm';

    // Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([
      {
        key: 'ty-le-tiem-phong-cac-benh',
        label: 'Tỷ lệ tiêm phòng các bệnh truyền nhiễm nguy hiểm',
        value: 80,
        unit: '%',
        comparator: 'gt',
        text: raw,
      },
    ]);
  });

  it('reads a count, a "đạt trên" past a period, and a "vượt" in parentheses (row 8)', () => {
    // Prepare
    const raw =
      '- Cung ứng thêm: 100.000 con cá giống các loại. - Nâng sản lượng thủy sản nuôi trồng 6 tháng cuối năm đạt trên 710 tấn (cả năm vượt 1.500 tấn).';

    // Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([
      {
        key: 'con-ca-giong',
        label: 'con cá giống',
        value: 100_000,
        unit: 'con cá giống',
        comparator: 'gte',
        text: 'Cung ứng thêm: 100.000 con cá giống các loại',
      },
      {
        key: 'nang-san-luong-thuy-san-nuoi',
        label: 'Nâng sản lượng thủy sản nuôi trồng 6 tháng cuối năm',
        value: 710,
        unit: 'tấn',
        comparator: 'gt',
        text: 'Nâng sản lượng thủy sản nuôi trồng 6 tháng cuối năm đạt trên 710 tấn',
      },
      {
        key: 'ca-nam',
        label: 'cả năm',
        value: 1500,
        unit: 'tấn',
        comparator: 'gt',
        text: 'cả năm vượt 1.500 tấn',
      },
    ]);
  });

  it('reads "từ" before a number as at least, and not "thu từ khách" (tourism rows)', () => {
    // Prepare
    const raw = 'Thu hút từ 30.000 lượt khách du lịch, thu từ khách du lịch 21 tỷ đồng';

    // Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([
      {
        key: 'luot-khach-du-lich',
        label: 'lượt khách du lịch',
        value: 30_000,
        unit: 'lượt khách du lịch',
        comparator: 'gte',
        text: 'Thu hút từ 30.000 lượt khách du lịch',
      },
      {
        key: 'thu-tu-khach-du-lich',
        label: 'thu từ khách du lịch',
        value: 21_000_000_000,
        unit: 'đồng',
        comparator: 'gte',
        text: 'thu từ khách du lịch 21 tỷ đồng',
      },
    ]);
  });
});

describe('extractTargets on the other KH266 expected results', () => {
  it.each<[string, string, [number, string, Target['comparator']][]]>([
    [
      'a count, not the total it is out of',
      '- Hoàn thành thẩm định cho 655 nhà đầu tư/hộ dân đã đăng ký còn lại (trên tổng số 811 hồ sơ).',
      [[655, 'nhà đầu tư/hộ dân', 'gte']],
    ],
    ['a ceiling', 'Sửa chữa, đấu nối tối đa 70 ngày', [[70, 'ngày', 'lte']]],
    [
      'a floor, not the phase number',
      'Hoàn thành tối thiểu 90% khối lượng hạ tầng kỹ thuật giai đoạn 1 (đường giao thông nội khu, cấp điện, cấp thoát nước) đảm bảo điều kiện bàn giao mặt bằng cho nhà đầu tư thứ cấp',
      [[90, '%', 'gte']],
    ],
    [
      'a count, a sum in billions and a floor after "đạt"',
      'Hoàn thành cấp Giấy chứng nhận đăng ký đầu tư cho 02 dự án đã ký thỏa thuận thuê đất; khởi công dự án Nhà máy sản xuất nhôm ingot, billet, bi các loại và gia công nhôm (tổng vốn 1.009 tỷ đồng); tỷ lệ lấp đầy giai đoạn 1 đạt tối thiểu 60%',
      [
        [2, 'dự án', 'gte'],
        [1_009_000_000_000, 'đồng', 'gte'],
        [60, '%', 'gte'],
      ],
    ],
    [
      'two counts joined by "và", not the year, and a "trên"',
      'Hoàn thành 47 công trình đường GTNT và 25 công trình cầu GTNT trong năm 2026; cứng hoá được thêm trên 150 Km đường thôn, ngõ, xóm...',
      [
        [47, 'công trình đường GTNT', 'gte'],
        [25, 'công trình cầu GTNT', 'gte'],
        [150, 'Km', 'gt'],
      ],
    ],
    [
      'a rate unit after a capitalised multiplier',
      'Khối lượng hàng hoá luân chuyển đạt 808 Triệu Tấn/Km',
      [[808_000_000, 'Tấn/Km', 'gte']],
    ],
    [
      'a rate of two known units',
      'Thu nhập bình quân đạt 80 triệu đồng/người',
      [[80_000_000, 'đồng/người', 'gte']],
    ],
    [
      'a floor of businesses',
      'Hỗ trợ tối thiểu 200 doanh nghiệp chuyển đổi số, ứng dụng AI',
      [[200, 'doanh nghiệp', 'gte']],
    ],
    [
      'a count and a percentage, not the decision number nor its date',
      'Hoàn thành sửa chữa, nâng cấp 31 danh mục công trình (theo Quyết định số 1141/QĐ-UBND ngày 22/6/2026 của UBND tỉnh), giải ngân 100% kế hoạch vốn được giao',
      [
        [31, 'danh mục công trình', 'gte'],
        [100, '%', 'gte'],
      ],
    ],
    [
      'two sentences, the second with "đạt từ"',
      'Đảm bảo an toàn hồ đập 100% trong mùa mưa lũ. Duy trì dung tích chứa nước các hồ trung bình đạt từ 60% dung tích thiết kế.',
      [
        [100, '%', 'gte'],
        [60, '%', 'gte'],
      ],
    ],
    [
      'a count with a leading zero',
      '06 dự án được UBND tỉnh chấp thuận chủ trương đầu tư',
      [[6, 'dự án', 'gte']],
    ],
    [
      'a single project',
      '01 dự án được UBND tỉnh chấp thuận chủ trương đầu tư',
      [[1, 'dự án', 'gte']],
    ],
    ['a count after a verb', 'Khởi công 01 dự án nhà ở xã hội', [[1, 'dự án', 'gte']]],
    [
      'a decimal area',
      'Phê duyệt dự toán và tổ chức gieo trồng thành công 36,7 ha tại quy hoạch khu rừng đặc dụng Mẫu Sơn.',
      [[36.7, 'ha', 'gte']],
    ],
    [
      'a percentage at the start',
      '100% các ổ dịch hại (nếu có) được phát hiện sớm và xử lý kịp thời, không để bùng phát thành dịch lớn.',
      [[100, '%', 'gte']],
    ],
    [
      'a percentage, not the year',
      'Bàn giao 100% mặt bằng sạch cho các phân đoạn cốt lõi của dự án trọng điểm theo đúng tiến độ cam kết năm 2026.',
      [[100, '%', 'gte']],
    ],
  ])('reads %s', (_why, text, expected) => {
    // Prepare: the cell text. Act
    const targets = fromCell(text);

    // Assess
    expect(brief(targets)).toEqual(expected);
  });

  it('labels counted things by their noun phrase and measures by the words around them', () => {
    // Prepare
    const texts = [
      'Khởi công 01 dự án nhà ở xã hội',
      'Hoàn thành tối thiểu 90% khối lượng hạ tầng kỹ thuật giai đoạn 1 (đường giao thông nội khu)',
      'Bàn giao 100% mặt bằng sạch cho các phân đoạn cốt lõi',
      'tỷ lệ lấp đầy giai đoạn 1 đạt tối thiểu 60%',
      'Khối lượng hàng hoá luân chuyển đạt 808 Triệu Tấn/Km',
      'khởi công dự án Nhà máy (tổng vốn 1.009 tỷ đồng)',
    ];

    // Act
    const labels = texts.flatMap((text) => extractTargets(text).map((t) => [t.key, t.label]));

    // Assess
    expect(labels).toEqual([
      ['du-an-nha-o-xa-hoi', 'dự án nhà ở xã hội'],
      ['hoan-thanh-khoi-luong-ha-tang', 'Hoàn thành khối lượng hạ tầng kỹ thuật'],
      ['ban-giao-mat-bang-sach', 'Bàn giao mặt bằng sạch'],
      ['ty-le-lap-day-giai-doan', 'tỷ lệ lấp đầy giai đoạn 1'],
      ['khoi-luong-hang-hoa-luan-chuyen', 'Khối lượng hàng hoá luân chuyển'],
      ['tong-von', 'tổng vốn'],
    ]);
  });

  it.each([
    ['Báo cáo tiến độ'],
    ['...'],
    ['Theo chỉ tiêu tại phụ lục 3'],
    [
      '<p>- Ban hành Kế hoạch kiểm tra</p> <p>- Báo cáo UBND tỉnh tình hình thực hiện 6 tháng đầu năm; đề xuất điều chỉnh, bổ sung chính sách (nếu có).</p>',
    ],
    ['- Đấu giá thành công khu vực mỏ vật liệu xây dựng trong 6 tháng cuối năm'],
    ['Kiểm tra việc thực hiện Nghị quyết số 02/2026/NQ-HĐND'],
    ['theo Quyết định số 1141/QĐ-UBND ngày 22/6/2026 của UBND tỉnh'],
    ['Thực hiện trong năm 2026'],
    ['Hoàn thành giai đoạn 1'],
    ['Thực hiện Quy hoạch giai đoạn 2021-2030'],
    ['Chỉ thị 05-CT/TU của Tỉnh ủy'],
    ['Đường dây 110kV Na Dương - Lạng Sơn Đường dây và TBA 110 kV Đình Lập'],
    ['Hoàn thành 12.34 ha'],
    ['Năng suất 5 ha/vụ'],
    [''],
  ])('reads no target from %j', (raw) => {
    // Prepare: a cell with no commitment in it. Act
    const targets = fromCell(raw);

    // Assess
    expect(targets).toEqual([]);
  });
});

describe('comparators', () => {
  it.each<[string, Target['comparator']]>([
    ['đạt trên 80%', 'gt'],
    ['vượt 1.500 tấn', 'gt'],
    ['hơn 10 dự án', 'gt'],
    ['tối thiểu 200 doanh nghiệp', 'gte'],
    ['đạt tối thiểu 60%', 'gte'],
    ['ít nhất 5 xã', 'gte'],
    ['đạt từ 60%', 'gte'],
    ['tối đa 70 ngày', 'lte'],
    ['không quá 5 ngày', 'lte'],
    ['không vượt quá 5 ngày', 'lte'],
    ['xuống dưới 2%', 'lte'],
    ['đạt 808 tấn', 'gte'],
    ['Bàn giao 100% mặt bằng', 'gte'],
  ])('reads %j as %s', (text, comparator) => {
    // Prepare: the phrase. Act
    const targets = extractTargets(text);

    // Assess
    expect(targets.map((t) => t.comparator)).toEqual([comparator]);
  });

  it('takes a qualifier only when it directly precedes the number', () => {
    // Prepare: "trên" and "từ" elsewhere in the phrase
    const text = 'Trên địa bàn có 5 xã; thu từ khách du lịch 21 tỷ đồng';

    // Act
    const targets = extractTargets(text);

    // Assess
    expect(brief(targets)).toEqual([
      [5, 'xã', 'gte'],
      [21_000_000_000, 'đồng', 'gte'],
    ]);
  });
});

describe('keys', () => {
  it.each([
    ['Lúa', 'lua'],
    ['Cây lấy củ', 'cay-lay-cu'],
    ['Đường đô thị', 'duong-do-thi'],
    ['nhà đầu tư/hộ dân', 'nha-dau-tu-ho-dan'],
    ['%', 'phan-tram'],
    ['Tỷ lệ tiêm phòng các bệnh truyền nhiễm nguy hiểm', 'ty-le-tiem-phong-cac-benh'],
    ['…', 'muc-tieu'],
  ])('keys %j as %j', (label, key) => {
    // Prepare: the label. Act
    const result = labelKey(label);

    // Assess
    expect(result).toBe(key);
  });

  it('suffixes clashing keys -2, -3 in text order, also past a literal "-2"', () => {
    // Prepare
    const text = '- Lúa: 1 ha - Lúa: 2 ha - Lúa 2: 3 ha - Lúa: 4 ha';

    // Act
    const targets = extractTargets(text);

    // Assess
    expect(targets.map((t) => [t.key, t.value])).toEqual([
      ['lua', 1],
      ['lua-2', 2],
      ['lua-2-2', 3],
      ['lua-3', 4],
    ]);
  });

  const fragments = [
    '- Lúa: 15.520 ha',
    '- Lúa 2: 7 ha',
    'Hỗ trợ tối thiểu 200 doanh nghiệp',
    '06 dự án được chấp thuận',
    'đạt trên 80%',
    'Thu hút từ 30.000 lượt khách du lịch, thu từ khách du lịch 21 tỷ đồng',
    '(tổng vốn 1.009 tỷ đồng)',
    'Báo cáo tiến độ năm 2026',
    'Sửa chữa tối đa 70 ngày',
    '100%',
  ];
  const composed = fc
    .array(fc.constantFrom(...fragments), { maxLength: 12 })
    .chain((parts) => fc.constantFrom('\n', '; ', '. ').map((sep) => parts.join(sep)));

  it('are unique, well-formed and stable for any mix of phrases', () => {
    // Prepare: texts built from real phrases, repeated and reordered. Act + Assess
    fc.assert(
      fc.property(composed, (text) => {
        const first = extractTargets(text);
        const second = extractTargets(text);
        const keys = first.map((t) => t.key);
        expect(second).toEqual(first);
        expect(new Set(keys).size).toBe(keys.length);
        for (const target of first) expect(targetSchema.parse(target)).toEqual(target);
      }),
    );
  });
});

describe('robustness', () => {
  it('never throws on any text, and every target it gives is valid with a finite value', () => {
    // Prepare: arbitrary text, and text made of digits, separators, units and qualifiers
    const words = fc.constantFrom(
      ...['1', '06', '15.520', '2,5', '.', ',', '/', '-', ' ', ':', ';', '(', ')', '%', ' ha'],
      ...[' tỷ', ' triệu', ' đồng', ' dự án', ' trên', ' tối đa', ' năm', ' Lúa', ' đạt'],
      ...[' các', ' GTNT', ' số', '9'.repeat(320), '\n'],
    );
    const texts = fc.oneof(
      fc.string(),
      fc.array(words, { maxLength: 30 }).map((w) => w.join('')),
    );

    // Act + Assess
    fc.assert(
      fc.property(texts, (text) => {
        const targets = extractTargets(text);
        const keys = targets.map((t) => t.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const target of targets) {
          expect(Number.isFinite(target.value)).toBe(true);
          expect(targetSchema.parse(target)).toEqual(target);
        }
      }),
    );
  });

  it('reads the whole KH266 appendix without a year, a date or a decision number', () => {
    // Prepare: the expected-result (last) column of every table row
    const seed = readFileSync(
      new URL('../../../seeds/plans/kh266-phu-luc-8.txt', import.meta.url),
      'utf8',
    );
    const cells = seed
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((cells) => cells.length >= 6)
      .map((cells) => cells.at(-1) ?? '');

    // Act
    const perCell = cells.map(fromCell);

    // Assess
    const all = perCell.flat();
    expect(all).toHaveLength(41);
    for (const targets of perCell) {
      expect(new Set(targets.map((t) => t.key)).size).toBe(targets.length);
    }
    for (const target of all) expect(targetSchema.parse(target)).toEqual(target);
    const values = all.map((t) => t.value);
    for (const reference of [2026, 811, 1141, 22, 110, 220]) {
      expect(values).not.toContain(reference);
    }
  });
});
