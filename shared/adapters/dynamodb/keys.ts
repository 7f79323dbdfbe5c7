/**
 * Every key of the single-table design in one place (the README lists the access
 * patterns they serve). Sort keys that order lists are zero-padded so that DynamoDB's
 * byte order is the table's row order.
 */

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

/** A plan version as it appears inside keys and filters: `KH266#000003`. */
export const planVersionTag = (plan: string, version: number) => `${plan}#${pad(version)}`;

/** The plan and version a tag names: `KH266#000003` → KH266, 3. */
export function parsePlanVersionTag(tag: string): { plan: string; version: number } {
  const at = tag.lastIndexOf('#');
  return { plan: tag.slice(0, at), version: Number(tag.slice(at + 1)) };
}

/**
 * The registry: plans with their versions, and agencies. A plan's tasks are written per
 * version (an import writes a whole new version aside, then one conditional update of the
 * plan item makes it current), so every list of tasks reads one version of each plan.
 */
export const keys = {
  plan: (code: string) => ({
    PK: `PLAN#${code}`,
    SK: 'PLAN',
    GSI1PK: 'PLANS',
    GSI1SK: `PLAN#${code}`,
  }),
  plans: 'PLANS',
  /** What one import wrote: the version's task ids, what it retired, who imported it. */
  planVersion: (code: string, version: number) => ({
    PK: `PLAN#${code}`,
    SK: `VERSION#${pad(version)}`,
  }),
  planVersionPrefix: 'VERSION#',
  agency: (id: string) => ({
    PK: `AGENCY#${id}`,
    SK: 'AGENCY',
    GSI1PK: 'AGENCIES',
    GSI1SK: `AGENCY#${id}`,
  }),
  agencies: 'AGENCIES',
  /** Bumped by every agency write: readers reload their cached names when it moves. */
  agencyStamp: { PK: 'AGENCIES', SK: 'STAMP' },
  taskPk: (taskId: string) => `TASK#${taskId}`,
  /**
   * A task as one version of its plan states it: listed by plan version (GSI1, table
   * order) and by sector (GSI2, one prefix per plan version).
   */
  taskVersion: (task: {
    id: string;
    plan: string;
    sector: string;
    source: { line: number };
    version: number;
  }) => ({
    PK: `TASK#${task.id}`,
    SK: `V#${pad(task.version)}`,
    GSI1PK: keys.tasksOfPlanVersion(task.plan, task.version),
    GSI1SK: `TASK#${pad(task.source.line)}`,
    GSI2PK: keys.tasksOfSector(task.sector),
    GSI2SK: `${planVersionTag(task.plan, task.version)}#${pad(task.source.line)}`,
  }),
  taskVersionSk: (version: number) => `V#${pad(version)}`,
  taskVersionPrefix: 'V#',
  tasksOfPlanVersion: (plan: string, version: number) => `PLAN#${planVersionTag(plan, version)}`,
  tasksOfSector: (sector: string) => `SECTOR#${sector}`,
  /** GSI2 sort-key prefix of one plan version's tasks within a sector. */
  sectorTasksPrefix: (plan: string, version: number) => `${planVersionTag(plan, version)}#`,
  /**
   * Who a task names, per plan version: one item per (task, agency), listed by agency
   * through GSI1; `planVersion` lets a list keep only current versions.
   */
  taskAgencyLink: (taskId: string, plan: string, version: number, agencyId: string) => ({
    PK: `TASK#${taskId}`,
    SK: `LINK#${pad(version)}#${agencyId}`,
    GSI1PK: keys.tasksOfAgency(agencyId),
    GSI1SK: `${keys.agencyTaskPrefix}${planVersionTag(plan, version)}#${taskId}`,
  }),
  tasksOfAgency: (agencyId: string) => `AGENCY#${agencyId}`,
  /** GSI1 sort-key prefix of an agency's task links. */
  agencyTaskPrefix: 'TASK#',
  linkPrefix: 'LINK#',
  /** Written once `seeds/` has been loaded into this store. */
  seedMarker: { PK: 'SEED', SK: 'SEED' },
} as const;

/**
 * Progress: reports by their id, listed per task newest first (GSI1), and per plan and
 * the period they describe (GSI2), so a period's rollup reads exactly the reports on that
 * period, whenever they were received: a report on the third quarter sent on 5 October
 * is in `REPORTS#KH266#2026-Q3`. By plan, because a task's plan never changes while its
 * sector may. A task's mutable state (its agencies' latest reports, its summary with the
 * risk flags) sits in items of its own, never on the task versions an import writes.
 */
