/**
 * The floor under a report submission: one DynamoDB PutItem of a report item, exactly as
 * DynamoProgressStore.fileReport puts it (same keys, attributes, condition), sent as a
 * raw request to the same dynalite the platform uses, by the same load generator. Only
 * the report id changes between requests, so every request writes a new item.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { progressKeys } from '#shared/adapters/dynamodb/keys.ts';
import type { ProgressReport } from '#shared/domain/progress/report.ts';
import type { ReportedTask } from './tasks.ts';

const ID = '@@REPORT_ID@@';

/** dynalite checks that a signature is present and well formed, not that it is right. */
const HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.PutItem',
  'x-amz-date': '20260101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
};

/** The period the raw reports describe. */
export const RAW_PUT_PERIOD = '2026-Q4';

function template(tableName: string, target: ReportedTask): string {
  const receivedAt = new Date().toISOString();
  const report: ProgressReport = {
    id: ID,
    taskId: target.taskId,
    agencyId: target.agencyId,
    plan: 'KH266',
    sector: 'agriculture',
    period: RAW_PUT_PERIOD,
    status: 'on_track',
    percentComplete: 40,
    actuals: {},
    actualsStatus: 'estimate',
    narrative: '',
    obstacles: [],
    proposals: [],
    asOf: receivedAt.slice(0, 10),
    receivedAt,
    deadline: '2026-12-18',
    timeliness: 'on_time',
  };
  return JSON.stringify({
    TableName: tableName,
    // The digest of the request the store keeps beside the report (a base64url SHA-256).
    Item: marshall({
      ...progressKeys.report(report),
      entity: 'report',
      ...report,
      requestFingerprint: 'x'.repeat(43),
    }),
    ConditionExpression: 'attribute_not_exists(PK)',
  });
}

/**
 * A factory of raw PutItem requests over `tasks` in turn: the n-th has a report id of its
 * own, as long as a real one.
 */
export function rawPutRequests(tableName: string, prefix: string, tasks: readonly ReportedTask[]) {
  const templates = tasks.map((target) => template(tableName, target).split(ID));
  return (n: number) => ({
    headers: HEADERS,
    body: (templates[n % templates.length] as string[]).join(
      `rep_${prefix}${String(n).padStart(22 - prefix.length, '0')}`,
    ),
  });
}
