/**
 * The sector a section's title proposes, from the words of the three-sector accounts the
 * province reports in (nông, lâm nghiệp và thủy sản; công nghiệp và xây dựng; dịch vụ).
 * The table is data: extend it when a plan uses a word it lacks. Keywords match whole
 * words, ignoring case, diacritics and punctuation; a keyword inside a longer one that
 * also matched ("xã hội" in "hạ tầng xã hội") does not count on its own. A title whose
 * keywords name two sectors proposes nothing: the request must say.
 */
import { foldText } from './fold.ts';
import { SECTORS, type Sector } from './model.ts';

export const SECTOR_KEYWORDS: Readonly<Record<Sector, readonly string[]>> = {
  agriculture: [
    'nông nghiệp',
    'nông, lâm nghiệp',
    'nông lâm',
    'lâm nghiệp',
    'thủy sản',
    'chăn nuôi',
    'trồng trọt',
    'thủy lợi',
    'nông thôn',
    'môi trường',
    'tài nguyên',
    'đất đai',
    'thiên tai',
    'biến đổi khí hậu',
  ],
  industry: [
    'công nghiệp',
    'xây dựng',
    'đô thị',
    'hạ tầng kỹ thuật',
    'năng lượng',
    'khoáng sản',
    'tiểu thủ công nghiệp',
  ],
  services: [
    'dịch vụ',
    'thương mại',
    'du lịch',
    'kinh tế cửa khẩu',
    'xuất nhập khẩu',
    'logistics',
    'vận tải',
    'tài chính',
    'ngân hàng',
    'văn hóa',
    'thể thao',
    'giáo dục',
    'đào tạo',
    'y tế',
    'khoa học',
    'công nghệ',
    'chuyển đổi số',
    'thông tin',
    'truyền thông',
    'dân số',
    'lao động',
    'việc làm',
    'an sinh',
    'hạ tầng xã hội',
    'quốc phòng',
    'an ninh',
    'đối ngoại',
  ],
};

export type SectorProposal =
  | { sector: Sector }
  /** Keywords of several sectors: which one is the officer's call. */
  | { ambiguous: Sector[] }
  | null;

/** Words only, single spaces, padded so that a keyword matches as ` word `. */
function words(text: string): string {
  return ` ${foldText(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

const FOLDED_KEYWORDS = SECTORS.flatMap((sector) =>
  SECTOR_KEYWORDS[sector].map((keyword) => ({ sector, keyword: words(keyword) })),
);

export function proposeSector(title: string): SectorProposal {
  const text = words(title);
  const found: { sector: Sector; start: number; end: number }[] = [];
  for (const { sector, keyword } of FOLDED_KEYWORDS) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
      found.push({ sector, start: at, end: at + keyword.length });
    }
  }
  // By start, longer first: a match is inside a longer one iff an earlier one ends at or
  // after its end. One sweep, so a title repeating a keyword thousands of times is cheap.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const named = new Set<Sector>();
  let reach = -1;
  for (const match of found) {
    if (match.end > reach) named.add(match.sector);
    reach = Math.max(reach, match.end);
  }
  const sectors = SECTORS.filter((sector) => named.has(sector));
  if (sectors.length === 0) return null;
  const [only] = sectors;
  return sectors.length === 1 && only ? { sector: only } : { ambiguous: sectors };
}
