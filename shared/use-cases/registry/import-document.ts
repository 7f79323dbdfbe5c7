/**
 * Imports a plan appendix or a conclusion notice into the registry, all or nothing:
 *
 * 1. The officer's answers to earlier unresolved names are applied to the agency registry
 *    in memory, and the document is parsed against it. Anything wrong with the document,
 *    or any name still unresolved, ends the import here: nothing is written.
 * 2. A dry run stops here too and returns everything parsed, so an officer can fix every
 *    problem in one round.
 * 3. Otherwise the registry changes are saved, the next version number of the plan is
 *    claimed, the whole version is written aside, and one conditional update makes it
 *    current; then its targets get the indicators the registry suggests for them. An import that runs out of time, or fails, never reaches that step: the
 *    current version stays as it was. A stale import (an older claim finishing after a
 *    newer version was published) is refused at that step.
 */
import type { Actor } from '#shared/domain/audit/audit-entry.ts';
import { entityOf } from '#shared/domain/audit/audit-entry.ts';
import { TooLargeError, UnavailableError, UnprocessableError } from '#shared/domain/errors.ts';
import type { AgencyRegistry } from '#shared/domain/plan/agency-registry.ts';
import type {
  Agency,
  ImportWarning,
  PlanDocument,
  PlanOverrides,
  Task,
  UnresolvedName,
} from '#shared/domain/plan/model.ts';
import type { ParsedPlan } from '#shared/domain/plan/plan-parser.ts';
import {
  checkRegistry,
  createAgency,
  updateAgency,
  type NewAgency,
} from '#shared/domain/registry/agency-changes.ts';
import type { PlanRecord, PlanStatus, PlanVersion } from '#shared/domain/registry/plan-record.ts';
import {
  diffVersions,
  versionDigest,
  type VersionDiff,
} from '#shared/domain/registry/version-diff.ts';
import pLimit from 'p-limit';
import type { TargetLinker } from '../indicators/plan-links.ts';
import type { Clock } from '../progress-ports.ts';
import type { AgencyRepository, AuditLog, PlanRepository, StoredAgency } from './registry-ports.ts';

/** Task and link writes are independent single items: a few at a time. */
const WRITE_CONCURRENCY = 8;

/** What a parser makes of a document; the same for plan tables and conclusion notices. */
export type ParsedDocument = ParsedPlan;

/** A parser's refusal: issues with file, line and code; nothing parsed is returned. */
export interface DocumentIssues {
  issues: (ImportWarning & { field?: string | undefined })[];
}

export type DocumentParser = (
  source: { file: string; text: string },
  deps: { registry: AgencyRegistry; overrides?: PlanOverrides },
) => ParsedDocument;

export type DocumentKind = 'plan' | 'notice';

/** An officer's answer to an unresolved name: another spelling of a known agency, or a new one. */
export type NameResolution =
  | { name: string; aliasOf: string }
  | {
      name: string;
      newAgency: Omit<NewAgency, 'name' | 'aliases' | 'memberOf' | 'emails'> &
        Partial<Pick<NewAgency, 'name' | 'aliases' | 'memberOf' | 'emails'>>;
    };

export interface ImportRequest {
  source: { file: string; text: string; format: 'text' | 'docx' };
  kind: DocumentKind;
  overrides: PlanOverrides;
  resolutions: NameResolution[];
  /** Import as a draft: not tracked until an admin activates it. */
  draft: boolean;
}

export interface ImportDeps {
  parsers: Record<DocumentKind, DocumentParser>;
  /** Tells a parser's refusal apart from a fault. */
  issuesOf: (error: unknown) => DocumentIssues['issues'] | null;
  agencies: AgencyRepository;
  plans: PlanRepository;
  audit: AuditLog;
  clock: Clock;
  actor: Actor;
  /** Stable across retries of the same request: the audit entry's id. */
  requestId: string;
  /** Epoch milliseconds after which no write may start and nothing is published. */
  deadline: number;
  /** Suggests indicators for the published version's targets (absent: no links are kept). */
  links?: TargetLinker | undefined;
}

