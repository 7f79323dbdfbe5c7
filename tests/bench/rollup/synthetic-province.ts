/**
 * A synthetic province of any size, as items exactly like the ones the platform writes:
 * tasks cloned from the seed plans (their real targets, schedules and agencies) under new
 * ids, spread evenly over the three sectors, each with ten reports on the quarter received
 * during it, its lead agency's latest state and the task's `latestReport`; the province's
 * indicators (the seed registry), with two years of monthly values each and the targets of
 * the first tasks linked to them (as an admin confirms the import's suggestions).
 * Deterministic: the same size gives the same items, so snapshots and timings compare
 * across runs.
 *
 * Task–agency link items are left out: the rollup never reads them (they serve GET
 * /agencies/{id}/tasks), and they would only lengthen the generation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  indicatorKeys,
  keys,
  planVersionTag,
  progressKeys,
} from '#shared/adapters/dynamodb/keys.ts';
import { todayInProvince } from '#shared/domain/calendar.ts';
import { refreshedLinks } from '#shared/domain/indicator/link-record.ts';
import { SECTORS, type Agency, type Sector, type Task } from '#shared/domain/plan/model.ts';
import { formatPeriod, requirePeriod } from '#shared/domain/period/period.ts';
import { periodsOfYear } from '#shared/domain/period/period-parts.ts';
import { isTaskAlive } from '#shared/domain/period/task-life.ts';
import {
  deadlineDay,
  PROVINCE_REPORTING_CALENDAR,
  reportTimeliness,
} from '#shared/domain/period/reporting-calendar.ts';
import { latestReportOf, type ProgressReport } from '#shared/domain/progress/report.ts';
import { parsePlanTable } from '#shared/domain/plan/plan-parser.ts';
import {
  SEED_PLANS_DIR,
  seedAgencyRegistry,
  seedIndicators,
  seedPlanImports,
} from '#shared/seed-registry.ts';
import { REPO_ROOT } from '../lib/child.ts';

export const REPORTS_PER_TASK = 10;
/** The tasks whose targets feed indicators: a province links a few hundred targets. */
export const LINKED_TASKS = 300;
/** The quarter the reports fall in, and the instant the rollup runs at (preliminary). */
export const QUARTER = '2026-Q3';
export const ROLLUP_NOW = new Date('2026-09-30T12:00:00+07:00');
/** The quarter's deadline in the province's calendar: the rollup at ROLLUP_NOW is the official one. */
const QUARTER_DEADLINE = deadlineDay(requirePeriod(QUARTER), PROVINCE_REPORTING_CALENDAR);
/** The synthetic plans' days. */
const PLAN_PERIOD = { start: '2026-07-01', end: '2026-12-31' };
const QUARTER_START = Date.parse('2026-07-01T00:00:00+07:00');
const RECEIPT_SPAN_MS = Date.parse('2026-09-29T23:00:00+07:00') - QUARTER_START;
/** One synthetic plan per sector; the code must look like a plan code (KH + digits). */
const PLAN_OF: Record<Sector, string> = {
  agriculture: 'KH9001',
  industry: 'KH9002',
  services: 'KH9003',
};
const STATUSES = ['not_started', 'on_track', 'on_track', 'at_risk', 'delayed'] as const;

type Item = Record<string, unknown>;

export interface Templates {
  bySector: Record<Sector, Task[]>;
  agencies: Agency[];
}

export function loadTemplates(): Templates {
  const registry = seedAgencyRegistry();
  const parsed = seedPlanImports().map(({ file, overrides }) =>
    parsePlanTable(
      { file, text: readFileSync(join(REPO_ROOT, SEED_PLANS_DIR, file), 'utf8') },
      { registry, overrides },
    ),
  );
  // Only tasks alive in the quarter, so that the rollup counts every task generated.
  const leaves = parsed
    .flatMap((p) => p.tasks)
    .filter((task) => !task.isGroup && isTaskAlive(task, PLAN_PERIOD, requirePeriod(QUARTER)));
  const bySector = Object.fromEntries(
    SECTORS.map((sector) => [sector, leaves.filter((task) => task.sector === sector)]),
  ) as Record<Sector, Task[]>;
  const agencies = new Map(parsed.flatMap((p) => p.agencies).map((a) => [a.id, a]));
  return { bySector, agencies: [...agencies.values()] };
}

/** The agencies and the three plans (version 1 published), as the registry writes them. */
export function agencyItems(templates: Templates): Item[] {
  const at = '2026-07-01T00:00:00.000Z';
  return [
    ...templates.agencies.map((agency) => ({
      ...keys.agency(agency.id),
      entity: 'agency',
      ...agency,
      revision: 1,
    })),
    ...SECTORS.map((sector) => ({
      ...keys.plan(PLAN_OF[sector]),
      entity: 'plan',
      code: PLAN_OF[sector],
      kind: 'plan',
      number: `${PLAN_OF[sector].slice(2)}/KH-UBND`,
      title: `Kế hoạch tổng hợp: ${sector}`,
      issuingBody: 'UBND tỉnh Lạng Sơn',
      issuedOn: '2026-07-01',
      period: PLAN_PERIOD,
      sections: [{ code: 'S', title: `Tỉnh tổng hợp: ${sector}`, sector }],
      status: 'active',
      currentVersion: 1,
      latestVersion: 1,
      publishedVersions: [1],
      revision: 1,
      createdAt: at,
      updatedAt: at,
    })),
  ];
}

