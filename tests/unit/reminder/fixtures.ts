/** Plans, agencies and obligations for the reminder tests: defaults plus what a test states. */
import type { Agency } from '#shared/domain/plan/model.ts';
import { PROVINCE_REPORTING_CALENDAR } from '#shared/domain/period/reporting-calendar.ts';
import type { NoticeAgency } from '#shared/domain/reminder/notices.ts';
import type { Obligation, ObligationPlan } from '#shared/domain/reminder/obligations.ts';
import { DEFAULT_REMINDER_SETTINGS } from '#shared/domain/reminder/reminder-settings.ts';

/** KH266 on the province's calendar (quarters due the 18th of their last month). */
export const KH266: ObligationPlan = {
  code: 'KH266',
  period: { start: '2026-07-07', end: '2026-12-31' },
  calendar: PROVINCE_REPORTING_CALENDAR,
};

export const plans = (...list: ObligationPlan[]) =>
  new Map(list.map((plan) => [plan.code, plan] as const));

export function agency(id: string, overrides: Partial<Agency> = {}): NoticeAgency {
  return {
    id,
    name: `Tên của ${id}`,
    kind: 'department',
    active: true,
    mergedInto: null,
    emails: [],
    ...overrides,
  };
}

export const agencies = (...list: NoticeAgency[]) =>
  new Map(list.map((each) => [each.id, each] as const));

export function owed(overrides: Partial<Obligation> = {}): Obligation {
  return {
    agencyId: 'so-nn',
    via: null,
    taskId: 'KH266-I-2',
    plan: 'KH266',
    period: '2026-Q4',
    deadline: '2026-12-18',
    ...overrides,
  };
}

export const SETTINGS = { ...DEFAULT_REMINDER_SETTINGS, provincialOffice: 'van-phong' };
