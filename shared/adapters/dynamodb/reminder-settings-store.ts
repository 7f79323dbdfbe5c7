/**
 * The province's reminder settings in one item, with a revision so that two admins never
 * overwrite each other; the defaults until an admin first saves them.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ConflictError } from '#shared/domain/errors.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  reminderSettingsSchema,
} from '#shared/domain/reminder/reminder-settings.ts';
import type {
  ReminderSettingsRepository,
  StoredReminderSettings,
} from '#shared/use-cases/reminders/reminder-settings.ts';
import { outboxKeys } from './keys.ts';

const itemSchema = z.object({
  settings: reminderSettingsSchema,
  revision: z.int().positive(),
  updatedAt: z.iso.datetime(),
});

export class DynamoReminderSettingsStore implements ReminderSettingsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<StoredReminderSettings> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: outboxKeys.reminderSettings,
        ConsistentRead: true,
      }),
    );
    if (!Item) return { settings: DEFAULT_REMINDER_SETTINGS, revision: 0, updatedAt: null };
    return itemSchema.parse(Item);
  }

  async save(settings: StoredReminderSettings['settings'], revision: number, at: string) {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...outboxKeys.reminderSettings,
            entity: 'reminderSettings',
            settings,
            revision: revision + 1,
            updatedAt: at,
          },
          ConditionExpression: revision === 0 ? 'attribute_not_exists(PK)' : 'revision = :revision',
          ...(revision === 0 ? {} : { ExpressionAttributeValues: { ':revision': revision } }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError(
        'reminder-settings-changed',
        'cài đặt nhắc báo cáo vừa được thay đổi bởi một yêu cầu khác; đọc lại rồi gửi lại',
      );
    }
    return { settings, revision: revision + 1, updatedAt: at };
  }
}
