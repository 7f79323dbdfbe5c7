/**
 * What a caller is to a task: its lead (chủ trì: itself, a member of a lead collective, or
 * an agency that absorbed the lead in a merge), a coordinating agency (phối hợp, directly
 * or through a collective), or nothing. The lead reports and moves the task; a
 * coordinating agency files contributions; anyone else only reads.
 */
import { ForbiddenError } from '../errors.ts';
import type { Task } from '../plan/model.ts';

export type TaskRole = 'lead' | 'coordinating';

export function roleOnTask(
  task: Pick<Task, 'lead' | 'coordinating'>,
  actsFor: readonly string[],
): TaskRole | null {
  const names = (refs: readonly { id: string }[]) => refs.some((ref) => actsFor.includes(ref.id));
  if (names(task.lead)) return 'lead';
  if (names(task.coordinating)) return 'coordinating';
  return null;
}

/** Refuses unless the caller has `wanted` on the task; the message says what it may do. */
export function requireRole(
  task: Pick<Task, 'id' | 'lead' | 'coordinating'>,
  agencyId: string,
  actsFor: readonly string[],
  wanted: TaskRole,
): void {
  const role = roleOnTask(task, actsFor);
  if (role === wanted) return;
  if (role === 'coordinating') {
    throw new ForbiddenError(
      'not-task-lead',
      `${agencyId} phối hợp thực hiện nhiệm vụ ${task.id}, không chủ trì: gửi đóng góp tại /tasks/${task.id}/contributions; chỉ cơ quan chủ trì báo cáo tiến độ`,
    );
  }
  if (role === 'lead') {
    throw new ForbiddenError(
      'task-lead',
      `${agencyId} chủ trì nhiệm vụ ${task.id}: gửi báo cáo tiến độ tại /tasks/${task.id}/reports`,
    );
  }
  throw new ForbiddenError(
    'not-task-holder',
    `${agencyId} không chủ trì cũng không phối hợp nhiệm vụ ${task.id}`,
  );
}
