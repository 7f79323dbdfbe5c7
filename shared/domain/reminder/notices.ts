/**
 * Which notices the obligations call for today, and to whom.
 *
 * - A reminder goes to the agency that owes the report, inside the reminder window.
 * - An escalation goes to the level above, inside the escalation window: for a commune,
 *   the departments that lead the task (the level that reviews its reports); for anyone
 *   else, and for a commune whose task no department leads, the provincial office (the
 *   plan's reviewer, else the province's setting). Only what is still owed is escalated:
 *   an agency that reported after its reminder is not.
 * - Agencies are taken as they answer now: a merged agency's survivor, never a
 *   deactivated agency or a collective (a collective is never a caller: its members each
 *   owe their own report).
 */
import type { IsoDate } from '../calendar.ts';
import type { Agency, Task } from '../plan/model.ts';
import type { PeriodCode } from '../period/period.ts';
import { rangeContainsDay } from '../period/period-span.ts';
import { escalationWindow, reminderWindow } from './notice-windows.ts';
import type { Obligation } from './obligations.ts';
import type { ReminderSettings } from './reminder-settings.ts';

export const NOTICE_KINDS = ['reminder', 'escalation', 'digest'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type NoticeAgency = Pick<
  Agency,
  'id' | 'name' | 'kind' | 'active' | 'mergedInto' | 'emails'
>;

/** One task one agency still owes, to be told to one recipient. */
export interface Notice {
  kind: Exclude<NoticeKind, 'digest'>;
  period: PeriodCode;
  deadline: IsoDate;
  /** The agency that owes the report, as it answers now. */
  agencyId: string;
  taskId: string;
  /** The agency told: the one that owes it (a reminder), or the level above (an escalation). */
  recipientId: string;
}

export interface NoticeContext {
  /** Today in the province. */
  today: IsoDate;
  settings: ReminderSettings;
  /** Each plan's reviewer and days of notice. */
  plans: ReadonlyMap<string, { reviewer: string | null; daysBefore: number }>;
  agencies: ReadonlyMap<string, NoticeAgency>;
  tasks: ReadonlyMap<string, Pick<Task, 'lead'>>;
}

/** The agency that answers for `id` now (itself, or what it was merged into); null if none. */
export function answeringAgency(
  agencies: ReadonlyMap<string, NoticeAgency>,
  id: string,
): NoticeAgency | null {
  const seen = new Set<string>();
  let agency = agencies.get(id);
  while (agency?.mergedInto && !seen.has(agency.id)) {
    seen.add(agency.id);
    agency = agencies.get(agency.mergedInto);
  }
  return agency && agency.active && !agency.mergedInto ? agency : null;
}

/** The notices due today, each (kind, period, agency, task, recipient) once. */
export function dueNotices(obligations: readonly Obligation[], context: NoticeContext): Notice[] {
  const notices = new Map<string, Notice>();
  const add = (notice: Notice) => notices.set(noticeKey(notice), notice);
  for (const owed of obligations) {
    const subject = answeringAgency(context.agencies, owed.agencyId);
    const plan = context.plans.get(owed.plan);
    const task = context.tasks.get(owed.taskId);
    if (!subject || subject.kind === 'collective' || !plan || !task) continue;
    const base = {
      period: owed.period,
      deadline: owed.deadline,
      agencyId: subject.id,
      taskId: owed.taskId,
    };
    if (rangeContainsDay(reminderWindow(owed.deadline, plan.daysBefore), context.today)) {
      add({ ...base, kind: 'reminder', recipientId: subject.id });
    } else if (
      rangeContainsDay(escalationWindow(owed.deadline, context.settings.graceDays), context.today)
    ) {
      for (const recipientId of levelAbove(subject, task, plan.reviewer, context)) {
        add({ ...base, kind: 'escalation', recipientId });
      }
    }
  }
  return [...notices.values()];
}

/** Who hears of a late report (see the top of this file). */
export function levelAbove(
  subject: NoticeAgency,
  task: Pick<Task, 'lead'>,
  reviewer: string | null,
  context: Pick<NoticeContext, 'agencies' | 'settings'>,
): string[] {
  if (subject.kind === 'commune') {
    const departments = task.lead
      .map((ref) => answeringAgency(context.agencies, ref.id))
      .filter((agency): agency is NoticeAgency => agency !== null)
      .filter((agency) => !['commune', 'collective'].includes(agency.kind))
      .map((agency) => agency.id);
    if (departments.length > 0) return [...new Set(departments)];
  }
  const officeId = reviewer ?? context.settings.provincialOffice;
  const office = officeId === null ? null : answeringAgency(context.agencies, officeId);
  return office && office.id !== subject.id ? [office.id] : [];
}

/** What makes a notice one: claimed once, never sent twice. */
export function noticeKey(
  notice: Pick<Notice, 'kind' | 'period' | 'agencyId' | 'taskId' | 'recipientId'>,
) {
  return [notice.kind, notice.period, notice.agencyId, notice.taskId, notice.recipientId].join('|');
}
