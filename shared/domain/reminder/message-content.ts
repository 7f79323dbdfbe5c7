/**
 * What a message says, as facts: the kind, the period, the recipient and the tasks, with
 * the registry's names as they were when it was composed. Stored with the message and
 * turned into words only when it is sent (message-text.ts), where the public address of
 * the web app is known.
 */
import * as z from 'zod';
import { compareIso, type IsoDate } from '../calendar.ts';
import { agencyRefSchema, isoDateSchema, type Task } from '../plan/model.ts';
import { periodCodeSchema } from '../period/period.ts';
import { compareNatural, compareText } from '../risk/order.ts';
import type { Notice, NoticeAgency } from './notices.ts';

export const taskRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The plan as the province names it: "Kế hoạch số 266/KH-UBND". */
  plan: z.string(),
  section: z.string(),
  ordinal: z.string(),
});
export type TaskRef = z.infer<typeof taskRefSchema>;

const lateAgencySchema = z.object({ agency: agencyRefSchema, tasks: z.array(taskRefSchema) });

export const reminderContentSchema = z.object({
  kind: z.literal('reminder'),
  period: periodCodeSchema,
  deadline: isoDateSchema,
  /** The day it was composed, in the province. */
  on: isoDateSchema,
  recipient: agencyRefSchema,
  tasks: z.array(taskRefSchema),
});

export const escalationContentSchema = z.object({
  kind: z.literal('escalation'),
  period: periodCodeSchema,
  deadline: isoDateSchema,
  on: isoDateSchema,
  recipient: agencyRefSchema,
  late: z.array(lateAgencySchema),
});

export const digestContentSchema = z.object({
  kind: z.literal('digest'),
  /** The week it covers: from the day after the previous digest to `on`. */
  week: z.object({ code: z.string(), start: isoDateSchema, end: isoDateSchema }),
  on: isoDateSchema,
  recipient: agencyRefSchema,
  newRisks: z.array(z.object({ task: taskRefSchema, reasons: z.array(z.string()) })),
  newlyLate: z.array(
    lateAgencySchema.extend({ period: periodCodeSchema, deadline: isoDateSchema }),
  ),
  completed: z.array(taskRefSchema),
});

export const messageContentSchema = z.discriminatedUnion('kind', [
  reminderContentSchema,
  escalationContentSchema,
  digestContentSchema,
]);
export type MessageContent = z.infer<typeof messageContentSchema>;
export type DigestContent = z.infer<typeof digestContentSchema>;

/** The plan as a message names it: by its number, as the province writes it. */
export function planLabel(plan: { code: string; kind: 'plan' | 'notice'; number: string | null }) {
  if (plan.number === null) return `Kế hoạch ${plan.code}`;
  return `${plan.kind === 'notice' ? 'Thông báo' : 'Kế hoạch'} số ${plan.number}`;
}

export function taskRef(task: Task, planLabels: ReadonlyMap<string, string>): TaskRef {
  return {
    id: task.id,
    title: task.title,
    plan: planLabels.get(task.plan) ?? task.plan,
    section: task.section.code,
    ordinal: task.ordinal,
  };
}

/** Notices told together: one kind, period, deadline and recipient. */
export interface NoticeGroup {
  kind: Notice['kind'];
  period: Notice['period'];
  deadline: IsoDate;
  recipientId: string;
  notices: Notice[];
}

/** The notices grouped into messages, in a stable order. */
export function groupNotices(notices: readonly Notice[]): NoticeGroup[] {
  const groups = new Map<string, NoticeGroup>();
  for (const notice of notices) {
    const key = [notice.kind, notice.period, notice.deadline, notice.recipientId].join('|');
    const group = groups.get(key) ?? {
      kind: notice.kind,
      period: notice.period,
      deadline: notice.deadline,
      recipientId: notice.recipientId,
      notices: [],
    };
    group.notices.push(notice);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, notices: [...group.notices].sort(compareNotices) }))
    .sort(
      (a, b) =>
        compareText(a.kind, b.kind) ||
        compareText(a.period, b.period) ||
        compareIso(a.deadline, b.deadline) ||
        compareText(a.recipientId, b.recipientId),
    );
}

const compareNotices = (a: Notice, b: Notice) =>
  compareText(a.agencyId, b.agencyId) || compareNatural(a.taskId, b.taskId);

export interface ComposeContext {
  /** Today in the province. */
  today: IsoDate;
  agencies: ReadonlyMap<string, NoticeAgency>;
  tasks: ReadonlyMap<string, Task>;
  planLabels: ReadonlyMap<string, string>;
}

/** What a group's message says about the notices it holds (those it claimed). */
export function noticeContent(
  group: Omit<NoticeGroup, 'notices'>,
  notices: readonly Notice[],
  context: ComposeContext,
): MessageContent {
  const agencyRef = (id: string) => ({ id, name: context.agencies.get(id)?.name ?? id });
  const refs = (items: readonly Notice[]) =>
    [...items].sort(compareNotices).flatMap((notice) => {
      const task = context.tasks.get(notice.taskId);
      return task ? [taskRef(task, context.planLabels)] : [];
    });
  const common = {
    period: group.period,
    deadline: group.deadline,
    on: context.today,
    recipient: agencyRef(group.recipientId),
  };
  if (group.kind === 'reminder') return { kind: 'reminder', ...common, tasks: refs(notices) };
  const agencies = [...new Set(notices.map((notice) => notice.agencyId))].sort(compareText);
  return {
    kind: 'escalation',
    ...common,
    late: agencies.map((id) => ({
      agency: agencyRef(id),
      tasks: refs(notices.filter((notice) => notice.agencyId === id)),
    })),
  };
}
