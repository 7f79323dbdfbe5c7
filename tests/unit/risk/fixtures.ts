/** Builders for tasks and reports in the risk and rollup tests: defaults plus what a test states. */
import type { Schedule, Target, Task } from '#shared/domain/plan/model.ts';
import type { LatestReport, ProgressReport } from '#shared/domain/progress/report.ts';
import type { LatestReportWithActuals } from '#shared/domain/risk/task-state.ts';

/** The instant of `time` on `day` in the province (UTC+7). */
export function provinceInstant(day: string, time = '10:00'): string {
  return new Date(`${day}T${time}:00+07:00`).toISOString();
}

export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    text: 'Quý III/2026',
    kind: 'window',
    start: '2026-07-01',
    due: '2026-09-30',
    recurrence: null,
    condition: null,
    ...overrides,
  };
}

export function target(overrides: Partial<Target> = {}): Target {
  return {
    key: 'lua',
    label: 'Lúa',
    value: 1000,
    unit: 'ha',
    comparator: 'gte',
    text: 'Lúa: 1.000 ha',
    ...overrides,
  };
}

export function task(
  overrides: Partial<Omit<Task, 'schedule'>> & { schedule?: Partial<Schedule> } = {},
): Task {
  const { schedule: scheduleOverrides, ...rest } = overrides;
  return {
    id: 'KH266-I-2',
    plan: 'KH266',
    section: { code: 'I', title: 'Lĩnh vực nông nghiệp' },
    sector: 'agriculture',
    ordinal: '2',
    parentId: null,
    isGroup: false,
    title: 'Gieo trồng cây vụ mùa',
    lead: [{ id: 'so-nn', name: 'Sở Nông nghiệp và Môi trường' }],
    coordinating: [{ id: 'ubnd-cap-xa', name: 'UBND các xã, phường' }],
    schedule: schedule(scheduleOverrides),
    milestones: [],
    expectedResult: '',
    targets: [],
    note: '',
    source: { file: 'kh266.txt', line: 1 },
    ...rest,
  };
}

export function latest(overrides: Partial<LatestReportWithActuals> = {}): LatestReportWithActuals {
  return {
    reportId: 'r-1',
    agencyId: 'so-nn',
    status: 'on_track',
    percentComplete: 50,
    period: '2026-Q3',
    asOf: '2026-08-01',
    receivedAt: provinceInstant('2026-08-01'),
    hasObstacles: false,
    actuals: {},
    ...overrides,
  };
}

export function latestOnly(overrides: Partial<LatestReport> = {}): LatestReport {
  const { actuals: _actuals, ...report } = latest(overrides);
  return report;
}

export function report(overrides: Partial<ProgressReport> = {}): ProgressReport {
  return {
    id: 'p-1',
    taskId: 'KH266-I-2',
    agencyId: 'so-nn',
    plan: 'KH266',
    sector: 'agriculture',
    period: '2026-Q3',
    status: 'on_track',
    percentComplete: 50,
    actuals: {},
    actualsStatus: 'estimate',
    narrative: '',
    obstacles: [],
    proposals: [],
    asOf: '2026-08-01',
    receivedAt: provinceInstant('2026-08-01'),
    deadline: '2026-09-18',
    timeliness: 'on_time',
    ...overrides,
  };
}
