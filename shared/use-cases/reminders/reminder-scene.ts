/**
 * Everything a reminder run reads, read once: the plans that take reports, the settings,
 * the registry's agencies and memberships, every task with its state, and the people.
 */
import { todayInProvince, type IsoDate } from '#shared/domain/calendar.ts';
import type { Agency, Task } from '#shared/domain/plan/model.ts';
import { formatPeriod, type Period } from '#shared/domain/period/period.ts';
import { periodsWithin } from '#shared/domain/period/period-parts.ts';
import {
  acceptsReports,
  planCalendar,
  type PlanRecord,
} from '#shared/domain/registry/plan-record.ts';
import { planLabel } from '#shared/domain/reminder/message-content.ts';
import {
  obligationsIn,
  type Obligation,
  type ObligationPlan,
} from '#shared/domain/reminder/obligations.ts';
import type { ContactPerson } from '#shared/domain/reminder/recipients.ts';
import type { ReminderSettings } from '#shared/domain/reminder/reminder-settings.ts';
import type { Memberships } from '#shared/domain/risk/task-state.ts';
import type { TaskRiskState } from '../risk-ports.ts';
import type { ReminderReads } from './reminder-ports.ts';

/** A plan that takes reports, as the reminders read it. */
export interface ScenePlan extends ObligationPlan {
  /** Its provincial office, when it names one. */
  reviewer: string | null;
  /** Days before a deadline that its reminders go: its own, else the province's. */
  daysBefore: number;
  /** As a message names it. */
  label: string;
}

export interface ReminderScene {
  now: Date;
  today: IsoDate;
  settings: ReminderSettings;
  /** The plans that take reports (active), by code. */
  plans: ReadonlyMap<string, ScenePlan>;
  planLabels: ReadonlyMap<string, string>;
  agencies: ReadonlyMap<string, Agency>;
  memberOf: Memberships;
  tasks: readonly TaskRiskState[];
  taskById: ReadonlyMap<string, Task>;
  people: readonly ContactPerson[];
}

export async function loadScene(reads: ReminderReads, now: Date): Promise<ReminderScene> {
  const [tracked, settings, agencies, memberOf, people] = await Promise.all([
    reads.trackedPlans(),
    reads.settings(),
    reads.agencies(),
    reads.memberships(),
    reads.people(),
  ]);
  const plans = tracked.filter(acceptsReports).map((plan) => scenePlan(plan, settings));
  const tasks: TaskRiskState[] = [];
  if (plans.length > 0) {
    for await (const state of reads.tasksOf(plans.map((plan) => plan.code))) tasks.push(state);
  }
  return {
    now,
    today: todayInProvince(now),
    settings,
    plans: new Map(plans.map((plan) => [plan.code, plan])),
    planLabels: new Map(plans.map((plan) => [plan.code, plan.label])),
    agencies: new Map(agencies.map((agency) => [agency.id, agency])),
    memberOf,
    tasks,
    taskById: new Map(tasks.map((state) => [state.task.id, state.task])),
    people,
  };
}

function scenePlan(plan: PlanRecord, settings: ReminderSettings): ScenePlan {
  return {
    code: plan.code,
    period: plan.period,
    calendar: planCalendar(plan),
    reviewer: plan.reviewer,
    daysBefore: plan.reminderDaysBefore ?? settings.daysBefore,
    label: planLabel(plan),
  };
}

/** The reports still owed for the periods, read with one query per plan and period. */
export async function obligationsOf(
  scene: ReminderScene,
  periods: readonly Period[],
  reads: ReminderReads,
): Promise<Obligation[]> {
  if (periods.length === 0 || scene.plans.size === 0) return [];
  const described = [...new Set(periods.flatMap(periodsWithin).map(formatPeriod))];
  const reports = await reads.reportsDescribing([...scene.plans.keys()], described);
  const tasks = scene.tasks.map(({ task, latest }) => ({ task, latest }));
  return periods.flatMap((period) =>
    obligationsIn(period, scene.plans, tasks, reports, scene.memberOf),
  );
}
