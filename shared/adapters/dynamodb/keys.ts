/**
 * Every key of the single-table design in one place (the README lists the access
 * patterns they serve). Sort keys that order lists are zero-padded so that DynamoDB's
 * byte order is the table's row order.
 */
import { todayInProvince } from '#shared/domain/calendar.ts';

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

export const keys = {
  plan: (code: string) => ({
    PK: `PLAN#${code}`,
    SK: 'PLAN',
    GSI1PK: 'PLANS',
    GSI1SK: `PLAN#${code}`,
  }),
  agency: (id: string) => ({
    PK: `AGENCY#${id}`,
    SK: 'AGENCY',
    GSI1PK: 'AGENCIES',
    GSI1SK: `AGENCY#${id}`,
  }),
  task: (task: { id: string; plan: string; sector: string; source: { line: number } }) => ({
    PK: `TASK#${task.id}`,
    SK: 'TASK',
    GSI1PK: `PLAN#${task.plan}`,
    GSI1SK: `TASK#${pad(task.source.line)}`,
    GSI2PK: `SECTOR#${task.sector}`,
    GSI2SK: `TASK#${task.plan}#${pad(task.source.line)}`,
  }),
  taskPk: (taskId: string) => `TASK#${taskId}`,
  /** Who a task names: one item per (task, agency), listed by agency through GSI1. */
  taskAgencyLink: (taskId: string, agencyId: string) => ({
    PK: `TASK#${taskId}`,
    SK: `LINK#${agencyId}`,
    GSI1PK: `AGENCY#${agencyId}`,
    GSI1SK: `TASK#${taskId}`,
  }),
  linkPrefix: 'LINK#',
} as const;

/** The month (in the province) an instant falls in: `2026-09`. */
const provinceMonth = (instant: string) => todayInProvince(new Date(instant)).slice(0, 7);

/**
 * Progress: reports under their task, listed newest first (GSI1), and per sector and month
 * of receipt (GSI2), so a rollup reads exactly the reports received in its data window.
 */
export const progressKeys = {
  report: (report: { id: string; taskId: string; sector: string; receivedAt: string }) => ({
    PK: `TASK#${report.taskId}`,
    SK: `REPORT#${report.id}`,
    GSI1PK: `REPORTS#${report.taskId}`,
    GSI1SK: `${report.receivedAt}#${report.id}`,
    GSI2PK: progressKeys.reportsReceived(report.sector, provinceMonth(report.receivedAt)),
    GSI2SK: `${report.receivedAt}#${report.id}`,
  }),
  reportsReceived: (sector: string, month: string) => `REPORTS#${sector}#${month}`,
  latestState: (taskId: string, agencyId: string) => ({
    PK: `TASK#${taskId}`,
    SK: `STATE#${agencyId}`,
  }),
  /** A sector's latest states in one partition, so a scan or rollup reads them in one query. */
  latestStateIndex: (sector: string, taskId: string, agencyId: string) => ({
    GSI2PK: `STATE#${sector}`,
    GSI2SK: `${taskId}#${agencyId}`,
  }),
  statesOfSector: (sector: string) => `STATE#${sector}`,
  statePrefix: 'STATE#',
  reportsOfTask: (taskId: string) => `REPORTS#${taskId}`,
} as const;

export const accessKeys = {
  token: (tokenHash: string, tokenId: string) => ({
    PK: `TOKEN#${tokenHash}`,
    SK: 'TOKEN',
    GSI1PK: 'TOKENS',
    GSI1SK: accessKeys.byTokenId(tokenId),
  }),
  tokens: 'TOKENS',
  byTokenId: (tokenId: string) => `TOKEN#${tokenId}`,
} as const;

export const riskKeys = {
  /** Present only while the task is at risk: GET /risks reads these. */
  flag: (taskId: string, sector: string) => ({
    PK: `TASK#${taskId}`,
    SK: 'RISK',
    GSI1PK: 'RISKS',
    GSI1SK: `${sector}#${taskId}`,
  }),
  flags: 'RISKS',
} as const;

export const rollupKeys = {
  snapshot: (quarter: string, cutoff: string, sector: string) => ({
    PK: `ROLLUP#${quarter}#${cutoff}`,
    SK: `SECTOR#${sector}`,
  }),
  /** The immutable gzipped parts of one snapshot version, named by its content digest. */
  partPrefix: (sector: string, digest: string) => `PART#${sector}#${digest}#`,
} as const;

export const documentKeys = {
  /** The province's own Word template for the quarterly report, when it uploaded one. */
  reportTemplate: { PK: 'REPORT_TEMPLATE', SK: 'DOCX' },
} as const;
