/** The known agencies closest to a name nobody knows. */
import { seedAgencyRegistry } from '#shared/seed-registry.ts';
import { describe, expect, it } from 'vitest';
import { seedRegistryWithout } from '../../support/notice-fixtures.ts';

const registry = seedAgencyRegistry();

/** The notice parser suggests through the registry, as the table parser does. */
describe('AgencyRegistry.suggest on the names notices use', () => {
  it.each([
    ['Sở Văn hoá Thể thao Du lịch', 'so-van-hoa-the-thao-va-du-lich'],
    ['du lịch, thể thao và văn hóa (Sở)', 'so-van-hoa-the-thao-va-du-lich'],
    ['Ban quản lý khu kinh tế cửa khẩu Đồng Đăng', 'bql-khu-ktck-dong-dang-lang-son'],
    ['UBND xã Chi Lang mới', 'ubnd-xa-chi-lang'],
  ])('suggests for "%s" first %s, ignoring case, marks, punctuation and order', (name, id) => {
    // Act
    const [first] = registry.suggest(name);

    // Assess
    expect(first?.id).toBe(id);
    expect(first?.score).toBeGreaterThanOrEqual(0.6);
  });

  it('suggests nothing for a name sharing only common words with every agency', () => {
    // Prepare
    const without = seedRegistryWithout(['ubnd-xa-nhan-ly', 'van-phong-ubnd-tinh']);

    // Act
    const communes = without.suggest('UBND xã Nhân Lý');
    const office = without.suggest('Văn phòng UBND tỉnh');

    // Assess
    expect(communes).toEqual([]);
    expect(office).toEqual([]);
  });

  it('returns the closest first, and not an agency sharing one short word', () => {
    // Act: "dự án" and "Công an" fold to the same "an".
    const result = registry.suggest('Ban Quản lý dự án đầu tư');

    // Assess
    expect(result.map((s) => s.id)).toEqual([
      'bql-du-an-dtxd-tinh',
      'bql-du-an-dtxd-cong-trinh-giao-thong-tinh',
    ]);
    expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? 1);
  });
});