export const progressKeys = {
  report: (report: {
    id: string;
    taskId: string;
    plan: string;
    period: string;
    receivedAt: string;
  }) => ({
    ...progressKeys.reportKey(report.id),
    GSI1PK: progressKeys.reportsOfTask(report.taskId),
    GSI1SK: `${report.receivedAt}#${report.id}`,
    GSI2PK: progressKeys.reportsDescribing(report.plan, report.period),
    GSI2SK: `${report.receivedAt}#${report.id}`,
  }),
  /**
   * A report by its id alone, whatever task it names: the id is derived from the caller
   * and its Idempotency-Key, so the conditional put that stores a report is also the check
   * that the key was not used before.
   */
  reportKey: (reportId: string) => ({ PK: `REPORT#${reportId}`, SK: 'REPORT' }),
  /** The GSI2 partition of a plan's reports on one period (`KH266`, `2026-Q3`). */
  reportsDescribing: (plan: string, period: string) => `REPORTS#${plan}#${period}`,
  /**
   * An agency's latest report on a task, listed with every other state of the task's plan
   * (GSI2): by plan, because a task's plan never changes while its sector may.
   */
  latestState: (taskId: string, plan: string, agencyId: string) => ({
    ...progressKeys.latestStateKey(taskId, agencyId),
    GSI2PK: progressKeys.statesOfPlan(plan),
    GSI2SK: `${taskId}#${agencyId}`,
  }),
  latestStateKey: (taskId: string, agencyId: string) => ({
    PK: `TASK#${taskId}`,
    SK: `${progressKeys.statePrefix}${agencyId}`,
  }),
  /**
   * The task as a whole: its newest report and its risk reasons. In the same GSI2
   * partition as the agencies' states, sorted after them (`~`), so one query per plan
   * reads every task's state.
   */
  taskSummary: (taskId: string, plan: string) => ({
    PK: `TASK#${taskId}`,
    SK: 'SUMMARY',
    GSI2PK: progressKeys.statesOfPlan(plan),
    GSI2SK: `${taskId}#~`,
  }),
  summarySk: 'SUMMARY',
  statesOfPlan: (plan: string) => `STATE#${plan}`,
  /** A coordinating agency's contribution, listed newest first per task (GSI1). */
  contribution: (contribution: { id: string; taskId: string; receivedAt: string }) => ({
    PK: `TASK#${contribution.taskId}`,
    SK: `CONTRIB#${contribution.id}`,
    GSI1PK: progressKeys.contributionsOfTask(contribution.taskId),
    GSI1SK: `${contribution.receivedAt}#${contribution.id}`,
  }),
  contributionsOfTask: (taskId: string) => `CONTRIBS#${taskId}`,
  /** A contribution in a lead agency's inbox, newest first. */
  inboxEntry: (agencyId: string, contribution: { id: string; receivedAt: string }) => ({
    PK: progressKeys.inbox(agencyId),
    SK: `CONTRIB#${contribution.receivedAt}#${contribution.id}`,
  }),
  inbox: (agencyId: string) => `INBOX#${agencyId}`,
  /** A report waiting for its reviewer (or decided), listed per reviewer and state (GSI1). */
  review: (review: {
    reportId: string;
    taskId: string;
    reviewerId: string;
    state: string;
    receivedAt: string;
  }) => ({
    ...progressKeys.reviewKey(review.taskId, review.reportId),
    GSI1PK: progressKeys.reviewsOf(review.reviewerId),
    GSI1SK: `${review.state}#${review.receivedAt}#${review.reportId}`,
  }),
  reviewKey: (taskId: string, reportId: string) => ({
    PK: `TASK#${taskId}`,
    SK: `REVIEW#${reportId}`,
  }),
  reviewsOf: (reviewerId: string) => `REVIEWS#${reviewerId}`,
  statePrefix: 'STATE#',
  reportsOfTask: (taskId: string) => `REPORTS#${taskId}`,
} as const;

export const accessKeys = {
  token: (tokenHash: string, tokenId: string) => ({
    ...accessKeys.tokenKey(tokenHash),
    GSI1PK: 'TOKENS',
    GSI1SK: accessKeys.byTokenId(tokenId),
  }),
  /** A token by the hash of its secret: what the authorizer reads. */
  tokenKey: (tokenHash: string) => ({ PK: `TOKEN#${tokenHash}`, SK: 'TOKEN' }),
  tokens: 'TOKENS',
  byTokenId: (tokenId: string) => `TOKEN#${tokenId}`,
} as const;

/** Web sessions by the hash of their id; the TTL attribute removes them after they end. */
export const sessionKeys = {
  session: (idHash: string) => ({ PK: `SESSION#${idHash}`, SK: 'SESSION' }),
} as const;

export const riskKeys = {
  /** Present only while the task is at risk: GET /risks reads these. */
  flag: (taskId: string, sector: string) => ({
    PK: `TASK#${taskId}`,
    SK: 'RISK',
    GSI1PK: 'RISKS',
    GSI1SK: `${sector}#${taskId}`,
  }),
  flagSk: 'RISK',
  flags: 'RISKS',
} as const;

/**
 * A period's snapshots per sector: the preliminary one (replaced until the deadline), and
 * the numbered revisions from the official one (1) on, each written once and never
 * replaced. A revision's head item points at its gzipped parts, named by content digest.
 */
