/**
 * Admins keep the registry of indicators: create one, correct one (with the revision it
 * was read at: two admins never overwrite each other), each change checked against the
 * whole registry (codes and names unique) and against the plan targets linked to it (a
 * unit or sector change that would leave a confirmed link between "ha" and "%" is
 * refused), and recorded in the audit trail.
 */
import * as z from 'zod';
import { entityOf, type Actor, type AuditAction } from '#shared/domain/audit/audit-entry.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '#shared/domain/errors.ts';
import {
  indicatorRegistrySchema,
  indicatorSchema,
  type Indicator,
} from '#shared/domain/indicator/indicator.ts';
import { linkProblems } from '#shared/domain/indicator/target-link.ts';
import type { Clock } from '../progress-ports.ts';
import type { AuditLog } from '../registry/registry-ports.ts';
import type { IndicatorRepository } from './indicator-ports.ts';

export const newIndicatorSchema = indicatorSchema.meta({ id: 'NewIndicator' });

const { shape } = indicatorSchema;
// Built field by field: `.partial()` would still apply the defaults of `aliases` and
// `owners`, so a patch that names neither would empty both.
export const indicatorPatchSchema = z
  .strictObject({
    name: shape.name.optional(),
    shortName: shape.shortName,
    unit: shape.unit.optional(),
    sector: shape.sector.optional(),
    aggregation: shape.aggregation.optional(),
    direction: shape.direction.optional(),
    aliases: shape.aliases.unwrap().optional(),
    owners: shape.owners.unwrap().optional(),
    /** The revision the change was made from: refused (409) if the indicator changed since. */
    revision: z.number().int().positive().optional(),
  })
  .refine(
    ({ revision: _revision, ...changes }) => Object.keys(changes).length > 0,
    'cần ít nhất một thay đổi',
  )
  .meta({ id: 'IndicatorPatch' });
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export interface ManageIndicatorsDeps {
  indicators: IndicatorRepository;
  audit: AuditLog;
  clock: Clock;
  actor: Actor;
  /** Stable across retries of the same request: the audit entry's id. */
  requestId: string;
}

/** An indicator as the API returns it: with the revision to send back with a change. */
export type IndicatorView = Indicator & { revision: number };

export async function createIndicator(
  input: Indicator,
  deps: ManageIndicatorsDeps,
): Promise<IndicatorView> {
  const stored = await deps.indicators.listIndicators();
  if (stored.some((s) => s.indicator.code === input.code)) {
    throw new ConflictError('indicator-exists', `đã có chỉ tiêu mã ${input.code}`);
  }
  checkRegistry([...stored.map((s) => s.indicator), input]);
  const position = Math.max(0, ...stored.map((s) => s.position)) + 1;
  await deps.indicators.saveIndicator({ indicator: input, position, revision: 1 }, null);
  await record(deps, 'indicator.created', input.code, null, input);
  return { ...input, revision: 1 };
}

export async function updateIndicator(
  code: string,
  patch: IndicatorPatch,
  deps: ManageIndicatorsDeps,
): Promise<IndicatorView> {
  const stored = await deps.indicators.listIndicators();
  const current = stored.find((s) => s.indicator.code === code);
  if (!current) throw new NotFoundError('indicator-not-found', `không có chỉ tiêu ${code}`);
  const { revision, ...changes } = patch;
  if (revision !== undefined && revision !== current.revision) {
    throw new ConflictError(
      'indicator-changed',
      `chỉ tiêu ${code} đang ở phiên bản sửa ${current.revision}, không phải ${revision}; đọc lại rồi gửi lại`,
    );
  }
  const updated = indicatorSchema.parse({ ...current.indicator, ...changes });
  checkRegistry(stored.map((s) => (s.indicator.code === code ? updated : s.indicator)));
  if (updated.unit !== current.indicator.unit || updated.sector !== current.indicator.sector) {
    await checkLinks(updated, deps);
  }
  await deps.indicators.saveIndicator(
    { ...current, indicator: updated, revision: current.revision + 1 },
    current.revision,
  );
  await record(deps, 'indicator.updated', code, current.indicator, updated);
  return { ...updated, revision: current.revision + 1 };
}

/** Codes unique, and no name shared by two indicators once normalised. */
function checkRegistry(indicators: readonly Indicator[]): void {
  const result = indicatorRegistrySchema.safeParse({ indicators });
  if (result.success) return;
  const fields = result.error.issues.map((issue) => ({
    field: `body.${issue.path.slice(2).map(String).join('.') || 'code'}`,
    reason: issue.message,
  }));
  throw new UnprocessableError(
    'indicator-registry-conflict',
    `danh mục chỉ tiêu không hợp lệ: ${fields.map((f) => f.reason).join('; ')}`,
    fields,
  );
}

/** The targets confirmed to feed the indicator must still fit its unit and sector. */
async function checkLinks(indicator: Indicator, deps: ManageIndicatorsDeps): Promise<void> {
  const links = (await deps.indicators.allLinks()).filter(
    (link) => link.status === 'confirmed' && link.indicator === indicator.code,
  );
  const misfits = links.flatMap((link) =>
    linkProblems(indicator, { ...link.target, sector: link.sector }).map((problem) => ({
      field: `body.${problem.field}`,
      reason: `mục tiêu "${link.target.label}" của nhiệm vụ ${link.taskId}: ${problem.reason}`,
    })),
  );
  if (misfits.length > 0) {
    throw new UnprocessableError(
      'indicator-link-mismatch',
      `không thể sửa chỉ tiêu ${indicator.code}: ${misfits.map((m) => m.reason).join('; ')}`,
      misfits,
    );
  }
}

async function record(
  deps: ManageIndicatorsDeps,
  action: AuditAction,
  code: string,
  before: Indicator | null,
  after: Indicator,
): Promise<void> {
  await deps.audit.record({
    id: deps.requestId,
    at: deps.clock.now().toISOString(),
    action,
    entity: entityOf.indicator(code),
    actor: deps.actor,
    before,
    after,
  });
}
