/**
 * An agency reports the actual value of an indicator it owns for a period, straight
 * against the indicator (the other way is through a task's targets): an estimate (ước
 * thực hiện) or a final value; a later final supersedes the estimate in the next
 * revisions. History for past periods (2024, 2025) is entered the same way, by an
 * owning agency or an admin, so the first year on the platform has its "cùng kỳ".
 */
import type * as z from 'zod';
import { compareIso, todayInProvince } from '#shared/domain/calendar.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import { indicatorValueSchema } from '#shared/domain/indicator/indicator-value.ts';
import { agencyIdSchema } from '#shared/domain/registry/agency-changes.ts';
import { requirePeriod } from '#shared/domain/period/period.ts';
import { periodLabel } from '#shared/domain/period/period-label.ts';
import { periodRange } from '#shared/domain/period/period-span.ts';
import type { Clock } from '../progress-ports.ts';
import type { IndicatorRepository, StoredValue } from './indicator-ports.ts';

export const valueSubmissionSchema = indicatorValueSchema
  .pick({ period: true, value: true, status: true })
  .extend({
    agencyId: agencyIdSchema.optional().meta({
      description:
        "Admins only: the agency the value is entered for (default: the indicator's first owner)",
    }),
  })
  .meta({ id: 'IndicatorValueSubmission' });
export type ValueSubmission = z.infer<typeof valueSubmissionSchema>;

export interface ValueReporter {
  role: 'agency' | 'admin';
  /** The agency of an agency token. */
  agencyId: string | null;
  /** The agency and the collectives it belongs to. */
  actsFor: readonly string[];
}

export interface ReportValueCommand {
  indicator: string;
  submission: ValueSubmission;
  reporter: ValueReporter;
  /** Stable across retries of the same request. */
  valueId: string;
}

export async function reportIndicatorValue(
  command: ReportValueCommand,
  deps: { indicators: IndicatorRepository; clock: Clock },
): Promise<StoredValue> {
  const { submission, reporter } = command;
  const indicator = (await deps.indicators.listIndicators()).find(
    (stored) => stored.indicator.code === command.indicator,
  )?.indicator;
  if (!indicator) {
    throw new NotFoundError('indicator-not-found', `không có chỉ tiêu ${command.indicator}`);
  }
  const agencyId = reporterAgency(indicator.owners, indicator.code, submission, reporter);
  const now = deps.clock.now();
  const period = requirePeriod(submission.period);
  if (compareIso(periodRange(period).start, todayInProvince(now)) > 0) {
    throw new UnprocessableError(
      'future-period',
      `${periodLabel(period)} chưa bắt đầu: chưa thể báo cáo số liệu của kỳ này`,
      [{ field: 'body.period', reason: 'kỳ báo cáo chưa bắt đầu' }],
    );
  }
  return deps.indicators.saveValue({
    id: command.valueId,
    indicator: indicator.code,
    period: submission.period,
    value: submission.value,
    status: submission.status,
    agencyId,
    reportedAt: now.toISOString(),
  });
}

/** Who the value is recorded for: the owning agency that sent it, or the admin's choice. */
function reporterAgency(
  owners: readonly string[],
  code: string,
  submission: ValueSubmission,
  reporter: ValueReporter,
): string {
  if (reporter.role === 'admin') {
    const agencyId = submission.agencyId ?? owners[0];
    if (!agencyId) {
      throw new UnprocessableError(
        'agency-required',
        `chỉ tiêu ${code} chưa có cơ quan báo cáo: nêu agencyId của cơ quan được nhập số liệu`,
        [{ field: 'body.agencyId', reason: 'bắt buộc khi chỉ tiêu chưa có cơ quan báo cáo' }],
      );
    }
    return agencyId;
  }
  const owner = owners.find((id) => reporter.actsFor.includes(id));
  if (!owner || reporter.agencyId === null) {
    throw new ForbiddenError(
      'not-indicator-owner',
      `cơ quan ${reporter.agencyId ?? '?'} không phụ trách chỉ tiêu ${code} (cơ quan phụ trách: ${owners.join(', ') || 'chưa có'})`,
    );
  }
  if (submission.agencyId !== undefined && submission.agencyId !== reporter.agencyId) {
    throw new ForbiddenError(
      'agency-mismatch',
      'cơ quan chỉ báo cáo số liệu của chính mình: bỏ agencyId hoặc nêu đúng mã cơ quan',
    );
  }
  return reporter.agencyId;
}