export interface AgencyChanges {
  created: Agency[];
  updated: Agency[];
}

export interface ImportPreview extends ParsedDocument {
  dryRun: true;
  agencyChanges: AgencyChanges;
  /** Against the plan's current version (everything created for a new plan). */
  changes: VersionDiff;
}

export interface ImportResult {
  dryRun: false;
  plan: PlanRecord;
  outcome: 'created' | 'updated' | 'unchanged';
  version: number;
  tasks: VersionDiff;
  agencyChanges: { created: string[]; updated: string[] };
  warnings: ImportWarning[];
}

/** Issue codes that mean "too large", answered 413 rather than 422. */
const SIZE_CODES = new Set(['TABLE_TOO_LARGE', 'DOCUMENT_TOO_LARGE']);

/** Everything an import would do, worked out without writing. */
async function prepare(request: ImportRequest, deps: ImportDeps) {
  const stored = await deps.agencies.listAll();
  const agencyChanges = applyResolutions(
    stored.map((s) => s.agency),
    request.resolutions,
  );
  const registry = checkRegistry(mergeChanges(stored, agencyChanges), 'body.resolutions');
  const parsed = parse(request, registry, deps);
  const current = await deps.plans.getPlan(parsed.plan.code);
  const currentTasks =
    current && current.currentVersion > 0
      ? await deps.plans.tasksOf(current.code, current.currentVersion)
      : [];
  const changes = diffVersions(currentTasks, parsed.tasks);
  return { stored, agencyChanges, parsed, current, changes };
}

/** The dry run: what the import would make of the document, and nothing written. */
export async function previewImport(
  request: ImportRequest,
  deps: ImportDeps,
): Promise<ImportPreview> {
  const { parsed, agencyChanges, changes } = await prepare(request, deps);
  return { dryRun: true, ...parsed, agencyChanges, changes };
}

export async function importDocument(
  request: ImportRequest,
  deps: ImportDeps,
): Promise<ImportResult> {
  const { stored, agencyChanges, parsed, current, changes } = await prepare(request, deps);
  if (parsed.unresolved.length > 0) throw unresolvedError(parsed.unresolved);
  if (current?.status === 'closed') {
    throw new UnprocessableError(
      'plan-closed',
      `kế hoạch ${current.code} đã đóng; mở lại (status active) trước khi nhập bản sửa`,
      [{ field: 'body', reason: 'kế hoạch đã đóng' }],
    );
  }
  if (current && current.kind !== parsed.plan.kind) {
    throw new UnprocessableError(
      'plan-kind-mismatch',
      `mã ${current.code} đã thuộc về một ${current.kind === 'plan' ? 'kế hoạch' : 'thông báo'}`,
      [{ field: 'body.overrides.code', reason: 'chọn mã khác' }],
    );
  }

  await saveAgencyChanges(stored, agencyChanges, deps);

  const digest = versionDigest(parsed.plan, parsed.tasks);
  if (current && current.currentVersion > 0) {
    const published = await deps.plans.getVersion(current.code, current.currentVersion);
    if (published?.digest === digest) {
      return result(current, 'unchanged', current.currentVersion, parsed, agencyChanges, {
        ...changes,
        unchanged: [...changes.unchanged, ...changes.updated],
        updated: [],
      });
    }
  }

  const { plan, version } = await publishVersion(
    {
      document: parsed.plan,
      tasks: parsed.tasks,
      current,
      changes,
      digest,
      source: { file: request.source.file, format: request.source.format },
      status: current?.status ?? (request.draft ? 'draft' : 'active'),
      action: 'plan.imported',
    },
    deps,
  );
  return result(plan, current ? 'updated' : 'created', version, parsed, agencyChanges, changes);
}

