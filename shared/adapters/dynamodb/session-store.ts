/** Web sessions: one item each, removed by the table's TTL after they end. */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { storedSessionSchema, type StoredSession } from '#shared/domain/session/session.ts';
import type { SessionRepository } from '#shared/use-cases/web/session-ports.ts';
import { sessionKeys } from './keys.ts';
import { TTL_ATTRIBUTE } from './table-definition.ts';

export class DynamoSessionStore implements SessionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(session: StoredSession): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...sessionKeys.session(session.idHash),
          entity: 'session',
          ...session,
          // Epoch seconds, as DynamoDB's TTL wants; an hour's slack before the sweep.
          [TTL_ATTRIBUTE]: Math.ceil(new Date(session.endsAt).getTime() / 1000) + 3600,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async find(idHash: string): Promise<StoredSession | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: sessionKeys.session(idHash) }),
    );
    return Item ? storedSessionSchema.parse(Item) : null;
  }

  async remove(idHash: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: sessionKeys.session(idHash) }),
    );
  }
}
