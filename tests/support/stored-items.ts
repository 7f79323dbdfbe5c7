/**
 * Items as the platform stores them, for unit tests that answer the SDK with
 * aws-sdk-client-mock: a published plan and a task as version 1 of it.
 */
import type { Task } from '#shared/domain/plan/model.ts';
import type { PlanRecord } from '#shared/domain/registry/plan-record.ts';

/** A published plan's record (version 1, active, the province's calendar). */
export function planRecord(code: string, overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    code,
    kind: 'plan',
    number: `${code.slice(2)}/KH-UBND`,
    title: `Kế hoạch ${code}`,
    issuingBody: 'UBND tỉnh Lạng Sơn',
    issuedOn: '2026-07-07',
    period: { start: '2026-07-01', end: '2026-12-31' },
    sections: [],
    status: 'active',
    currentVersion: 1,
    latestVersion: 1,
    publishedVersions: [1],
    requiresApproval: false,
    reviewer: null,
    reportingCalendar: null,
    reminderDaysBefore: null,
    revision: 1,
    createdAt: '2026-07-08T00:00:00.000Z',
    updatedAt: '2026-07-08T00:00:00.000Z',
    ...overrides,
  };
}

export function storedPlan(code: string, overrides: Partial<PlanRecord> = {}) {
  return { PK: `PLAN#${code}`, SK: 'PLAN', entity: 'plan', ...planRecord(code, overrides) };
}

export function storedTask(task: Task, version = 1) {
  return {
    PK: `TASK#${task.id}`,
    SK: `V#${String(version).padStart(6, '0')}`,
    entity: 'task',
    ...task,
    version,
  };
}

/**
 * Answers a catalog read (plan GetItem, task-version Query, or the plan and the task's
 * version in one BatchGetItem) from the given tasks; `others` answers the other keys of a
 * batch (the registry's stamp, a summary…).
 */
export function catalogAnswers(tasks: readonly Task[]) {
  const planOf = (pk: string) => {
    const code = pk.startsWith('PLAN#') ? pk.slice(5) : null;
    return code && tasks.some((t) => t.plan === code) ? storedPlan(code) : undefined;
  };
  const taskAt = (pk: string, sk: string) => {
    const task = tasks.find((t) => `TASK#${t.id}` === pk);
    return task && sk === storedTask(task).SK ? storedTask(task) : undefined;
  };
  return {
    batchGet: (
      input: { RequestItems?: Record<string, { Keys?: Record<string, unknown>[] }> },
      others: (key: { PK: string; SK: string }) => Record<string, unknown> | undefined = () =>
        undefined,
    ) => {
      const [[tableName, request] = ['', { Keys: [] }]] = Object.entries(input.RequestItems ?? {});
      const found = (request.Keys ?? []).flatMap((raw) => {
        const key = { PK: String(raw.PK), SK: String(raw.SK) };
        const item = planOf(key.PK) ?? taskAt(key.PK, key.SK) ?? others(key);
        return item ? [item] : [];
      });
      return { Responses: { [tableName]: found } };
    },
    get: (input: { Key: { PK: string } }) => ({ Item: planOf(input.Key.PK) }),
    query: (input: { ExpressionAttributeValues?: Record<string, unknown> }) => {
      const pk = String(input.ExpressionAttributeValues?.[':pk'] ?? '');
      const first = String(input.ExpressionAttributeValues?.[':first'] ?? '');
      if (!pk.startsWith('TASK#') || !first.startsWith('V#')) return null;
      const task = tasks.find((t) => `TASK#${t.id}` === pk);
      return { Items: task ? [storedTask(task)] : [] };
    },
  };
}
