/** The sector a heading names: the seed plans' own maps, and the notice's headings. */
import { proposeSector } from '#shared/domain/plan/sector-keywords.ts';
import { describe, expect, it } from 'vitest';

/** What the notice parser makes of a heading: one sector, or none. */
const sectorOfHeading = (heading: string) => {
  const proposal = proposeSector(heading);
  return proposal && 'sector' in proposal ? proposal.sector : null;
};

describe('sectorOfHeading', () => {
  it.each([
    ['Về phát triển nông, lâm nghiệp', 'agriculture'],
    ['Về phát triển thương mại, du lịch', 'services'],
    ['Về phát triển khoa học công nghệ, đổi mới sáng tạo, chuyển đổi số', 'services'],
    ['Về lĩnh vực văn hóa, giáo dục và an sinh xã hội', 'services'],
    ['Lĩnh vực công nghiệp và xây dựng', 'industry'],
  ])('places "%s" in %s', (heading, sector) => {
    // Act
    const result = sectorOfHeading(heading);

    // Assess
    expect(result).toBe(sector);
  });

  it.each([
    'Về công tác lãnh đạo, chỉ đạo',
    'Về tăng trưởng kinh tế',
    'Phát triển kinh tế - xã hội',
    'Về du lịch và công nghiệp',
    '',
  ])('places "%s" nowhere: no keyword, or keywords of two sectors', (heading) => {
    // Act
    const result = sectorOfHeading(heading);

    // Assess
    expect(result).toBeNull();
  });
});
