import { describe, expect, it } from 'vitest';
import { SECTORS } from '#shared/domain/plan/model.ts';
import { proposeSector, SECTOR_KEYWORDS } from '#shared/domain/plan/sector-keywords.ts';

describe('proposeSector', () => {
  it.each([
    // KH266
    ['Lĩnh vực nông, lâm nghiệp và thủy sản', 'agriculture'],
    ['Lĩnh vực công nghiệp và xây dựng', 'industry'],
    ['Lĩnh vực dịch vụ', 'services'],
    // KH267
    ['Phát triển Kinh tế cửa khẩu và Khu kinh tế cửa khẩu', 'services'],
    ['Phát triển Dân số, lao động, việc làm', 'services'],
    ['Phương án an sinh xã hội', 'services'],
    ['Phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số', 'services'],
    ['Phát triển hệ thống đô thị', 'industry'],
    ['Phát triển khu vực nông thôn', 'agriculture'],
    ['Phát triển hạ tầng kỹ thuật', 'industry'],
    // "xã hội" inside "hạ tầng xã hội" counts once, for the longer keyword
    ['Phát triển hạ tầng xã hội', 'services'],
    ['Phát triển quốc phòng, an ninh và đối ngoại', 'services'],
    [
      'Bảo vệ môi trường, bảo tồn thiên nhiên, đa dạng sinh học; bảo vệ, khai thác, sử dụng tài nguyên nước; phòng chống thiên tai và biến đổi khí hậu',
      'agriculture',
    ],
    // case, diacritics and punctuation do not matter
    ['LĨNH VỰC NÔNG LÂM NGHIỆP', 'agriculture'],
    ['linh vuc thuong mai - du lich', 'services'],
    ['Lĩnh vực Y tế', 'services'],
  ])('%j → %s', (title, sector) => {
    expect(proposeSector(title)).toEqual({ sector });
  });

  it.each(['Nhiệm vụ khác', 'Phần chung', 'nghề nghiệp', 'Quy tế', ''])(
    'proposes nothing for %j: no keyword, as a whole word',
    (title) => {
      expect(proposeSector(title)).toBeNull();
    },
  );

  it.each([
    ['Nông nghiệp công nghệ cao', ['agriculture', 'services']],
    ['Công nghiệp chế biến và thương mại nông sản', ['industry', 'services']],
  ])('proposes no single sector for %j', (title, sectors) => {
    expect(proposeSector(title)).toEqual({ ambiguous: sectors });
  });

  it('is data: every sector has keywords, and no keyword belongs to two sectors', () => {
    const all = SECTORS.flatMap((sector) => SECTOR_KEYWORDS[sector]);

    expect(SECTORS.every((sector) => SECTOR_KEYWORDS[sector].length > 0)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});
