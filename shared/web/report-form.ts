/**
 * The report form's fields, read into a report submission with every problem named by
 * its field in Vietnamese, so the page shows each beside its input. Numbers are typed the
 * Vietnamese way (15.520 or 2.810,75) and read by the plan parser's strict reader.
 */
import type { Target } from '#shared/domain/plan/model.ts';
import { parseVnNumber } from '#shared/domain/plan/vn-number.ts';
import {
  REPORT_STATUSES,
  reportSubmissionSchema,
  type ReportStatus,
  type ReportSubmission,
} from '#shared/domain/progress/report.ts';

/** The values as typed, to show the form again exactly as the person left it. */
export interface ReportFormValues {
  status: string;
  percent: string;
  actuals: Record<string, string>;
  narrative: string;
  obstacles: string;
  proposals: string;
}

/** Field name → the problem with it. */
export type FormErrors = Record<string, string>;

export const actualField = (key: string): string => `actual-${key}`;

const NUMBER_HINT = 'Hãy nhập một số, theo cách viết Việt Nam: 15.520 hoặc 2.810,75.';

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function readReportForm(
  values: ReportFormValues,
  targets: readonly Target[],
): { submission: ReportSubmission } | { errors: FormErrors } {
  const errors: FormErrors = {};
  if (!(REPORT_STATUSES as readonly string[]).includes(values.status)) {
    errors.status = 'Hãy chọn tình trạng thực hiện.';
  }
  const percent = parseVnNumber(values.percent);
  if (values.percent === '') errors.percent = 'Hãy nhập tỷ lệ hoàn thành, từ 0 đến 100.';
  else if (percent === null) errors.percent = NUMBER_HINT;
  else if (percent < 0 || percent > 100) errors.percent = 'Tỷ lệ hoàn thành phải từ 0 đến 100.';

  const actuals: Record<string, number> = {};
  for (const target of targets) {
    const typed = values.actuals[target.key] ?? '';
    if (typed === '') continue;
    const value = parseVnNumber(typed);
    if (value === null) errors[actualField(target.key)] = NUMBER_HINT;
    else actuals[target.key] = value;
  }
  if (Object.keys(errors).length > 0) return { errors };

  const parsed = reportSubmissionSchema.safeParse({
    status: values.status as ReportStatus,
    percentComplete: percent,
    actuals,
    narrative: values.narrative,
    obstacles: lines(values.obstacles),
    proposals: lines(values.proposals),
  });
  if (parsed.success) return { submission: parsed.data };
  for (const issue of parsed.error.issues) {
    const [part, key] = issue.path.map(String);
    const field =
      part === 'percentComplete' ? 'percent' : part === 'actuals' && key ? actualField(key) : part;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}
