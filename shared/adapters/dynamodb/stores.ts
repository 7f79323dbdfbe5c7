/**
 * Every DynamoDB adapter of the platform, composed once over one client and table: the
 * composition root that handlers, the local runtime and the command lines share. An
 * adapter that reads tasks is handed the one task catalog; none builds another. The
 * reminders' adapters are composed beside it (outbox-stores.ts), so that the bundles of
 * the functions that send no reminder carry none of their code.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AgencyDirectory } from './agency-directory.ts';
import { DynamoCollaborationStore } from './collaboration-store.ts';
import { DynamoAgencyStore } from './agency-store.ts';
import { DynamoAuditLog } from './audit-store.ts';
import { DynamoIndicatorStore } from './indicator-store.ts';
import { DynamoJobStore } from './job-store.ts';
import { DynamoPlanStore } from './plan-store.ts';
import { DynamoProgressStore } from './progress-store.ts';
import { DynamoReadStore } from './read-store.ts';
import { DynamoReportTemplateStore } from './report-template-store.ts';
import { DynamoRiskStore } from './risk-store.ts';
import { DynamoRollupStore } from './rollup-store.ts';
import { DynamoTaskCatalog } from './task-catalog.ts';
import { DynamoTokenStore } from './token-store.ts';

export function dynamoStores(db: DynamoDBDocumentClient, tableName: string) {
  const agencies = new DynamoAgencyStore(db, tableName);
  const catalog = new DynamoTaskCatalog(db, tableName, new AgencyDirectory(agencies));
  const risks = new DynamoRiskStore(db, tableName, catalog);
  const collaboration = new DynamoCollaborationStore(db, tableName);
  return {
    catalog,
    risks,
    collaboration,
    progress: new DynamoProgressStore(db, tableName, catalog, collaboration),
    rollups: new DynamoRollupStore(db, tableName, risks, catalog),
    indicators: new DynamoIndicatorStore(db, tableName, catalog),
    reads: new DynamoReadStore(db, tableName, catalog),
    plans: new DynamoPlanStore(db, tableName),
    agencies,
    audit: new DynamoAuditLog(db, tableName),
    tokens: new DynamoTokenStore(db, tableName),
    reportTemplates: new DynamoReportTemplateStore(db, tableName),
    jobs: new DynamoJobStore(db, tableName),
  };
}
export type DynamoStores = ReturnType<typeof dynamoStores>;
