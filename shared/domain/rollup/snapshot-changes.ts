/**
 * What a revision changed against the one before: the reports counted, each task whose
 * category moved, each agency whose reporting moved, each target whose actual moved, and
 * each indicator figure whose sentence changed, with a summary in Vietnamese.
 *
 * `hasNewData` says whether a fresh computation differs from the latest revision in what
 * the period's data decide; the tasks at risk are the tasks' current flags, not the
 * period's data, so they alone never make a revision.
 */
import { TASK_CATEGORY_LABELS } from './vn-labels.ts';
import type { SectorSnapshot, SnapshotChanges } from './snapshot-schema.ts';

export function snapshotChanges(before: SectorSnapshot, after: SectorSnapshot): SnapshotChanges {
  const tasks = keyedChanges(
    before.tasks,
    after.tasks,
    (t) => t.taskId,
    (t) => t.category,
  ).map(({ key, before: from, after: to }) => ({ taskId: key, from, to }));

  const reportingBefore = new Map(before.reporting.map((row) => [row.agencyId, row]));
  const reportingAfter = new Map(after.reporting.map((row) => [row.agencyId, row]));
  const reporting = [...new Set([...reportingBefore.keys(), ...reportingAfter.keys()])]
    .sort()
    .flatMap((agencyId) => {
      const [was, is] = [reportingBefore.get(agencyId), reportingAfter.get(agencyId)];
      const pick = (row: typeof was) =>
        row ? { received: row.received, receivedOnTime: row.receivedOnTime } : null;
      if (JSON.stringify(pick(was)) === JSON.stringify(pick(is))) return [];
      return [
        {
          agencyId,
          agencyName: is?.agencyName ?? was?.agencyName ?? agencyId,
          before: pick(was),
          after: pick(is),
        },
      ];
    });

  const targets = keyedChanges(
    before.targets,
    after.targets,
    (t) => `${t.taskId}\u0000${t.key}`,
    (t) => t.actual,
  ).map(({ key, before: was, after: is }) => {
    const [taskId = '', targetKey = ''] = key.split('\u0000');
    return { taskId, key: targetKey, before: was ?? null, after: is ?? null };
  });

  const sentences = (snapshot: SectorSnapshot) =>
    snapshot.figures.flatMap(({ inPeriod, yearToDate }) =>
      [inPeriod, ...(yearToDate && yearToDate.period !== inPeriod.period ? [yearToDate] : [])].map(
        (figure) => ({
          key: `${figure.indicator}\u0000${figure.period}`,
          sentence: figure.sentence,
        }),
      ),
    );
  const figures = keyedChanges(
    sentences(before),
    sentences(after),
    (f) => f.key,
    (f) => f.sentence,
  ).map(({ key, before: was, after: is }) => {
    const [indicator = '', period = ''] = key.split('\u0000');
    return { indicator, period, before: was ?? null, after: is ?? null };
  });

  const changes = {
    since: before.revision,
    reports: { before: before.basis.reports, after: after.basis.reports },
    tasks,
    reporting,
    targets,
    figures,
  };
  return { ...changes, summary: summary(changes) };
}

/** Whether `fresh` says anything about the period that `latest` does not. */
export function hasNewData(latest: SectorSnapshot, fresh: SectorSnapshot): boolean {
  const data = (s: SectorSnapshot) =>
    JSON.stringify([s.basis, s.counts, s.reporting, s.targets, s.tasks, s.figures]);
  return data(latest) !== data(fresh);
}

function keyedChanges<T, V>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  value: (item: T) => V,
): { key: string; before: V | null; after: V | null }[] {
  const was = new Map(before.map((item) => [key(item), value(item)]));
  const is = new Map(after.map((item) => [key(item), value(item)]));
  return [...new Set([...was.keys(), ...is.keys()])]
    .filter((k) => JSON.stringify(was.get(k) ?? null) !== JSON.stringify(is.get(k) ?? null))
    .map((k) => ({ key: k, before: was.get(k) ?? null, after: is.get(k) ?? null }));
}

function summary(changes: Omit<SnapshotChanges, 'summary'>): string[] {
  const lines: string[] = [];
  const { reports } = changes;
  if (reports.after !== reports.before) {
    lines.push(
      `Số báo cáo được tính: ${reports.before} → ${reports.after} (so với lần ${changes.since}).`,
    );
  }
  const label = (category: keyof typeof TASK_CATEGORY_LABELS | null) =>
    category === null ? 'không tính' : TASK_CATEGORY_LABELS[category].toLowerCase();
  for (const task of changes.tasks) {
    lines.push(`Nhiệm vụ ${task.taskId}: ${label(task.from)} → ${label(task.to)}.`);
  }
  for (const row of changes.reporting) {
    const text = (side: typeof row.before) =>
      side ? `${side.received} đã nộp, ${side.receivedOnTime} đúng hạn` : 'không phải nộp';
    lines.push(`${row.agencyName}: ${text(row.before)} → ${text(row.after)}.`);
  }
  for (const target of changes.targets) {
    lines.push(
      `Chỉ tiêu ${target.key} của nhiệm vụ ${target.taskId}: ${target.before ?? 'chưa có số liệu'} → ${target.after ?? 'chưa có số liệu'}.`,
    );
  }
  for (const figure of changes.figures) {
    lines.push(
      `${figure.after ?? figure.before ?? figure.indicator} (${figure.before === null ? 'số liệu mới' : 'đã cập nhật'}).`,
    );
  }
  return lines;
}
