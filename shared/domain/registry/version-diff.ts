/**
 * How one version of a plan differs from the version before: tasks created, updated,
 * unchanged, and retired (in the old version, not in the new). Compared by content, so a
 * repeated import of the same document is recognised as changing nothing.
 */
import { createHash } from 'node:crypto';
import type { PlanDocument, Task } from '../plan/model.ts';

export interface VersionDiff {
  created: string[];
  updated: string[];
  unchanged: string[];
  retired: string[];
}

/** A stable digest of JSON-like content: object keys sorted, so key order does not matter. */
export function contentDigest(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The digest of a whole version: the plan's document and its tasks in order. */
export function versionDigest(document: PlanDocument, tasks: readonly Task[]): string {
  return contentDigest({ document, tasks });
}

export function diffVersions(previous: readonly Task[], next: readonly Task[]): VersionDiff {
  const before = new Map(previous.map((task) => [task.id, contentDigest(task)]));
  const nextIds = new Set(next.map((task) => task.id));
  const diff: VersionDiff = { created: [], updated: [], unchanged: [], retired: [] };
  for (const task of next) {
    const digest = before.get(task.id);
    if (digest === undefined) diff.created.push(task.id);
    else if (digest === contentDigest(task)) diff.unchanged.push(task.id);
    else diff.updated.push(task.id);
  }
  diff.retired = previous.map((task) => task.id).filter((id) => !nextIds.has(id));
  return diff;
}
