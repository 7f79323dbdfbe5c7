/** The web app's own words for machine values; the domain's labels come from vn-labels.ts. */
import type { Role } from '#shared/domain/access/caller.ts';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Quản trị',
  agency: 'Cơ quan báo cáo',
  viewer: 'Lãnh đạo, theo dõi',
};

export const SCHEDULE_KIND_LABELS: Readonly<Record<string, string>> = {
  deadline: 'Có hạn hoàn thành',
  window: 'Trong khoảng thời gian',
  recurring: 'Định kỳ',
  ongoing: 'Thường xuyên',
  conditional: 'Có điều kiện',
  unspecified: 'Không nêu thời hạn',
};
