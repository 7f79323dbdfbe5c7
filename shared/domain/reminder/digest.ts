/**
 * The weekly digest for leaders: what changed since the last digest. Each digest keeps
 * its basis (the tasks at risk with their reasons, the reports missing after their
 * deadline, the tasks completed); the next one tells what its own basis has that the
 * last one's did not:
 *
 * - new risks: a task at risk now that was not, or at risk for a reason it was not;
 * - newly late: a report still missing after its deadline that was not missing then;
 * - completed: a task its lead has completed since.
 *
 * The first digest has no basis before it: everything in it is new.
 */
import * as z from 'zod';
import { addDays, parseIsoDate, type IsoDate } from '../calendar.ts';
import type { Task } from '../plan/model.ts';
import type { RiskReason } from '../progress/task-view.ts';
import { daysBetween } from '../risk/days.ts';
import { compareNatural, compareText } from '../risk/order.ts';
import { taskRef, type DigestContent } from './message-content.ts';
import { answeringAgency, type NoticeAgency } from './notices.ts';
import type { Obligation } from './obligations.ts';

export const digestBasisSchema = z.object({
  /** Task id → the codes of its risk reasons. */
  atRisk: z.record(z.string(), z.array(z.string())),
  /** `period|agency|task` of each report missing after its deadline. */
  late: z.array(z.string()),
  /** Ids of the tasks their lead has completed. */
  completed: z.array(z.string()),
});
export type DigestBasis = z.infer<typeof digestBasisSchema>;

/** What a digest reads of one task: its risk reasons, and whether its lead completed it. */
export interface DigestTask {
  task: Task;
  riskReasons: readonly RiskReason[];
  completed: boolean;
}

const lateKey = (owed: Pick<Obligation, 'period' | 'agencyId' | 'taskId'>) =>
  `${owed.period}|${owed.agencyId}|${owed.taskId}`;

export function digestBasis(
  tasks: readonly DigestTask[],
  late: readonly Obligation[],
): DigestBasis {
  const atRisk: Record<string, string[]> = {};
  for (const { task, riskReasons } of tasks) {
    if (riskReasons.length > 0) atRisk[task.id] = riskReasons.map((reason) => reason.code).sort();
  }
  return {
    atRisk,
    late: [...new Set(late.map(lateKey))].sort(),
    completed: tasks
      .filter((entry) => entry.completed)
      .map((entry) => entry.task.id)
      .sort(),
  };
}

export interface DigestChanges {
  newRisks: string[];
  newlyLate: string[];
  completed: string[];
}

export function digestChanges(previous: DigestBasis | null, current: DigestBasis): DigestChanges {
  const before = previous ?? { atRisk: {}, late: [], completed: [] };
  const wasLate = new Set(before.late);
  const wasCompleted = new Set(before.completed);
  return {
    newRisks: Object.entries(current.atRisk)
      .filter(([taskId, codes]) => {
        const earlier = Object.hasOwn(before.atRisk, taskId) ? before.atRisk[taskId] : undefined;
        return !earlier || codes.some((code) => !earlier.includes(code));
      })
      .map(([taskId]) => taskId)
      .sort(compareNatural),
    newlyLate: current.late.filter((key) => !wasLate.has(key)),
    completed: current.completed.filter((id) => !wasCompleted.has(id)).sort(compareNatural),
  };
}

export function hasChanges(changes: DigestChanges): boolean {
  return changes.newRisks.length + changes.newlyLate.length + changes.completed.length > 0;
}

/** The ISO week of a day (`2026-W49`), and the seven days the digest of that day covers. */
export function digestWeek(today: IsoDate): DigestContent['week'] {
  const parts = parseIsoDate(today);
  if (!parts) throw new RangeError(`${JSON.stringify(today)} is not a valid ISO date`);
  // ISO 8601: a week belongs to the year of its Thursday; weeks start on Monday.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const thursday = addDays(today, 3 - weekday);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return {
    code: `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`,
    start: addDays(today, -6),
    end: today,
  };
}

export interface DigestContext {
  today: IsoDate;
  recipient: { id: string; name: string };
  tasks: ReadonlyMap<string, DigestTask>;
  /** The late obligations of the current basis, for their deadlines. */
  late: readonly Obligation[];
  agencies: ReadonlyMap<string, NoticeAgency>;
  planLabels: ReadonlyMap<string, string>;
}

export function digestContent(changes: DigestChanges, context: DigestContext): DigestContent {
  const ref = (id: string) => {
    const entry = context.tasks.get(id);
    return entry ? [taskRef(entry.task, context.planLabels)] : [];
  };
  const newlyLate = new Set(changes.newlyLate);
  const groups = new Map<string, { owed: Obligation[]; agencyId: string }>();
  for (const owed of context.late) {
    if (!newlyLate.has(lateKey(owed))) continue;
    const agencyId = answeringAgency(context.agencies, owed.agencyId)?.id ?? owed.agencyId;
    const key = `${agencyId}|${owed.period}|${owed.deadline}`;
    const group = groups.get(key) ?? { owed: [], agencyId };
    group.owed.push(owed);
    groups.set(key, group);
  }
  return {
    kind: 'digest',
    week: digestWeek(context.today),
    on: context.today,
    recipient: context.recipient,
    newRisks: changes.newRisks.flatMap((id) =>
      ref(id).map((task) => ({
        task,
        reasons: (context.tasks.get(id)?.riskReasons ?? []).map((reason) => reason.message),
      })),
    ),
    newlyLate: [...groups.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, { owed, agencyId }]) => ({
        agency: { id: agencyId, name: context.agencies.get(agencyId)?.name ?? agencyId },
        period: owed[0]?.period ?? '',
        deadline: owed[0]?.deadline ?? context.today,
        tasks: [...new Set(owed.map((each) => each.taskId))].sort(compareNatural).flatMap(ref),
      })),
    completed: changes.completed.flatMap(ref),
  };
}
