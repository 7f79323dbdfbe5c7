/**
 * Agencies in the single table, each item carrying a revision so that two admins'
 * changes never silently overwrite each other; and the moves a merge makes (task links).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors.ts';
import { agencySchema, type Agency } from '#shared/domain/plan/model.ts';
import type { AgencyRepository, StoredAgency } from '#shared/use-cases/registry/registry-ports.ts';
import type { SeedMarker } from '#shared/use-cases/registry/seed-store.ts';
import { keys, parsePlanVersionTag } from './keys.ts';
import { queryAll } from './pagination.ts';

export class DynamoAgencyStore implements AgencyRepository, SeedMarker {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listAll(): Promise<StoredAgency[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.agencies },
    });
    return items.map(stored);
  }

  async get(id: string): Promise<StoredAgency | null> {
    const { PK, SK } = keys.agency(id);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { PK, SK }, ConsistentRead: true }),
    );
    return Item ? stored(Item) : null;
  }

  async save(agency: Agency, revision: number | null): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.agency(agency.id),
            entity: 'agency',
            ...agencySchema.parse(agency),
            revision: (revision ?? 0) + 1,
          },
          ConditionExpression:
            revision === null ? 'attribute_not_exists(PK)' : 'revision = :revision',
          ...(revision === null ? {} : { ExpressionAttributeValues: { ':revision': revision } }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError(
        'agency-changed',
        `cơ quan ${agency.id} vừa được thay đổi bởi một yêu cầu khác; đọc lại rồi gửi lại`,
      );
    }
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.agencyStamp,
        UpdateExpression: 'ADD stamp :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  /** The registry's change counter (see keys.agencyStamp). */
  async stamp(): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.agencyStamp }),
    );
    return Number(Item?.stamp ?? 0);
  }

  async isSeeded(): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.seedMarker, ConsistentRead: true }),
    );
    return Item !== undefined;
  }

  async markSeeded(at: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.seedMarker, entity: 'seedMarker', seededAt: at },
      }),
    );
  }

  /** Re-points every link of `fromId` at `intoId`: put the new link, then drop the old. */
  async relinkTasks(fromId: string, intoId: string): Promise<number> {
    const links = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.tasksOfAgency(fromId) },
    });
    for (const link of links) {
      const { PK, SK, GSI1PK: _pk, GSI1SK: _sk, ...rest } = link;
      const { plan, version } = parsePlanVersionTag(String(rest.planVersion));
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...rest,
            ...keys.taskAgencyLink(String(rest.taskId), plan, version, intoId),
            agencyId: intoId,
          },
        }),
      );
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK, SK } }));
    }
    return links.length;
  }
}

function stored(item: Record<string, unknown>): StoredAgency {
  return { agency: agencySchema.parse(item), revision: Number(item.revision ?? 0) };
}
