/**
 * The province's report template in one item. A .docx is already compressed, so it is
 * stored as it came, and the use case keeps it under 350 KiB to fit DynamoDB's 400 KB item
 * limit with its attributes: enough for a text template with a logo. A larger one would
 * belong in S3 (on AWS) or in parts like snapshots; the province's documents do not need it.
 */
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type {
  ReportTemplateRepository,
  StoredReportTemplate,
} from '#shared/use-cases/report-template-ports.ts';
import { documentKeys } from './keys.ts';

const itemSchema = z.object({
  file: z.instanceof(Uint8Array),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});

export class DynamoReportTemplateStore implements ReportTemplateRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<StoredReportTemplate | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: documentKeys.reportTemplate,
        ConsistentRead: true,
      }),
    );
    return Item ? itemSchema.parse(Item) : null;
  }

  async put(template: StoredReportTemplate): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...documentKeys.reportTemplate, entity: 'reportTemplate', ...template },
      }),
    );
  }

  async remove(): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: documentKeys.reportTemplate }),
    );
  }
}
