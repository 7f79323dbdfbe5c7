/** Tokens by hash (the authorizer's one read) and by id (the admin command line). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { agencySchema, type Agency } from '#shared/domain/plan/model.ts';
import type { TokenRepository } from '#shared/use-cases/access.ts';
import { tokenRecordSchema, type TokenRecord } from '#shared/domain/access/token.ts';
import { accessKeys, keys } from './keys.ts';
import { queryAll } from './pagination.ts';

export class DynamoTokenStore implements TokenRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findByHash(tokenHash: string): Promise<TokenRecord | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: accessKeys.tokenKey(tokenHash) }),
    );
    return Item ? tokenRecordSchema.parse(Item) : null;
  }

  async getAgency(agencyId: string): Promise<Agency | null> {
    const { PK, SK } = keys.agency(agencyId);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK, SK } }),
    );
    return Item ? agencySchema.parse(Item) : null;
  }

  /** After a merge: the tokens of `fromId` act for `intoId`. */
  async reassignTokens(fromId: string, intoId: string): Promise<number> {
    const moved = (await this.list()).filter((record) => record.agencyId === fromId);
    for (const record of moved) {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accessKeys.tokenKey(record.tokenHash),
          UpdateExpression: 'SET agencyId = :into',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':into': intoId },
        }),
      );
    }
    return moved.length;
  }

  async save(record: TokenRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...accessKeys.token(record.tokenHash, record.tokenId), entity: 'token', ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async list(): Promise<TokenRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': accessKeys.tokens },
    });
    return items.map((item) => tokenRecordSchema.parse(item));
  }

  async findById(tokenId: string): Promise<TokenRecord | null> {
    const [item] = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
      ExpressionAttributeValues: {
        ':pk': accessKeys.tokens,
        ':sk': accessKeys.byTokenId(tokenId),
      },
    });
    return item ? tokenRecordSchema.parse(item) : null;
  }

  /** Revokes by public id; false when there is no such token. Revoking twice keeps the first time. */
  async revoke(tokenId: string, at: Date): Promise<boolean> {
    const record = await this.findById(tokenId);
    if (!record) return false;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accessKeys.tokenKey(record.tokenHash),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND revokedAt = :none',
          ExpressionAttributeValues: { ':at': at.toISOString(), ':none': null },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return true;
  }
}
