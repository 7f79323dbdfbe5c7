/**
 * A hand-computed period: agriculture, Q3 2026, calendar cut-off, the official snapshot
 * taken at its deadline, 10/10/2026 (a plan calendar: the 10th of the month after).
 * Every figure the tests check is worked out in the comments beside the task it comes from.
 */
import type { Schedule, Task } from '#shared/domain/plan/model.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { SnapshotInput } from '#shared/domain/rollup/compute-snapshot.ts';
import { provinceInstant, report, target, task } from '../risk/fixtures.ts';
import { rollupTask, snapshotInput } from './input.ts';

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
/** A report on `taskId` received on `day` (10:00 in the province), describing Q3. */
export function on(
  taskId: string,
  day: string,
  extra: Partial<ProgressReport> = {},
): ProgressReport {
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

// Tasks, with their category as of 30/09/2026 (the period's end, before the deadline).
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
export const t6 = kh266('6', { kind: 'window', start: '2026-10-01', due: '2026-12-31' }); // starts in Q4: not alive in Q3
const t7 = kh266('7', { kind: 'window', start: '2026-07-01', due: '2026-12-31' }); // reported not_started → notStarted
export const t8 = kh266('8', { kind: 'ongoing', start: null, due: null }, { lead: [soCt] }); // no report → noReport
const t9 = kh266('9', { kind: 'window', start: '2026-07-01', due: '2026-12-31' }); // cancelled 01/08 → cancelled
const t11 = kh266('11', { kind: 'deadline', start: null, due: '2026-06-30' }); // completed 20/06, before the quarter: not alive
const t10 = task({
  id: 'KH267-IV-10',
  plan: 'KH267',
  ordinal: '10',
  section: { code: 'IV', title: 'Nông nghiệp, lâm nghiệp' },
  lead: [soNn],
  coordinating: [],
  schedule: { kind: 'recurring', recurrence: 'monthly', start: '2026-07-01', due: '2026-12-31' },
  targets: [target({ key: 'o-dich', label: 'ổ dịch hại được xử lý', value: 100, unit: '%' })],
}); // monthly, 80% on 01/10 → inProgressWithinDeadline (recurring: no deadline)
/** A task of a plan issued in October: absent from the third quarter. */
export const t12 = task({
  id: 'KH300-I-1',
  plan: 'KH300',
  ordinal: '1',
  lead: [soNn],
  coordinating: [],
  schedule: { kind: 'window', start: '2026-10-01', due: '2026-12-31' },
});
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
// September's monthly report comes in on 01/10: after its month's deadline, before the
// quarter's official snapshot: counted, late.
const r10Sep = on(t10.id, '2026-10-01', {
  plan: 'KH267',
  period: '2026-09',
  percentComplete: 80,
  actuals: { 'o-dich': 99 },
  timeliness: 'late',
});
const r11 = on(t11.id, '2026-06-20', {
  status: 'completed',
  percentComplete: 100,
  period: '2026-Q2',
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

export const exampleTasks = [
  rollupTask(group),
  rollupTask(t2, { latest: [r2] }),
  rollupTask(t3, { latest: [r3] }),
  rollupTask(t4, {
    latest: [r4],
    riskReasons: [
      { code: 'SELF_REPORTED', message: 'Đơn vị báo cáo khó khăn: xa-a có vướng mắc' },
      { code: 'BEHIND_SCHEDULE', message: 'Chậm tiến độ' },
    ],
  }),
  rollupTask(t5, {
    latest: [r5],
    riskReasons: [{ code: 'OVERDUE', message: 'Quá hạn 15 ngày (hạn 15/09/2026)' }],
  }),
  rollupTask(t6),
  rollupTask(t7, { latest: [r7] }),
  rollupTask(t8, {
    riskReasons: [
      {
        code: 'NO_RECENT_REPORT',
        message: 'Chưa có báo cáo nào trong Quý III/2026 dù đã qua quá nửa quý',
      },
    ],
  }),
  rollupTask(t9, { latest: [r9] }),
  rollupTask(t10, { latest: [r10Sep] }),
  rollupTask(t11, { latest: [r11] }),
  rollupTask(t12, { planPeriod: { start: '2026-10-01', end: '2026-12-31' } }),
  rollupTask(otherSector, { latest: [rOther] }),
];

/** Last year's Q3, for the same-period ratios: rice 15.540 ha, pests 100%. */
const lastYearDays = { start: '2025-07-01', end: '2025-12-31' };
export const lastYearInput: SnapshotInput = snapshotInput({
  period: '2025-Q3',
  deadline: '2025-10-10',
  knownAt: '2025-10-10T16:59:59.999Z',
  computedAt: '2025-10-10T17:05:00.000Z',
  tasks: [
    rollupTask(
      { ...t2, schedule: { ...t2.schedule, start: '2025-07-01', due: '2025-09-30' } },
      {
        planPeriod: lastYearDays,
      },
    ),
    rollupTask(
      { ...t10, schedule: { ...t10.schedule, start: '2025-07-01', due: '2025-12-31' } },
      {
        planPeriod: lastYearDays,
      },
    ),
  ],
  reports: [
    on(t2.id, '2025-09-20', { period: '2025-Q3', actuals: { lua: 15540 } }),
    on(t10.id, '2025-09-10', { plan: 'KH267', period: '2025-09', actuals: { 'o-dich': 100 } }),
  ],
});

export const exampleInput = (previousYear: SnapshotInput['previousYear']): SnapshotInput =>
  snapshotInput({
    tasks: exampleTasks,
    reports: exampleReports,
    previousYear,
    memberOf: { 'xa-a': ['ubnd-cap-xa'] },
  });
