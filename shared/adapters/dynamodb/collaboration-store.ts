/**
 * Contributions (with a pointer in each lead's inbox) and reviews of reports, in the
 * single table. Contributions are put once under their id; a review moves from pending to
 * its decision by one conditional update, and the report's `review` follows it.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { contributionSchema, type Contribution } from '#shared/domain/progress/contribution.ts';
import {
  latestReportWithActualsSchema,
  progressReportSchema,
  type ProgressReport,
} from '#shared/domain/progress/report.ts';
import type { LatestReportWithActuals } from '#shared/domain/risk/task-state.ts';
import { reviewSchema, type Review } from '#shared/domain/progress/review.ts';
import type {
  ContributionRepository,
  ReviewRepository,
} from '#shared/use-cases/collaboration-ports.ts';
import { progressKeys } from './keys.ts';
import { mapPage, queryPages, type Page } from './pagination.ts';

export class DynamoCollaborationStore implements ContributionRepository, ReviewRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveContribution(
    contribution: Contribution,
    leads: readonly string[],
  ): Promise<Contribution> {
    const key = progressKeys.contribution(contribution);
    let stored = contribution;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, entity: 'contribution', ...contribution },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { PK: key.PK, SK: key.SK },
          ConsistentRead: true,
        }),
      );
      stored = contributionSchema.parse(Item);
    }
    // The pointers are rewritten whole on a retry: the same items, so no duplicate.
    for (const lead of leads) {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...progressKeys.inboxEntry(lead, stored),
            entity: 'inboxEntry',
            taskId: stored.taskId,
            contributionId: stored.id,
          },
        }),
      );
    }
    return stored;
  }

  async listContributions(
    taskId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Contribution>> {
    const page = await queryPages(
      this.db,
      [
        {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': progressKeys.contributionsOfTask(taskId) },
          ScanIndexForward: false,
        },
      ],
      limit,
      cursor,
    );
    return mapPage(page, (item) => contributionSchema.parse(item));
  }

  /** The contributions to tasks an agency (or a collective it belongs to) leads, newest first. */
  async inbox(
    agencyIds: readonly string[],
    limit: number,
    cursor?: string,
  ): Promise<Page<Contribution>> {
    const page = await queryPages(
      this.db,
      agencyIds.map((agencyId) => ({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': progressKeys.inbox(agencyId) },
        ScanIndexForward: false,
      })),
      limit,
      cursor,
    );
    const items: Contribution[] = [];
    for (const entry of page.items) {
      const key = progressKeys.contribution({
        id: String(entry.contributionId),
        taskId: String(entry.taskId),
        receivedAt: '',
      });
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: { PK: key.PK, SK: key.SK } }),
      );
      if (Item) items.push(contributionSchema.parse(Item));
    }
    return { items, nextCursor: page.nextCursor };
  }

  async awaitReview(report: ProgressReport, reviewerId: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: pendingReviewItem(report, reviewerId),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // A retried submission: the review is there already, perhaps decided.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async getReview(taskId: string, reportId: string): Promise<Review | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: progressKeys.reviewKey(taskId, reportId),
        ConsistentRead: true,
      }),
    );
    return Item ? reviewOf(Item) : null;
  }

  async getReport(taskId: string, reportId: string): Promise<ProgressReport | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: progressKeys.reportKey(reportId),
        ConsistentRead: true,
      }),
    );
    const report = Item ? progressReportSchema.parse(Item) : null;
    return report?.taskId === taskId ? report : null;
  }

  async acceptedState(taskId: string, agencyId: string): Promise<LatestReportWithActuals | null> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: progressKeys.latestStateKey(taskId, agencyId),
      }),
    );
    return Item ? latestReportWithActualsSchema.parse(Item.state) : null;
  }

  async pendingFor(reviewerId: string, limit: number, cursor?: string): Promise<Page<Review>> {
    const page = await queryPages(
      this.db,
      [
        {
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :pending)',
          ExpressionAttributeValues: {
            ':pk': progressKeys.reviewsOf(reviewerId),
            ':pending': 'pending#',
          },
        },
      ],
      limit,
      cursor,
    );
    return mapPage(page, reviewOf);
  }

  async decide(
    review: Review,
    decision: 'accepted' | 'returned',
    by: string,
    at: string,
    reason: string | null,
  ): Promise<boolean> {
    const decided = { ...review, state: decision };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: progressKeys.reviewKey(review.taskId, review.reportId),
          UpdateExpression:
            'SET #state = :decision, decidedAt = :at, decidedBy = :by, reason = :reason, GSI1SK = :sk',
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':decision': decision,
            ':at': at,
            ':by': by,
            ':reason': reason,
            ':sk': progressKeys.review(decided).GSI1SK,
            ':pending': 'pending',
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Decided before: a retry of the same decision still brings the report in line.
      const stored = await this.getReview(review.taskId, review.reportId);
      if (stored?.state === decision) await this.markReport(review, decision);
      return false;
    }
    await this.markReport(review, decision);
    return true;
  }

  private async markReport(review: Review, decision: 'accepted' | 'returned'): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: progressKeys.reportKey(review.reportId),
        UpdateExpression: 'SET review = :decision',
        ExpressionAttributeValues: { ':decision': decision },
      }),
    );
  }
}

const reviewOf = (item: Record<string, unknown>): Review => reviewSchema.parse(item);

/** A report waiting for its reviewer, as the table keeps it (written once, with the report). */
export function pendingReviewItem(report: ProgressReport, reviewerId: string) {
  const review: Review = {
    reportId: report.id,
    taskId: report.taskId,
    agencyId: report.agencyId,
    reviewerId,
    period: report.period,
    receivedAt: report.receivedAt,
    state: 'pending',
    decidedAt: null,
    decidedBy: null,
    reason: null,
  };
  return { ...progressKeys.review(review), entity: 'review', ...review };
}
