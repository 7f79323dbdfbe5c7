/**
 * The period a report describes, checked against its task, and what the moment it came
 * in makes of it:
 *
 * - Without a period, a report describes the quarter in progress in the province.
 * - The period must have begun (a report on the future is refused) and must share a day
 *   with the task's life (period/task-life.ts: its plan's period and its own schedule),
 *   so a report on 2024-Q2 for a task of a plan issued in July 2026 is refused: 422
 *   naming the task's window.
 * - Timeliness: on time when received by the end of the period's deadline under its
 *   plan's reporting calendar, late after it.
 * - History: a report on a period whose deadline had already passed when it came in
 *   (the 2025 figures entered in 2026, or a quarter's report sent weeks late) completes
 *   the record of a period that has had its official snapshot; it is late, and like every
 *   report only the task's lead files it (access/task-role.ts).
 * - Actuals default to an estimate (ước thực hiện) while the period is still running, and
 *   to final figures once it has ended.
 */
import { compareIso, todayInProvince, type DateRange, type IsoDate } from '../calendar.ts';
import { UnprocessableError } from '../errors.ts';
import type { ValueStatus } from '../indicator/indicator-value.ts';
import type { Task } from '../plan/model.ts';
import { formatPeriod, requirePeriod, type Period, type PeriodCode } from '../period/period.ts';
import { periodLabel } from '../period/period-label.ts';
import { currentPeriod } from '../period/period-relations.ts';
import { periodRange, rangesOverlap } from '../period/period-span.ts';
import {
  deadlineDay,
  reportTimeliness,
  type ReportingCalendar,
  type Timeliness,
} from '../period/reporting-calendar.ts';
import { taskLifespan } from '../period/task-life.ts';
import { formatVnDate } from '../risk/vn-format.ts';

export interface ReportPeriodInput {
  task: Pick<Task, 'id' | 'schedule'>;
  /** The days of the task's plan. */
  planPeriod: DateRange;
  calendar: ReportingCalendar;
  /** The period the report names, if it names one. */
  requested: PeriodCode | undefined;
  actualsStatus: ValueStatus | undefined;
  receivedAt: Date;
}

export interface ReportPeriod {
  period: PeriodCode;
  deadline: IsoDate;
  timeliness: Timeliness;
  actualsStatus: ValueStatus;
}

/** The report's period, checked; throws UnprocessableError (see the top). */
export function reportPeriod(input: ReportPeriodInput): ReportPeriod {
  const { task, calendar, receivedAt } = input;
  const today = todayInProvince(receivedAt);
  const period = input.requested
    ? requirePeriod(input.requested)
    : currentPeriod('quarter', receivedAt);
  const days = periodRange(period);
  const life = taskLifespan(task, input.planPeriod);
  if (compareIso(days.start, today) > 0) {
    throw periodError('future-period', period, task.id, life, 'chưa bắt đầu');
  }
  if (life === null || !rangesOverlap(life, days)) {
    throw periodError(
      'period-outside-task',
      period,
      task.id,
      life,
      'nằm ngoài thời gian thực hiện nhiệm vụ',
    );
  }
  return {
    period: formatPeriod(period),
    deadline: deadlineDay(period, calendar),
    timeliness: reportTimeliness(period, receivedAt, calendar),
    actualsStatus: input.actualsStatus ?? (compareIso(days.end, today) < 0 ? 'final' : 'estimate'),
  };
}

/** "từ ngày 01/07/2026 đến ngày 31/12/2026", or that the task has no days at all. */
export function lifeText(life: DateRange | null): string {
  return life
    ? `từ ngày ${formatVnDate(life.start)} đến ngày ${formatVnDate(life.end)}`
    : 'không có ngày nào';
}

function periodError(
  code: string,
  period: Period,
  taskId: string,
  life: DateRange | null,
  what: string,
): UnprocessableError {
  const label = periodLabel(period);
  return new UnprocessableError(
    code,
    `${label} ${what}: nhiệm vụ ${taskId} được theo dõi ${lifeText(life)}`,
    [{ field: 'body.period', reason: `${what}; thời gian của nhiệm vụ: ${lifeText(life)}` }],
  ).with({ taskWindow: life });
}