export const rollupKeys = {
  period: (period: string) => `ROLLUP#${period}`,
  preliminary: (period: string, sector: string) => ({
    PK: rollupKeys.period(period),
    SK: `SECTOR#${sector}#PRELIMINARY`,
  }),
  revision: (period: string, sector: string, revision: number) => ({
    PK: rollupKeys.period(period),
    SK: `${rollupKeys.revisionPrefix(sector)}${pad(revision, 4)}`,
  }),
  revisionPrefix: (sector: string) => `SECTOR#${sector}#REV#`,
  /** The immutable gzipped parts of one snapshot, named by its content digest. */
  partPrefix: (sector: string, digest: string) => `PART#${sector}#${digest}#`,
  part: (key: { PK: string }, sector: string, digest: string, index: number) => ({
    PK: key.PK,
    SK: `${rollupKeys.partPrefix(sector, digest)}${pad(index, 4)}`,
  }),
} as const;

/**
 * The province's indicators (GSI1 lists them), the values reported against each one in
 * its own partition sorted by period (a year's values are one key range), and the links
 * of a plan's targets to indicators: one per target, under its task, listed by plan
 * (GSI1, one partition: a province links a few hundred targets).
 */
export const indicatorKeys = {
  indicator: (code: string) => ({
    PK: `INDICATOR#${code}`,
    SK: 'INDICATOR',
    GSI1PK: indicatorKeys.indicators,
    GSI1SK: `INDICATOR#${code}`,
  }),
  indicators: 'INDICATORS',
  value: (value: { indicator: string; period: string; reportedAt: string; id: string }) => ({
    PK: `INDICATOR#${value.indicator}`,
    SK: `VALUE#${value.period}#${value.reportedAt}#${value.id}`,
  }),
  /** The sort-key range of the values of the years `from`..`to` (period codes start with the year). */
  valueRange: (from: number, to: number) => ({
    from: `VALUE#${pad(from, 4)}`,
    to: `VALUE#${pad(to, 4)}~`,
  }),
  indicatorPk: (code: string) => `INDICATOR#${code}`,
  link: (link: { plan: string; taskId: string; targetKey: string }) => ({
    PK: `TASK#${link.taskId}`,
    SK: `INDICATOR_LINK#${link.targetKey}`,
    GSI1PK: indicatorKeys.links,
    GSI1SK: `${link.plan}#${link.taskId}#${link.targetKey}`,
  }),
  links: 'INDICATOR_LINKS',
  linksOfPlan: (plan: string) => `${plan}#`,
} as const;

/**
 * The audit trail: append-only, one item per change, under the entity it changed and in
 * one partition per month (GSI1) for listing by time.
 */
export const auditKeys = {
  entry: (entry: { entity: string; at: string; id: string }) => ({
    PK: `AUDIT#${entry.entity}`,
    SK: `${entry.at}#${entry.id}`,
    GSI1PK: auditKeys.month(entry.at.slice(0, 7)),
    GSI1SK: `${entry.at}#${entry.id}`,
  }),
  ofEntity: (entity: string) => `AUDIT#${entity}`,
  month: (month: string) => `AUDIT#${month}`,
} as const;

export const documentKeys = {
  /** The province's own Word template for the quarterly report, when it uploaded one. */
  reportTemplate: { PK: 'REPORT_TEMPLATE', SK: 'DOCX' },
} as const;

/**
 * Reminders: one claim per notice (kind, period, agency, task, recipient), all claims of
 * a kind and period in one partition (a run reads them with one query); the messages,
 * listed newest first (GSI1), and, while a run may still have to finish them (draft or
 * ready), in a sparse list of their own (GSI2); the last digest's basis; the province's
 * reminder settings.
 */
export const outboxKeys = {
  claims: (kind: string, period: string) => `NOTICES#${kind}#${period}`,
  claim: (kind: string, period: string, claimKey: string) => ({
    PK: outboxKeys.claims(kind, period),
    SK: claimKey,
  }),
  message: (id: string, createdAt: string) => ({
    PK: `MAIL#${id}`,
    SK: 'MAIL',
    GSI1PK: outboxKeys.messages,
    GSI1SK: `${createdAt}#${id}`,
  }),
  messageKey: (id: string) => ({ PK: `MAIL#${id}`, SK: 'MAIL' }),
  messages: 'OUTBOX',
  unfinished: (id: string) => ({ GSI2PK: outboxKeys.unfinishedList, GSI2SK: id }),
  unfinishedList: 'OUTBOX#UNFINISHED',
  digestBasis: { PK: 'DIGEST', SK: 'BASIS' },
  reminderSettings: { PK: 'SETTINGS', SK: 'REMINDERS' },
} as const;

/**
 * Jobs (long work run apart from its request): the job, and the input its work reads when
 * the job's own fields cannot hold it (a large document), in parts under the same
 * partition. Kept for a while by the table's TTL, then gone.
 */
export const jobKeys = {
  job: (id: string) => ({ PK: `JOB#${id}`, SK: 'JOB' }),
  inputPart: (id: string, index: number) => ({ PK: `JOB#${id}`, SK: `INPUT#${pad(index, 4)}` }),
  inputPrefix: 'INPUT#',
} as const;

/** Powertools idempotency's records of one command (the admin and import commands). */
export const idempotencyKeys = {
  partition: (command: string) => `IDEMPOTENCY#${command}`,
} as const;