export interface NewVersion {
  document: PlanDocument;
  tasks: readonly Task[];
  /** The plan as it is now (null for a new plan). */
  current: PlanRecord | null;
  changes: VersionDiff;
  digest: string;
  source: PlanVersion['source'];
  status: PlanStatus;
  action: 'plan.imported' | 'plan.corrected';
}

export type PublishDeps = Pick<
  ImportDeps,
  'plans' | 'audit' | 'clock' | 'actor' | 'requestId' | 'deadline' | 'links'
>;

/**
 * Writes a whole version of a plan aside, then publishes it in one conditional step, then
 * tidies what only older versions used and records the change. Nothing is published once
 * the deadline has passed.
 */
export async function publishVersion(
  next: NewVersion,
  deps: PublishDeps,
): Promise<{ plan: PlanRecord; version: number }> {
  const at = deps.clock.now().toISOString();
  const version = await deps.plans.claimVersion(next.document, next.status, at);
  const limit = pLimit(WRITE_CONCURRENCY);
  // Every write is settled before a failure is reported: nothing keeps writing after the
  // import has answered.
  const writes = await Promise.allSettled(
    next.tasks.map((task) =>
      limit(async () => {
        checkDeadline(deps);
        await deps.plans.writeTask(task, version);
      }),
    ),
  );
  const failed = writes.find((write) => write.status === 'rejected');
  if (failed) throw failed.reason;
  await deps.plans.saveVersion({
    plan: next.document.code,
    version,
    importedAt: at,
    importedBy: deps.actor.person ?? deps.actor.tokenId,
    source: next.source,
    digest: next.digest,
    taskIds: next.tasks.map((task) => task.id),
    created: next.changes.created,
    updated: next.changes.updated,
    retired: next.changes.retired,
  });
  checkDeadline(deps);
  const plan = await deps.plans.publish(next.document, version, at);
  await deps.plans.afterPublish(plan.code, version, next.changes.retired);
  await deps.links?.refreshPlan(plan.code, next.tasks);
  const { current } = next;
  await deps.audit.record({
    id: deps.requestId,
    at,
    action: next.action,
    entity: entityOf.plan(plan.code),
    actor: deps.actor,
    before: current && current.currentVersion > 0 ? summaryOf(current) : null,
    after: { ...summaryOf(plan), changes: next.changes },
  });
  return { plan, version };
}

function parse(request: ImportRequest, registry: AgencyRegistry, deps: ImportDeps): ParsedDocument {
  try {
    return deps.parsers[request.kind](request.source, {
      registry,
      overrides: request.overrides,
    });
  } catch (error) {
    const issues = deps.issuesOf(error);
    if (!issues) throw error;
    const fields = issues.map((issue) => ({
      field: issue.field ?? (issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file),
      reason: issue.message,
    }));
    const detail = issues
      .map((i) =>
        i.line > 0 ? `${i.file} dòng ${i.line}: ${i.message}` : `${i.file}: ${i.message}`,
      )
      .join('; ');
    const error_ = issues.some((issue) => SIZE_CODES.has(issue.code))
      ? new TooLargeError('document-too-large', `tài liệu vượt giới hạn: ${detail}`, fields)
      : new UnprocessableError('invalid-document', `không nhập được tài liệu: ${detail}`, fields);
    throw error_.with({ issues });
  }
}

function unresolvedError(unresolved: UnresolvedName[]): UnprocessableError {
  return new UnprocessableError(
    'unresolved-agencies',
    `tài liệu nêu ${unresolved.length} tên cơ quan chưa có trong danh mục: ${unresolved
      .map((u) => `"${u.name}"`)
      .join(
        ', ',
      )}; trả lời bằng resolutions (aliasOf một cơ quan đã có, hoặc newAgency) rồi gửi lại`,
    unresolved.map((u) => ({
      field: 'body.resolutions',
      reason: `"${u.name}" (${u.cells.map((c) => `${c.file} dòng ${c.line}`).join(', ')})`,
    })),
  ).with({ unresolved });
}

