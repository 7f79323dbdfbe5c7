/**
 * Admins read and change the province's reminder settings: written with the revision
 * they were read at (two admins never overwrite each other), checked against the
 * registry (the provincial office must be an active agency that is not a collective),
 * and recorded in the audit trail.
 */
import * as z from 'zod';
import { entityOf, type Actor } from '#shared/domain/audit/audit-entry.ts';
import { ConflictError, UnprocessableError } from '#shared/domain/errors.ts';
import {
  reminderSettingsSchema,
  type ReminderSettings,
} from '#shared/domain/reminder/reminder-settings.ts';
import type { Clock } from '../progress-ports.ts';
import type { AgencyRepository, AuditLog } from '../registry/registry-ports.ts';

export const storedReminderSettingsSchema = z
  .object({
    settings: reminderSettingsSchema,
    revision: z.int().nonnegative().meta({
      description: '0 until an admin first saves them (the defaults); send it back with a change',
    }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StoredReminderSettings' });
export type StoredReminderSettings = z.infer<typeof storedReminderSettingsSchema>;

export interface ReminderSettingsRepository {
  get(): Promise<StoredReminderSettings>;
  /** Writes them if the stored revision is still `revision`; ConflictError otherwise. */
  save(settings: ReminderSettings, revision: number, at: string): Promise<StoredReminderSettings>;
}

export const reminderSettingsChangeSchema = reminderSettingsSchema
  .extend({
    revision: z.int().nonnegative().optional().meta({
      description: 'The revision the change was made from: refused (409) if it changed since',
    }),
  })
  .meta({ id: 'ReminderSettingsChange' });
export type ReminderSettingsChange = z.infer<typeof reminderSettingsChangeSchema>;

export interface ReminderSettingsDeps {
  settings: ReminderSettingsRepository;
  agencies: Pick<AgencyRepository, 'listAll'>;
  audit: AuditLog;
  clock: Clock;
  actor: Actor;
  /** Stable across retries of the same request: the audit entry's id. */
  requestId: string;
}

export async function changeReminderSettings(
  change: ReminderSettingsChange,
  deps: ReminderSettingsDeps,
): Promise<StoredReminderSettings> {
  const { revision, ...settings } = change;
  const before = await deps.settings.get();
  if (revision !== undefined && revision !== before.revision) {
    throw new ConflictError(
      'reminder-settings-changed',
      `cài đặt nhắc báo cáo đang ở phiên bản sửa ${before.revision}, không phải ${revision}; đọc lại rồi gửi lại`,
    );
  }
  if (settings.provincialOffice !== null) await checkOffice(settings.provincialOffice, deps);
  const at = deps.clock.now().toISOString();
  const saved = await deps.settings.save(settings, before.revision, at);
  await deps.audit.record({
    id: deps.requestId,
    at,
    action: 'settings.updated',
    entity: entityOf.settings('reminders'),
    actor: deps.actor,
    before: before.revision === 0 ? null : before.settings,
    after: saved.settings,
  });
  return saved;
}

async function checkOffice(id: string, deps: ReminderSettingsDeps): Promise<void> {
  const agency = (await deps.agencies.listAll()).find((stored) => stored.agency.id === id)?.agency;
  const reason = !agency
    ? 'không có cơ quan này'
    : agency.kind === 'collective'
      ? 'là một tập thể, không phải một cơ quan'
      : !agency.active || agency.mergedInto
        ? 'đã ngừng hoạt động hoặc đã được hợp nhất'
        : null;
  if (reason) {
    throw new UnprocessableError(
      'invalid-provincial-office',
      `không thể chọn ${id} làm văn phòng UBND tỉnh: ${reason}`,
      [{ field: 'body.provincialOffice', reason }],
    );
  }
}
