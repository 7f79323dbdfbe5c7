/**
 * The sector a heading names, read from keywords ("Về phát triển thương mại, du lịch" →
 * services). The keywords follow the national accounts' three sectors as the province's
 * plans use them (DESIGN.md: KH266's three sections, KH267's sixteen); a heading with no
 * keyword, or with keywords of two sectors, is not placed: the importer asks instead of
 * guessing. Plan-table section titles are meant to share this table (issue 10).
 */
import { normaliseName } from '../plan/agency-registry.ts';
import type { Sector } from '../plan/model.ts';

/** Folded words (no diacritics, lower case), matched as whole words. */
const KEYWORDS: Record<Sector, string[]> = {
  agriculture: [
    'nong nghiep',
    'lam nghiep',
    'thuy san',
    'nong thon',
    'chan nuoi',
    'trong trot',
    'thuy loi',
    'moi truong',
    'tai nguyen',
  ],
  industry: [
    'cong nghiep',
    'xay dung',
    'nang luong',
    'khoang san',
    'do thi',
    'ha tang ky thuat',
    'dau tu cong',
  ],
  services: [
    'dich vu',
    'thuong mai',
    'du lich',
    'van hoa',
    'the thao',
    'giao duc',
    'y te',
    'an sinh',
    'dan so',
    'lao dong',
    'viec lam',
    'khoa hoc',
    'chuyen doi so',
    'doi moi sang tao',
    'cua khau',
    'xuat nhap khau',
    'van tai',
    'ngan hang',
    'quoc phong',
    'an ninh',
    'doi ngoai',
    'ha tang xa hoi',
  ],
};

/** The one sector a heading's keywords name, or null when none or several. */
export function sectorOfHeading(heading: string): Sector | null {
  const words = ` ${normaliseName(heading)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const named = (Object.keys(KEYWORDS) as Sector[]).filter((sector) =>
    KEYWORDS[sector].some((keyword) => words.includes(` ${keyword} `)),
  );
  return named.length === 1 ? (named[0] ?? null) : null;
}
