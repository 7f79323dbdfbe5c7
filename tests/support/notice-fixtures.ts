/** The seed conclusion notice with its import request, and small notices built for tests. */
import { readFileSync } from 'node:fs';
import { noticeSeedSchema, type NoticeOverrides } from '#shared/domain/notice/notice-model.ts';
import { AgencyRegistry } from '#shared/domain/plan/agency-registry.ts';
import { seedAgencyRegistry } from '#shared/seed-registry.ts';

const SEED = 'seeds/notices/thong-bao-ket-luan-2026-05-27';

export const seedNotice = () => ({
  file: 'thong-bao-ket-luan-2026-05-27.txt',
  text: readFileSync(`${SEED}.txt`, 'utf8'),
});

export function seedNoticeOverrides(): NoticeOverrides {
  const { $comment: _comment, ...overrides } = noticeSeedSchema.parse(
    JSON.parse(readFileSync(`${SEED}.json`, 'utf8')),
  );
  return overrides;
}

/** The five communes the seed notice names that the plan tables never did. */
export const NOTICE_ONLY_COMMUNES = [
  'ubnd-xa-nhan-ly',
  'ubnd-xa-quan-son',
  'ubnd-xa-chien-thang',
  'ubnd-xa-bang-mac',
  'ubnd-xa-van-linh',
];

/** The seed registry without some agencies (as it was before the notice was imported). */
export function seedRegistryWithout(ids: string[]): AgencyRegistry {
  return AgencyRegistry.fromAgencies(
    seedAgencyRegistry()
      .all()
      .filter((a) => !ids.includes(a.id)),
  );
}

/** Overrides that make any small test notice importable: a code, a date, every sector. */
export const TEST_OVERRIDES: NoticeOverrides = {
  code: 'TB150',
  issuedOn: '2026-06-01',
  sectors: { '1.1': 'services', '1.2': 'services', '1.3': 'services', '2': 'services' },
};

/** A notice to the communes Chi Lăng and Hồ Sơn whose parts are `body` (markdown-ish lines). */
export function smallNotice(body: string): { file: string; text: string } {
  return {
    file: 'tb-150.txt',
    text: [
      '## THÔNG BÁO',
      '',
      '**Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với các xã Chi Lăng, Hồ Sơn**',
      '',
      body,
    ].join('\n'),
  };
}