/** A small deterministic generator (mulberry32): the same task gets the same reports. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Task number `index` of the province (0-based): sectors take turns. */
export function syntheticTask(templates: Templates, index: number): Task {
  const sector = SECTORS[index % SECTORS.length] as Sector;
  const ordinal = Math.floor(index / SECTORS.length) + 1;
  const pool = templates.bySector[sector];
  const template = pool[ordinal % pool.length] as Task;
  return {
    ...template,
    id: `${PLAN_OF[sector]}-S-${ordinal}`,
    plan: PLAN_OF[sector],
    section: { code: 'S', title: `Tỉnh tổng hợp: ${sector}` },
    ordinal: String(ordinal),
    parentId: null,
    isGroup: false,
    source: { file: 'synthetic.txt', line: ordinal },
  };
}

function reportsOf(task: Task, index: number): ProgressReport[] {
  const next = random(index + 1);
  const agencyId = task.lead[0]?.id ?? 'ubnd-tinh';
  const instants = Array.from({ length: REPORTS_PER_TASK }, () =>
    Math.floor(QUARTER_START + next() * RECEIPT_SPAN_MS),
  ).sort((a, b) => a - b);
  return instants.map((instant, n) => {
    const receivedAt = new Date(instant).toISOString();
    const share = (n + 1) / REPORTS_PER_TASK;
    return {
      id: `rep_syn${index.toString(36)}x${n}`,
      taskId: task.id,
      agencyId,
      plan: task.plan,
      sector: task.sector,
      period: QUARTER,
      status: STATUSES[Math.floor(next() * STATUSES.length)] ?? 'on_track',
      percentComplete: Math.round(share * 90),
      actuals: Object.fromEntries(
        task.targets.map((target) => [target.key, Math.round(target.value * share * next())]),
      ),
      actualsStatus: 'estimate',
      narrative: n % 3 === 0 ? 'Đang triển khai theo kế hoạch.' : '',
      obstacles: n % 4 === 0 ? ['Thời tiết bất lợi kéo dài'] : [],
      proposals: [],
      asOf: todayInProvince(new Date(instant)),
      receivedAt,
      deadline: QUARTER_DEADLINE,
      timeliness: reportTimeliness(
        requirePeriod(QUARTER),
        new Date(instant),
        PROVINCE_REPORTING_CALENDAR,
      ),
    };
  });
}

/**
 * Every item of task number `index`: the task as version 1 of its plan (as DynamoPlanStore
 * writes it), its reports (as saveReport writes them), its lead agency's latest state and
 * its summary (as recordLatest writes them).
 */
export function taskItems(templates: Templates, index: number): Item[] {
  const task = syntheticTask(templates, index);
  const reports = reportsOf(task, index);
  const newest = reports.at(-1) as ProgressReport;
  const agencyIds = [...new Set([...task.lead, ...task.coordinating].map((ref) => ref.id))];
  return [
    {
      ...keys.taskVersion({ ...task, version: 1 }),
      entity: 'task',
      ...task,
      version: 1,
      agencyIds,
    },
    ...reports.map((report) => ({ ...progressKeys.report(report), entity: 'report', ...report })),
    {
      ...progressKeys.latestState(task.id, task.plan, newest.agencyId),
      state: { ...latestReportOf(newest), actuals: newest.actuals },
      taskId: task.id,
      entity: 'taskState',
    },
    {
      ...progressKeys.taskSummary(task.id, task.plan),
      latestReport: latestReportOf(newest),
      taskId: task.id,
      entity: 'taskSummary',
    },
  ];
}

/**
 * The province's indicators, the links of the first tasks' targets to them (confirmed), and
 * a final value for each month of 2025 and 2026 up to the quarter, for each indicator.
 */
export function indicatorItems(templates: Templates): Item[] {
  const indicators = seedIndicators();
  const linked = Array.from({ length: LINKED_TASKS }, (_, index) =>
    syntheticTask(templates, index),
  );
  const links = refreshedLinks(linked, [], indicators).map((link) => ({
    ...link,
    status: 'confirmed' as const,
  }));
  const months = [2025, 2026]
    .flatMap(periodsOfYear)
    .filter((period) => period.kind === 'month' && formatPeriod(period) <= '2026-09')
    .map(formatPeriod);
  const reportedAt = '2026-07-01T00:00:00.000Z';
  return [
    ...indicators.map((indicator, position) => ({
      ...indicatorKeys.indicator(indicator.code),
      entity: 'indicator',
      indicator,
      position: position + 1,
      revision: 1,
    })),
    ...links.map((link) => ({ ...indicatorKeys.link(link), entity: 'indicatorLink', ...link })),
    ...indicators.flatMap((indicator, i) =>
      months.map((period, m) => {
        const id = `val_syn${i}x${m}`;
        return {
          ...indicatorKeys.value({ indicator: indicator.code, period, reportedAt, id }),
          entity: 'indicatorValue',
          id,
          value: {
            indicator: indicator.code,
            period,
            value: 100 + i + m,
            status: 'final',
            agencyId: indicator.owners[0] ?? 'ubnd-tinh',
            reportedAt,
          },
        };
      }),
    ),
  ];
}

/** The tag of the one version each synthetic plan has. */
export const syntheticVersionTag = (sector: Sector) => planVersionTag(PLAN_OF[sector], 1);
export const syntheticPlan = (sector: Sector) => PLAN_OF[sector];
