import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '#shared/domain/errors.ts';
import {
  indicatorLinkSchema,
  IndicatorLinkMismatchError,
  rankIndicators,
  suggestIndicator,
  validateIndicatorLink,
  type LinkableTarget,
} from '#shared/domain/indicator/target-link.ts';
import { seedPlans } from '../../support/seed-tasks.ts';
import { thrown } from '../period/thrown.ts';
import { indicator, seedIndicator, seedIndicators } from './fixtures.ts';

const riceTarget: LinkableTarget = {
  label: 'Lúa',
  unit: 'ha',
  text: 'Lúa: 15.520 ha',
  sector: 'agriculture',
};

describe('validateIndicatorLink', () => {
  it('links a target to an indicator of the same unit and sector', () => {
    // Act
    const act = () => validateIndicatorLink(seedIndicator('dien-tich-lua'), riceTarget);

    // Assess
    expect(act).not.toThrow();
  });

  it('refuses hectares for a percentage, naming both units', () => {
    // Prepare
    const rate = seedIndicator('ty-le-tiem-phong-vat-nuoi');

    // Act
    const error = thrown(() => validateIndicatorLink(rate, riceTarget));

    // Assess
    expect(error).toBeInstanceOf(IndicatorLinkMismatchError);
    expect(error).toBeInstanceOf(UnprocessableError);
    const mismatch = error as IndicatorLinkMismatchError;
    expect(mismatch.kind).toBe('unprocessable');
    expect(mismatch.code).toBe('indicator-link-mismatch');
    expect(mismatch.fields).toEqual([
      {
        field: 'unit',
        reason: 'đơn vị khác nhau: mục tiêu tính bằng "ha", chỉ tiêu tính bằng "%"',
      },
    ]);
    expect(mismatch.message).toBe(
      'Không thể gắn mục tiêu "Lúa" với chỉ tiêu "Tỷ lệ tiêm phòng các bệnh truyền nhiễm nguy hiểm cho vật nuôi": đơn vị khác nhau: mục tiêu tính bằng "ha", chỉ tiêu tính bằng "%"',
    );
  });

  it('refuses another sector’s indicator, naming both sectors', () => {
    // Prepare
    const services = indicator({ sector: 'services' });

    // Act
    const error = thrown(() => validateIndicatorLink(services, riceTarget));

    // Assess
    expect((error as IndicatorLinkMismatchError).fields).toEqual([
      {
        field: 'sector',
        reason:
          'lĩnh vực khác nhau: nhiệm vụ thuộc lĩnh vực "nông, lâm nghiệp và thủy sản", chỉ tiêu thuộc lĩnh vực "dịch vụ"',
      },
    ]);
  });

  it('names every mismatch at once', () => {
    // Prepare
    const revenue = seedIndicator('thu-ngan-sach-nha-nuoc');

    // Act
    const error = thrown(() => validateIndicatorLink(revenue, riceTarget));

    // Assess
    expect((error as IndicatorLinkMismatchError).fields.map((field) => field.field)).toEqual([
      'unit',
      'sector',
    ]);
  });

  it('accepts a unit with a multiplier or a qualifier', () => {
    // Prepare
    const festival: LinkableTarget = {
      label: 'thu từ khách du lịch',
      unit: 'đồng',
      text: 'thu từ khách du lịch 21 tỷ đồng',
      sector: 'services',
    };

    // Act
    const act = () => validateIndicatorLink(seedIndicator('doanh-thu-du-lich'), festival);

    // Assess
    expect(act).not.toThrow();
  });
});

