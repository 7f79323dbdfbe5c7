/** The sector a heading names: the seed plans' own maps, and the notice's headings. */
import { sectorOfHeading } from '#shared/domain/notice/sector-keywords.ts';
import { sectorOf } from '#shared/domain/plan/plan-profile.ts';
import { readPlanTable } from '#shared/domain/plan/table-reader.ts';
import { seedPlanProfiles } from '#shared/seed-registry.ts';
import { describe, expect, it } from 'vitest';
import { seedSources } from '../../support/seed-tasks.ts';

describe('sectorOfHeading', () => {
  it.each(seedSources())('places every section of $file as its plan profile does', (source) => {
    // Prepare
    const code = source.file.startsWith('kh266') ? 'KH266' : 'KH267';
    const profile = seedPlanProfiles().plans[code];
    if (!profile) throw new Error(`no profile ${code}`);
    const sections = readPlanTable(source.file, source.text, () => false).rows.filter(
      (row) => row.kind === 'section',
    );

    // Act
    const placed = sections.map((s) => [s.code, sectorOfHeading(s.title)]);

    // Assess
    expect(sections.length).toBeGreaterThan(2);
    expect(placed).toEqual(sections.map((s) => [s.code, sectorOf(profile, s.code)]));
  });

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
