/**
 * The plan a table belongs to: what its preamble says (plan-preamble.ts), with the import
 * request's overrides taken over it. A field neither gives is an error naming the request
 * field that would supply it; the header is still filled with stand-ins then, so that the
 * rows can be read and their errors reported in the same round (nothing is returned).
 */
import { compareIso } from '../calendar.ts';
import { issue } from './import-issues.ts';
import {
  PLAN_CODE_PATTERN,
  type ImportWarning,
  type PlanDocument,
  type PlanOverrides,
} from './model.ts';
import { PERIOD_FORMATS } from './plan-period.ts';
import type { Preamble } from './plan-preamble.ts';

export interface PlanHeader {
  document: Omit<PlanDocument, 'sections'>;
  /** The year of a quarter or month written without one. */
  planYear: number;
}

const KIND_LABELS: Record<PlanDocument['kind'], string> = {
  plan: 'Kế hoạch',
  notice: 'Thông báo',
};

export function readPlanHeader(
  file: string,
  preamble: Preamble,
  overrides: PlanOverrides,
): { header: PlanHeader; errors: ImportWarning[]; warnings: ImportWarning[] } {
  const errors: ImportWarning[] = [];
  const warnings: ImportWarning[] = [];
  const { reference } = preamble;
  if (!reference) {
    errors.push(
      issue(
        file,
        0,
        'NO_PLAN_REFERENCE',
        'Phần đầu của bảng không nêu văn bản mà bảng kèm theo: cần một dòng như "(Kèm theo Kế hoạch số 266/KH-UBND ngày 07/7/2026 của UBND tỉnh Lạng Sơn)"',
        { allowed: ['Kế hoạch số N/KH-…', 'Thông báo số N/TB-…'] },
      ),
    );
  }
  const line = reference?.line ?? 0;

  let code = reference?.code ?? 'KH0'; // a stand-in: no reference is an error
  if (overrides.code !== undefined) {
    if (PLAN_CODE_PATTERN.test(overrides.code)) code = overrides.code;
    else {
      errors.push(
        issue(
          file,
          0,
          'INVALID_PLAN_CODE',
          `Mã văn bản "${overrides.code}" không hợp lệ: 2 đến 24 chữ in hoa hoặc chữ số, bắt đầu bằng chữ cái, không có dấu gạch (KH266, TB150, KH300N2027)`,
          { field: 'code', allowed: [PLAN_CODE_PATTERN.source] },
        ),
      );
    }
  }

  let issuedOn = overrides.issuedOn;
  if (issuedOn === undefined && reference) {
    const printed = reference.issuedOn;
    if (typeof printed === 'string') issuedOn = printed;
    else if (printed === null) {
      errors.push(
        issue(
          file,
          line,
          'ISSUED_ON_UNREADABLE',
          `Không đọc được ngày ban hành của văn bản số ${reference.number}: hãy ghi "ngày d tháng m năm yyyy" sau số văn bản, hoặc chỉ định trong yêu cầu (issuedOn)`,
          { field: 'issuedOn', allowed: ['YYYY-MM-DD'] },
        ),
      );
    } else {
      errors.push(
        issue(file, line, 'INVALID_DATE', `Ngày ban hành ${printed.invalid} không tồn tại`, {
          field: 'issuedOn',
          allowed: ['YYYY-MM-DD'],
        }),
      );
    }
  }

  const issuingBody = overrides.issuingBody ?? reference?.issuingBody ?? undefined;
  if (issuingBody === undefined && reference) {
    errors.push(
      issue(
        file,
        line,
        'ISSUING_BODY_UNREADABLE',
        `Không đọc được cơ quan ban hành văn bản số ${reference.number}: hãy ghi "của <cơ quan>" sau ngày ban hành, hoặc chỉ định trong yêu cầu (issuingBody)`,
        { field: 'issuingBody' },
      ),
    );
  }

  const period = overrides.period ?? preamble.period ?? undefined;
  if (period === undefined) {
    errors.push(
      issue(
        file,
        preamble.title?.line ?? 0,
        'PERIOD_UNREADABLE',
        'Không đọc được thời kỳ của kế hoạch trong tên phụ lục (ví dụ "6 tháng cuối năm 2026", "giai đoạn 2026 - 2030"): hãy chỉ định trong yêu cầu (period)',
        { field: 'period', allowed: PERIOD_FORMATS },
      ),
    );
  } else if (compareIso(period.start, period.end) > 0) {
    errors.push(
      issue(
        file,
        0,
        'INVALID_PERIOD',
        `Thời kỳ ${period.start}..${period.end} kết thúc trước khi bắt đầu`,
        { field: 'period', allowed: PERIOD_FORMATS },
      ),
    );
  }

  const kind = reference?.kind ?? 'plan';
  const number = reference?.number ?? '';
  let title = overrides.title ?? preamble.title?.text;
  if (title === undefined) {
    title = `${KIND_LABELS[kind]} số ${number}`;
    warnings.push(
      issue(file, 0, 'NO_TITLE', `Bảng không có tên phụ lục; tên dùng tạm: "${title}"`, {
        field: 'title',
      }),
    );
  }

  // Stand-ins, used only when an error above means nothing will be returned.
  const planYear = Number((issuedOn ?? period?.start ?? '2000').slice(0, 4));
  const readingPeriod = period ?? { start: `${planYear}-01-01`, end: `${planYear}-12-31` };
  const document = {
    code,
    kind,
    number,
    title,
    issuingBody: issuingBody ?? '',
    issuedOn: issuedOn ?? readingPeriod.start,
    period: readingPeriod,
  };
  return { header: { document, planYear }, errors, warnings };
}