describe('suggestIndicator', () => {
  it.each([
    { label: 'Lúa', unit: 'ha', code: 'dien-tich-lua' },
    { label: 'lúa', unit: 'ha', code: 'dien-tich-lua' },
    { label: 'LUA', unit: 'ha', code: 'dien-tich-lua' },
    { label: 'Diện tích gieo trồng lúa', unit: 'ha', code: 'dien-tich-lua' },
    { label: 'Diện tích gieo trồng', unit: 'ha', code: 'tong-dien-tich-gieo-trong' },
    { label: 'Lúa', unit: '%', code: null },
    { label: 'Khoai', unit: 'ha', code: null },
  ])('"$label" in $unit → $code', ({ label, unit, code }) => {
    // Act
    const suggestion = suggestIndicator(
      { label, unit, text: `${label}: 1 ${unit}`, sector: 'agriculture' },
      seedIndicators,
    );

    // Assess
    expect(suggestion?.code ?? null).toBe(code);
  });

  it('proposes nothing when two indicators fit as well', () => {
    // Prepare: two indicators both named "Lúa" by an alias.
    const twins = [
      indicator({ code: 'lua-a', name: 'Lúa vụ xuân', aliases: ['Lúa'] }),
      indicator({ code: 'lua-b', name: 'Lúa vụ mùa', aliases: ['Lúa'], shortName: 'Lúa mùa' }),
    ];

    // Act
    const suggestion = suggestIndicator(riceTarget, twins);
    const ranked = rankIndicators(riceTarget, twins);

    // Assess
    expect(suggestion).toBeNull();
    expect(ranked.map((match) => match.indicator.code)).toEqual(['lua-a', 'lua-b']);
  });

  it('prefers a label equal to a name over one containing a name', () => {
    // Prepare
    const target = { ...riceTarget, label: 'Cây lấy củ', text: 'Cây lấy củ: 1.724 ha' };

    // Act
    const ranked = rankIndicators(target, seedIndicators);

    // Assess
    expect(ranked[0]?.indicator.code).toBe('dien-tich-cay-lay-cu');
  });

  it('reads the seed plan KH266: each target to its indicator, or none', () => {
    // Prepare
    const targets = seedPlans.tasks
      .filter((task) => task.plan === 'KH266')
      .flatMap((task) =>
        task.targets.map((target) => ({
          id: `${task.id}/${target.key}`,
          target: {
            label: target.label,
            unit: target.unit,
            text: target.text,
            sector: task.sector,
          },
        })),
      );

    // Act
    const suggested = Object.fromEntries(
      targets
        .map(({ id, target }) => [id, suggestIndicator(target, seedIndicators)?.code] as const)
        .filter(([, code]) => code !== undefined),
    );

    // Assess: what the seed's labels say; the rest waits for an admin.
    expect(suggested).toEqual({
      'KH266-I-2/lua': 'dien-tich-lua',
      'KH266-I-2/ngo': 'dien-tich-ngo',
      'KH266-I-2/cay-lay-cu': 'dien-tich-cay-lay-cu',
      'KH266-I-2/cay-thuc-pham': 'dien-tich-cay-thuc-pham',
      'KH266-I-4/cay-giong': 'cay-giong-lam-nghiep',
      'KH266-I-8/ty-le-tiem-phong-cac-benh': 'ty-le-tiem-phong-vat-nuoi',
      'KH266-I-9/nang-san-luong-thuy-san-nuoi': 'san-luong-thuy-san-nuoi-trong',
      'KH266-II-21/cung-hoa-duoc-them-duong-thon': 'duong-giao-thong-nong-thon-cung-hoa',
      'KH266-III-29/luot-khach-du-lich': 'luot-khach-du-lich',
      'KH266-III-29/thu-tu-khach-du-lich': 'doanh-thu-du-lich',
      'KH266-III-30/luot-khach-du-lich': 'luot-khach-du-lich',
      'KH266-III-30/thu-tu-khach-du-lich': 'doanh-thu-du-lich',
      'KH266-III-31/luot-khach-du-lich': 'luot-khach-du-lich',
      'KH266-III-31/thu-tu-khach-du-lich': 'doanh-thu-du-lich',
      'KH266-III-32/luot-khach-du-lich': 'luot-khach-du-lich',
      'KH266-III-32/thu-tu-khach-du-lich': 'doanh-thu-du-lich',
      'KH266-III-33/khoi-luong-hang-hoa-luan-chuyen': 'khoi-luong-hang-hoa-luan-chuyen',
    });
  });
});

describe('indicatorLinkSchema', () => {
  it('defaults the period to the plan’s and refuses a malformed one', () => {
    // Prepare
    const link = {
      indicator: 'dien-tich-lua',
      plan: 'KH266',
      taskId: 'KH266-I-2',
      targetKey: 'lua',
      status: 'suggested',
    };

    // Act
    const parsed = indicatorLinkSchema.parse(link);
    const malformed = indicatorLinkSchema.safeParse({ ...link, period: '2026-Q5' });

    // Assess
    expect(parsed.period).toBeNull();
    expect(malformed.success).toBe(false);
  });
});
