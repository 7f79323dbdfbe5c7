import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/domain/calendar.ts';
import { SCHEDULE_KINDS, SECTORS } from '#shared/domain/plan/model.ts';
import { REPORT_STATUSES } from '#shared/domain/progress/report.ts';
import { computeSnapshot, type RollupTask } from '#shared/domain/rollup/compute-snapshot.ts';
import { TASK_CATEGORIES } from '#shared/domain/rollup/snapshot-schema.ts';
import { provinceInstant, report, task } from '../risk/fixtures.ts';
import { rollupTask, snapshotInput } from './input.ts';

const day = (offset: number) => addDays('2026-05-01', offset);

const taskSpec = fc.record({
  isGroup: fc.boolean(),
  sector: fc.constantFrom(...SECTORS),
  section: fc.constantFrom('I', 'II', 'IV', 'IX', 'XVI'),
  kind: fc.constantFrom(...SCHEDULE_KINDS),
  start: fc.option(fc.integer({ min: 0, max: 240 })),
  length: fc.option(fc.integer({ min: 0, max: 200 })),
  reports: fc.array(
    fc.record({
      status: fc.constantFrom(...REPORT_STATUSES),
      percent: fc.integer({ min: 0, max: 100 }),
      received: fc.integer({ min: 0, max: 240 }),
      lead: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
});

describe('the task categories', () => {
  it('partition the sector’s non-group tasks, overall and per section', () => {
    fc.assert(
      fc.property(
        fc.array(taskSpec, { maxLength: 12 }),
        fc.integer({ min: 0, max: 240 }),
        fc.constantFrom('calendar' as const, 'decree-09-2019' as const),
        (specs, computedOffset, cutoff) => {
          // Prepare: tasks of every kind and sector, with reports at random days
          const reports = specs.flatMap((spec, i) =>
            spec.reports.map((r, j) =>
              report({
                id: `r-${i}-${j}`,
                taskId: `KH266-${spec.section}-${i + 1}`,
                sector: spec.sector,
                agencyId: r.lead ? 'so-nn' : 'ubnd-cap-xa',
                status: r.status,
                percentComplete: r.percent,
                receivedAt: provinceInstant(day(r.received)),
              }),
            ),
          );
          const tasks: RollupTask[] = specs.map((spec, i) => {
            const start = spec.start === null ? null : day(spec.start);
            const due = spec.length === null ? null : addDays(start ?? day(0), spec.length);
            const own = reports.filter((r) => r.taskId === `KH266-${spec.section}-${i + 1}`);
            return rollupTask(
              task({
                id: `KH266-${spec.section}-${i + 1}`,
                isGroup: spec.isGroup,
                sector: spec.sector,
                section: { code: spec.section, title: `Mục ${spec.section}` },
                schedule: {
                  kind: spec.kind,
                  start,
                  due,
                  recurrence: spec.kind === 'recurring' ? 'monthly' : null,
                },
              }),
              { planPeriod: { start: '2026-05-01', end: '2026-12-31' }, latest: own },
            );
          });

          // Act
          const snapshot = computeSnapshot(
            snapshotInput({
              cutoff,
              tasks,
              reports,
              knownAt: provinceInstant(day(computedOffset)),
              computedAt: provinceInstant(day(computedOffset)),
              revision: 0,
            }),
          );

          // Assess: each task alive in the period lands in exactly one category, and the
          // counts add up; only the sector's leaf tasks are counted
          const candidates = new Set(
            specs
              .map((spec, i) => ({ spec, id: `KH266-${spec.section}-${i + 1}` }))
              .filter(({ spec }) => !spec.isGroup && spec.sector === 'agriculture')
              .map(({ id }) => id),
          );
          const counted = snapshot.tasks.map((t) => t.taskId);
          const sum = (counts: Record<string, number>) =>
            TASK_CATEGORIES.reduce((total, c) => total + (counts[c] ?? 0), 0);
          expect(counted.every((id) => candidates.has(id))).toBe(true);
          expect(sum(snapshot.counts)).toBe(counted.length);
          for (const category of TASK_CATEGORIES) {
            expect(snapshot.counts[category]).toBe(
              snapshot.tasks.filter((t) => t.category === category).length,
            );
          }
          expect(snapshot.bySection.reduce((total, s) => total + s.tasks, 0)).toBe(counted.length);
          for (const section of snapshot.bySection) expect(sum(section.counts)).toBe(section.tasks);
          for (const agency of snapshot.reporting) {
            expect(agency.receivedOnTime).toBeLessThanOrEqual(agency.received);
            expect(agency.received).toBeLessThanOrEqual(agency.expected);
          }
        },
      ),
    );
  });
});
