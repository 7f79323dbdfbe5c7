/**
 * A hand-computed quarter: agriculture, Q3 2026, calendar cut-off, closed on 02/10/2026.
 * Every figure the tests check is worked out in the comments beside the task it comes from.
 */
import type { Schedule, Task } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { RollupTask, SnapshotInput } from '#shared/domain/rollup/compute-snapshot.ts';
import { latestOnly, provinceInstant, report, target, task } from '../risk/fixtures.ts';

const soNn = { id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' };
const soCt = { id: 'so-ct', name: 'Sở Công Thương' };
const communes = { id: 'ubnd-cap-xa', name: 'UBND các xã, phường' };

function kh266(ordinal: string, schedule: Partial<Schedule>, extra: Partial<Task> = {}) {
  return task({
    id: `KH266-I-${ordinal}`,
    ordinal,
    lead: [soNn],
    coordinating: [],
    schedule,
    ...extra,
  });
}

let counter = 0;
/** A report on `taskId` received on `day` (10:00 in the province). */
function on(taskId: string, day: string, extra: Partial<ProgressReport> = {}): ProgressReport {
  counter += 1;
  const plan = taskId.split('-')[0] ?? 'KH266';
  return report({
    id: `r-${String(counter).padStart(2, '0')}`,
    taskId,
    plan,
    receivedAt: provinceInstant(day),
    asOf: day,
    ...extra,
  });
}

function rollup(
  subject: Task,
  latest: ProgressReport | null,
  latestActuals: Record<string, number> = {},
  riskReasons: RollupTask['riskReasons'] = [],
): RollupTask {
  const latestReport = latest
    ? latestOnly({
        reportId: latest.id,
        agencyId: latest.agencyId,
        status: latest.status,
        percentComplete: latest.percentComplete,
        period: latest.period,
        asOf: latest.asOf,
        receivedAt: latest.receivedAt,
        hasObstacles: latest.obstacles.length > 0,
      })
    : null;
  return { task: subject, latestReport, latestActuals, riskReasons };
}

// Tasks, with their category as of 30/09/2026 (the window's end: computed after it).
const group = kh266('1', {}, { isGroup: true }); // a group: not counted
const t2 = kh266(
  '2',
  { kind: 'window', start: '2026-07-01', due: '2026-09-30' },
  {
    targets: [target({ key: 'lua', label: 'Lúa', value: 15520, unit: 'ha' })],
  },
); // completed 20/09, due 30/09 → completedOnTime
const t3 = kh266('3', { kind: 'deadline', start: null, due: '2026-08-31' }); // completed 05/09 → completedLate
const t4 = kh266(
  '4',
  { kind: 'window', start: '2026-07-01', due: '2026-11-30' },
  {
    lead: [communes],
    targets: [
      target({ key: 'ho-ngheo', label: 'Tỷ lệ hộ nghèo', value: 4, unit: '%', comparator: 'lte' }),
    ],
  },
); // on track 40% (reported by commune xa-a) → inProgressWithinDeadline
const t5 = kh266(
  '5',
  { kind: 'deadline', start: null, due: '2026-09-15' },
  {
    targets: [
      target({
        key: 'con-giong',
        label: 'con giống',
        value: 100000,
        unit: 'con',
        comparator: 'gt',
      }),
    ],
  },
); // 60% on 20/07, due 15/09 → overdueNotCompleted
const t6 = kh266('6', { kind: 'window', start: '2026-10-01', due: '2026-12-31' }); // no report, starts later → notStarted
const t7 = kh266('7', { kind: 'window', start: '2026-07-01', due: '2026-12-31' }); // reported not_started → notStarted
const t8 = kh266('8', { kind: 'ongoing', start: null, due: null }, { lead: [soCt] }); // no report → noReport
const t9 = kh266('9', { kind: 'window', start: '2026-07-01', due: '2026-12-31' }); // cancelled 01/08 → cancelled
const t11 = kh266('11', { kind: 'deadline', start: null, due: '2026-06-30' }); // completed 20/06, before the window → completedOnTime
const t10 = task({
  id: 'KH267-IV-10',
  plan: 'KH267',
  ordinal: '10',
  section: { code: 'IV', title: 'Nông nghiệp, lâm nghiệp' },
  lead: [soNn],
  coordinating: [],
  schedule: { kind: 'recurring', recurrence: 'monthly', start: '2026-07-01', due: '2026-12-31' },
  targets: [target({ key: 'o-dich', label: 'ổ dịch hại được xử lý', value: 100, unit: '%' })],
}); // monthly, 70% on 12/08 → inProgressWithinDeadline (recurring: no deadline)
const otherSector = task({
  id: 'KH266-II-1',
  section: { code: 'II', title: 'Công nghiệp' },
  sector: 'industry',
});

const r2 = on(t2.id, '2026-09-20', {
  status: 'completed',
  percentComplete: 100,
  actuals: { lua: 13859.36 },
});
const r3 = on(t3.id, '2026-09-05', { status: 'completed', percentComplete: 100 });
const r4 = on(t4.id, '2026-08-15', {
  agencyId: 'xa-a',
  percentComplete: 40,
  actuals: { 'ho-ngheo': 5 },
});
const r5 = on(t5.id, '2026-07-20', { percentComplete: 60 });
const r7 = on(t7.id, '2026-07-10', { status: 'not_started', percentComplete: 0 });
const r9 = on(t9.id, '2026-08-01', { status: 'cancelled', percentComplete: 10 });
const r10Jul = on(t10.id, '2026-07-10', {
  plan: 'KH267',
  period: '2026-07',
  percentComplete: 30,
  actuals: { 'o-dich': 90 },
});
const r10Aug = on(t10.id, '2026-08-12', {
  plan: 'KH267',
  period: '2026-08',
  percentComplete: 70,
  actuals: { 'o-dich': 95 },
});
// September's monthly report comes in on 01/10: late, and after the as-of day.
const r10Sep = on(t10.id, '2026-10-01', {
  plan: 'KH267',
  period: '2026-09',
  percentComplete: 80,
  actuals: { 'o-dich': 99 },
});
const r11 = on(t11.id, '2026-06-20', {
  status: 'completed',
  percentComplete: 100,
  period: '2026-Q2',
  quarter: '2026-Q2',
});
const rOther = on(otherSector.id, '2026-08-01', { sector: 'industry' });

export const exampleReports: ProgressReport[] = [
  r2,
  r3,
  r4,
  r5,
  r7,
  r9,
  r10Jul,
  r10Aug,
  r10Sep,
  r11,
  rOther,
];

export const exampleTasks: RollupTask[] = [
  rollup(group, null),
  rollup(t2, r2, { lua: 13859.36 }),
  rollup(t3, r3),
  rollup(t4, r4, { 'ho-ngheo': 5 }, [
    { code: 'SELF_REPORTED', message: 'Đơn vị báo cáo khó khăn: xa-a có vướng mắc' },
    { code: 'BEHIND_SCHEDULE', message: 'Chậm tiến độ' },
  ]),
  rollup(t5, r5, {}, [{ code: 'OVERDUE', message: 'Quá hạn 15 ngày (hạn 15/09/2026)' }]),
  rollup(t6, null),
  rollup(t7, r7),
  rollup(t8, null, {}, [
    {
      code: 'NO_RECENT_REPORT',
      message: 'Chưa có báo cáo nào trong Quý III/2026 dù đã qua quá nửa quý',
    },
  ]),
  rollup(t9, r9),
  rollup(t10, r10Sep, { 'o-dich': 99 }),
  rollup(t11, r11),
  rollup(otherSector, rOther),
];

/** Last year's Q3, for the same-quarter ratios: rice 15.540 ha, pests 100%. */
export const lastYearInput: SnapshotInput = {
  quarter: '2025-Q3',
  sector: 'agriculture',
  cutoff: 'calendar',
  tasks: [
    rollup(t2, on(t2.id, '2025-09-20', { period: '2025-Q3', quarter: '2025-Q3' }), { lua: 15540 }),
    rollup(t10, on(t10.id, '2025-09-10', { period: '2025-09', quarter: '2025-Q3' }), {
      'o-dich': 100,
    }),
  ],
  reports: [],
  previousYear: null,
  computedAt: '2025-10-02T02:00:00.000Z',
  closed: true,
};

export const exampleInput = (previousYear: SnapshotInput['previousYear']): SnapshotInput => ({
  quarter: '2026-Q3',
  sector: 'agriculture',
  cutoff: 'calendar',
  tasks: exampleTasks,
  reports: exampleReports,
  previousYear,
  computedAt: '2026-10-02T02:00:00.000Z',
  closed: true,
  memberOf: { 'xa-a': ['ubnd-cap-xa'] },
});
