/**
 * The outbox in the single table (keys.ts `outboxKeys`): claims written once with a
 * conditional put, messages moved from state to state with conditional updates, so every
 * write converges when retried and two runs never both win (use-cases/reminders).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { digestBasisSchema, type DigestBasis } from '#shared/domain/reminder/digest.ts';
import type { NoticeKind } from '#shared/domain/reminder/notices.ts';
import {
  claimKey,
  outboxMessageSchema,
  type Claim,
  type OutboxMessage,
} from '#shared/domain/reminder/outbox-message.ts';
import type { OutboxRepository } from '#shared/use-cases/reminders/reminder-ports.ts';
import { outboxKeys } from './keys.ts';
import { queryAll, queryPages, type Page } from './pagination.ts';

const claimItemSchema = z.object({ SK: z.string(), messageId: z.string() });
const basisItemSchema = z.object({ week: z.string(), basis: digestBasisSchema });

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export class DynamoOutboxStore implements OutboxRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claimsOf(kind: NoticeKind, period: string): Promise<Map<string, string>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': outboxKeys.claims(kind, period) },
    });
    return new Map(
      items.map((item) => claimItemSchema.parse(item)).map((item) => [item.SK, item.messageId]),
    );
  }

  async saveDraft(message: OutboxMessage): Promise<OutboxMessage> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.item(message),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return message;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(message.id)) ?? message;
    }
  }

  async claim(
    kind: NoticeKind,
    period: string,
    claim: Claim,
    messageId: string,
    at: string,
  ): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...outboxKeys.claim(kind, period, claimKey(claim)),
            entity: 'noticeClaim',
            ...claim,
            messageId,
            claimedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return messageId;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.claimHolder(kind, period, claim)) ?? messageId;
    }
  }

  async claimHolder(kind: NoticeKind, period: string, claim: Claim): Promise<string | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: outboxKeys.claim(kind, period, claimKey(claim)),
        ConsistentRead: true,
      }),
    );
    return Item ? claimItemSchema.parse(Item).messageId : null;
  }

  async finalize(
    id: string,
    won: Pick<OutboxMessage, 'content' | 'claims'>,
    at: string,
  ): Promise<boolean> {
    return this.transition(id, 'draft', {
      expression: 'SET #state = :next, #content = :content, #claims = :claims, updatedAt = :at',
      names: { '#content': 'content', '#claims': 'claims' },
      values: { ':next': 'ready', ':content': won.content, ':claims': won.claims, ':at': at },
    });
  }

  async discard(id: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: outboxKeys.messageKey(id),
          ConditionExpression: '#state = :draft',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':draft': 'draft' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async markQueued(id: string, at: string): Promise<void> {
    // Leaves the list of unfinished messages: from here on the queue delivers it.
    await this.transition(id, 'ready', {
      expression: 'SET #state = :next, queuedAt = :at, updatedAt = :at REMOVE GSI2PK, GSI2SK',
      values: { ':next': 'queued', ':at': at },
    });
  }

  async markSent(id: string, sent: NonNullable<OutboxMessage['sent']>, at: string) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKeys.messageKey(id),
          UpdateExpression:
            'SET #state = :sent, #sent = :words, sentAt = :at, updatedAt = :at REMOVE GSI2PK, GSI2SK',
          ConditionExpression: 'attribute_exists(PK) AND #state <> :sent',
          ExpressionAttributeNames: { '#state': 'state', '#sent': 'sent' },
          ExpressionAttributeValues: { ':sent': 'sent', ':words': sent, ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }

  async recordFailure(id: string, error: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKeys.messageKey(id),
        UpdateExpression: 'SET lastError = :error, updatedAt = :at ADD #failures :one',
        ExpressionAttributeNames: { '#failures': 'failures' },
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':error': error.slice(0, 1_000), ':at': at, ':one': 1 },
      }),
    );
  }

  async get(id: string): Promise<OutboxMessage | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: outboxKeys.messageKey(id),
        ConsistentRead: true,
      }),
    );
    return Item ? outboxMessageSchema.parse(Item) : null;
  }

  async unfinished(): Promise<OutboxMessage[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': outboxKeys.unfinishedList },
    });
    return items.map((item) => outboxMessageSchema.parse(item));
  }

  /** The outbox, newest first. */
  async list(limit: number, cursor?: string): Promise<Page<OutboxMessage>> {
    const page = await queryPages(
      this.db,
      [
        {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': outboxKeys.messages },
          ScanIndexForward: false,
        },
      ],
      limit,
      cursor,
    );
    return { ...page, items: page.items.map((item) => outboxMessageSchema.parse(item)) };
  }

  async digestBasis(): Promise<{ week: string; basis: DigestBasis } | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: outboxKeys.digestBasis,
        ConsistentRead: true,
      }),
    );
    return Item ? basisItemSchema.parse(Item) : null;
  }

  async saveDigestBasis(week: string, basis: DigestBasis): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...outboxKeys.digestBasis, entity: 'digestBasis', week, basis },
          ConditionExpression: 'attribute_not_exists(PK) OR #week < :week',
          ExpressionAttributeNames: { '#week': 'week' },
          ExpressionAttributeValues: { ':week': week },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  private item(message: OutboxMessage): Record<string, unknown> {
    const unfinished = message.state === 'draft' || message.state === 'ready';
    return {
      ...outboxKeys.message(message.id, message.createdAt),
      ...(unfinished ? outboxKeys.unfinished(message.id) : {}),
      entity: 'outboxMessage',
      ...outboxMessageSchema.parse(message),
    };
  }

  /** Moves a message from `from` with the update; false when it was not in `from`. */
  private async transition(
    id: string,
    from: OutboxMessage['state'],
    update: {
      expression: string;
      names?: Record<string, string>;
      values: Record<string, unknown>;
    },
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKeys.messageKey(id),
          UpdateExpression: update.expression,
          ConditionExpression: '#state = :from',
          ExpressionAttributeNames: { '#state': 'state', ...update.names },
          ExpressionAttributeValues: { ':from': from, ...update.values },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }
}