function checkDeadline(deps: Pick<ImportDeps, 'clock' | 'deadline'>): void {
  if (deps.clock.now().getTime() > deps.deadline) {
    throw new UnavailableError(
      'việc nhập mất quá nhiều thời gian và đã dừng; phiên bản hiện hành không thay đổi. Hãy gửi lại (cùng Idempotency-Key) hoặc nhập dưới dạng tác vụ nền',
    );
  }
}

/** The registry changes the officer's answers make, checked against the registry as a whole. */
export function applyResolutions(
  agencies: readonly Agency[],
  resolutions: readonly NameResolution[],
): AgencyChanges {
  let current = [...agencies];
  const created: Agency[] = [];
  const updatedIds = new Set<string>();
  resolutions.forEach((resolution, index) => {
    const field = `body.resolutions.${index}`;
    const fail = (reason: string): never => {
      throw new UnprocessableError(
        'invalid-resolution',
        `câu trả lời cho "${resolution.name}": ${reason}`,
        [{ field, reason }],
      );
    };
    if ('aliasOf' in resolution) {
      const target = current.find((a) => a.id === resolution.aliasOf);
      if (!target) fail(`không có cơ quan ${resolution.aliasOf}`);
      else if (target.mergedInto) fail(`${target.id} đã hợp nhất vào ${target.mergedInto}`);
      else if (!target.active) fail(`${target.id} đã ngừng hoạt động`);
      else if (target.name === resolution.name || target.aliases.includes(resolution.name)) return;
      const updated = updateAgency(current, resolution.aliasOf, { addAliases: [resolution.name] });
      current = current.map((a) => (a.id === updated.id ? updated : a));
      if (!created.some((a) => a.id === updated.id)) updatedIds.add(updated.id);
      else
        created.splice(
          created.findIndex((a) => a.id === updated.id),
          1,
          updated,
        );
    } else {
      const input = resolution.newAgency;
      const name = input.name ?? resolution.name;
      const agency = createAgency(current, {
        ...input,
        name,
        aliases: [...(input.aliases ?? []), ...(name === resolution.name ? [] : [resolution.name])],
        memberOf: input.memberOf ?? [],
        emails: input.emails ?? [],
      });
      current.push(agency);
      created.push(agency);
    }
  });
  return {
    created,
    updated: current.filter((a) => updatedIds.has(a.id)),
  };
}

function mergeChanges(stored: readonly StoredAgency[], changes: AgencyChanges): Agency[] {
  const changed = new Map(changes.updated.map((a) => [a.id, a]));
  return [...stored.map((s) => changed.get(s.agency.id) ?? s.agency), ...changes.created];
}

async function saveAgencyChanges(
  stored: readonly StoredAgency[],
  changes: AgencyChanges,
  deps: ImportDeps,
): Promise<void> {
  const revisions = new Map(stored.map((s) => [s.agency.id, s.revision]));
  for (const agency of changes.created) await deps.agencies.save(agency, null);
  for (const agency of changes.updated)
    await deps.agencies.save(agency, revisions.get(agency.id) ?? null);
}

export function summaryOf(plan: PlanRecord) {
  return {
    code: plan.code,
    title: plan.title,
    status: plan.status,
    period: plan.period,
    sections: plan.sections,
    reportingCalendar: plan.reportingCalendar,
    version: plan.currentVersion,
  };
}

function result(
  plan: PlanRecord,
  outcome: ImportResult['outcome'],
  version: number,
  parsed: ParsedDocument,
  agencyChanges: AgencyChanges,
  tasks: VersionDiff,
): ImportResult {
  return {
    dryRun: false,
    plan,
    outcome,
    version,
    tasks,
    agencyChanges: {
      created: agencyChanges.created.map((a) => a.id),
      updated: agencyChanges.updated.map((a) => a.id),
    },
    warnings: parsed.warnings,
  };
}
