import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  indicatorLabels,
  indicatorRegistrySchema,
  indicatorSchema,
  sentenceName,
} from '#shared/domain/indicator/indicator.ts';
import { indicatorValueSchema } from '#shared/domain/indicator/indicator-value.ts';
import { indicator, seedIndicator, seedIndicators, value } from './fixtures.ts';

const agencyIds = new Set(
  (
    JSON.parse(readFileSync(new URL('../../../seeds/agencies.json', import.meta.url), 'utf8')) as {
      agencies: { id: string }[];
    }
  ).agencies.map((agency) => agency.id),
);

describe('the seed registry (seeds/indicators.json)', () => {
  it('holds the province’s headline indicators in every sector', () => {
    // Act
    const codes = seedIndicators.map((entry) => entry.code);

    // Assess
    expect(codes).toEqual(
      expect.arrayContaining([
        'dien-tich-lua',
        'dien-tich-ngo',
        'dien-tich-trong-rung-moi',
        'san-luong-thuy-san-nuoi-trong',
        'chi-so-san-xuat-cong-nghiep',
        'thu-ngan-sach-nha-nuoc',
        'kim-ngach-xuat-nhap-khau',
        'luot-khach-du-lich',
      ]),
    );
    expect(new Set(seedIndicators.map((entry) => entry.sector))).toEqual(
      new Set(['agriculture', 'industry', 'services']),
    );
  });

  it('names only agencies of the agency registry as owners', () => {
    // Act
    const unknown = seedIndicators.flatMap((entry) =>
      entry.owners.filter((owner) => !agencyIds.has(owner)),
    );

    // Assess
    expect(unknown).toEqual([]);
  });

  it('opens the rice sentence as the province does', () => {
    // Act
    const name = sentenceName(seedIndicator('dien-tich-lua'));

    // Assess
    expect(name).toBe('Cây lúa');
  });
});

describe('indicatorRegistrySchema', () => {
  it('refuses a code used twice', () => {
    // Prepare
    const registry = { indicators: [indicator(), indicator({ name: 'Lúa khác', aliases: [] })] };

    // Act
    const result = indicatorRegistrySchema.safeParse(registry);

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'Mã chỉ tiêu dien-tich-lua bị trùng',
    );
  });

  it('refuses a label two indicators answer to, spelt however', () => {
    // Prepare
    const registry = {
      indicators: [
        indicator(),
        indicator({ code: 'lua-mua', name: 'Lúa vụ mùa', shortName: 'Lúa mùa', aliases: ['LÚA'] }),
      ],
    };

    // Act
    const result = indicatorRegistrySchema.safeParse(registry);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['indicators', 1, 'aliases'],
      message: 'Tên "LÚA" trùng với một tên của chỉ tiêu dien-tich-lua',
    });
  });

  it.each([
    { change: { code: 'Dien_Tich' }, field: 'code' },
    { change: { aggregation: 'median' }, field: 'aggregation' },
    { change: { direction: 'up' }, field: 'direction' },
    { change: { sector: 'mining' }, field: 'sector' },
    { change: { unit: '' }, field: 'unit' },
    { change: { color: 'green' }, field: '' },
  ])('refuses an indicator with a bad $field', ({ change }) => {
    // Prepare
    const raw = { ...indicator(), ...change };

    // Act
    const result = indicatorSchema.safeParse(raw);

    // Assess
    expect(result.success).toBe(false);
  });

  it('lists every label an indicator answers to', () => {
    // Act
    const labels = indicatorLabels(indicator({ aliases: ['Lúa', 'Diện tích lúa'] }));

    // Assess
    expect(labels).toEqual(['Diện tích gieo trồng lúa', 'Cây lúa', 'Lúa', 'Diện tích lúa']);
  });
});

describe('indicatorValueSchema', () => {
  it.each([
    { change: {}, valid: true },
    { change: { period: '2026-H3' }, valid: false },
    { change: { period: '0000' }, valid: false },
    { change: { status: 'draft' }, valid: false },
    { change: { value: Number.NaN }, valid: false },
    { change: { value: 2 ** 60 }, valid: false },
    { change: { reportedAt: '2026-07-01' }, valid: false },
  ])('$change is valid: $valid', ({ change, valid }) => {
    // Prepare
    const raw = { ...value('2026-Q3', 100), ...change };

    // Act
    const result = indicatorValueSchema.safeParse(raw);

    // Assess
    expect(result.success).toBe(valid);
  });
});
