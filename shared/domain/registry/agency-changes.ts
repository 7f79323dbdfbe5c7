/**
 * Changes to the agency registry, as pure functions over the registry's agencies: each
 * returns the agencies it changes, and checks that the registry stays valid (ids unique,
 * every name and alias naming one agency, memberships naming collectives).
 */
import * as z from 'zod';
import { NotFoundError, UnprocessableError, type FieldProblem } from '../errors.ts';
import { AgencyRegistry } from '../plan/agency-registry.ts';
import { AGENCY_KINDS, type Agency } from '../plan/model.ts';
import { agencyAddressesSchema } from '../reminder/contacts.ts';

export const agencyIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chữ thường không dấu, số và dấu gạch, ví dụ so-tai-chinh')
  .max(100);

const nameSchema = z.string().trim().min(2).max(300);

export const newAgencySchema = z
  .strictObject({
    id: agencyIdSchema.optional().meta({ description: 'Defaults to a slug of the name' }),
    name: nameSchema,
    kind: z.enum(AGENCY_KINDS),
    aliases: z.array(nameSchema).max(50).default([]),
    memberOf: z.array(agencyIdSchema).max(20).default([]),
    emails: agencyAddressesSchema.default([]),
  })
  .meta({ id: 'NewAgency' });
export type NewAgency = z.infer<typeof newAgencySchema>;

export const agencyPatchSchema = z
  .strictObject({
    /** A rename keeps the old name as an alias: older documents still spell it that way. */
    name: nameSchema.optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    addAliases: z.array(nameSchema).max(50).optional(),
    removeAliases: z.array(nameSchema).max(50).optional(),
    memberOf: z.array(agencyIdSchema).max(20).optional(),
    active: z.boolean().optional(),
    emails: agencyAddressesSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'at least one change')
  .meta({ id: 'AgencyPatch' });
export type AgencyPatch = z.infer<typeof agencyPatchSchema>;

/** `Sở Tài chính` → `so-tai-chinh`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Checks the registry as it would be after a change; throws a 422 naming what breaks. */
export function checkRegistry(agencies: readonly Agency[], field = 'body'): AgencyRegistry {
  try {
    return AgencyRegistry.fromAgencies(agencies);
  } catch (error) {
    const detail = (error as Error).message.replace(/^invalid agency registry: /, '');
    throw new UnprocessableError(
      'invalid-registry-change',
      `thay đổi này làm danh mục cơ quan không hợp lệ: ${detail}`,
      detail.split('; ').map((reason) => ({ field, reason })),
    );
  }
}

function find(agencies: readonly Agency[], id: string): Agency {
  const agency = agencies.find((a) => a.id === id);
  if (!agency) throw new NotFoundError('agency-not-found', `không có cơ quan ${id}`);
  return agency;
}

const sameName = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');

function without(list: readonly string[], removed: readonly string[]): string[] {
  return list.filter((item) => !removed.some((r) => sameName(r, item)));
}

function withAdded(list: readonly string[], added: readonly string[], name: string): string[] {
  const out = [...list];
  for (const alias of added) {
    if (!sameName(alias, name) && !out.some((a) => sameName(a, alias))) out.push(alias);
  }
  return out;
}

export function createAgency(agencies: readonly Agency[], input: NewAgency): Agency {
  const id = input.id ?? slugOf(input.name);
  if (id === '') {
    throw new UnprocessableError('invalid-agency-id', 'tên không cho ra được mã cơ quan', [
      { field: 'body.id', reason: 'cần nêu mã cơ quan' },
    ]);
  }
  if (agencies.some((a) => a.id === id)) {
    throw new UnprocessableError('agency-exists', `đã có cơ quan mang mã ${id}`, [
      { field: 'body.id', reason: 'đã có cơ quan mang mã này' },
    ]);
  }
  const agency: Agency = {
    id,
    name: input.name,
    kind: input.kind,
    aliases: withAdded([], input.aliases, input.name),
    memberOf: [...new Set(input.memberOf)],
    active: true,
    mergedInto: null,
    absorbed: [],
    emails: input.emails,
  };
  checkRegistry([...agencies, agency]);
  return agency;
}

export function updateAgency(agencies: readonly Agency[], id: string, patch: AgencyPatch): Agency {
  const current = find(agencies, id);
  if (current.mergedInto) {
    throw new UnprocessableError(
      'agency-merged',
      `cơ quan ${id} đã được hợp nhất vào ${current.mergedInto}; hãy sửa cơ quan đó`,
      [{ field: 'path.agencyId', reason: `đã hợp nhất vào ${current.mergedInto}` }],
    );
  }
  const name = patch.name ?? current.name;
  const renamed = !sameName(name, current.name);
  let aliases = renamed ? withAdded(current.aliases, [current.name], name) : current.aliases;
  aliases = without(aliases, [name]);
  aliases = withAdded(aliases, patch.addAliases ?? [], name);
  aliases = without(aliases, patch.removeAliases ?? []);
  const updated: Agency = {
    ...current,
    name,
    kind: patch.kind ?? current.kind,
    aliases,
    memberOf: patch.memberOf ? [...new Set(patch.memberOf)] : current.memberOf,
    active: patch.active ?? current.active,
    emails: patch.emails ?? current.emails,
  };
  checkRegistry(agencies.map((a) => (a.id === id ? updated : a)));
  return updated;
}

/**
 * Merges `fromId` into `intoId`: the survivor takes the other's names as aliases and its
 * members; the merged agency stays, deactivated, so its id keeps resolving to the
 * survivor. Returns every agency the merge changes (survivor first). Merging again into
 * the same survivor changes nothing.
 */
export function mergeAgencies(
  agencies: readonly Agency[],
  fromId: string,
  intoId: string,
): Agency[] {
  const fields = (reason: string): FieldProblem[] => [{ field: 'body.into', reason }];
  if (fromId === intoId) {
    throw new UnprocessableError(
      'merge-into-self',
      'không thể hợp nhất một cơ quan vào chính nó',
      fields('trùng với cơ quan được hợp nhất'),
    );
  }
  const from = find(agencies, fromId);
  const into = find(agencies, intoId);
  if (from.mergedInto === intoId) return [];
  if (from.mergedInto) {
    throw new UnprocessableError(
      'agency-merged',
      `cơ quan ${fromId} đã được hợp nhất vào ${from.mergedInto}`,
      [{ field: 'path.agencyId', reason: `đã hợp nhất vào ${from.mergedInto}` }],
    );
  }
  if (into.mergedInto || !into.active) {
    throw new UnprocessableError(
      'merge-into-inactive',
      `không thể hợp nhất vào ${intoId}: cơ quan này đã ngừng hoạt động`,
      fields('cơ quan đã ngừng hoạt động hoặc đã được hợp nhất'),
    );
  }
  if ((from.kind === 'collective') !== (into.kind === 'collective')) {
    throw new UnprocessableError(
      'merge-kind-mismatch',
      'chỉ hợp nhất được một tập thể vào một tập thể, một cơ quan vào một cơ quan',
      fields(`${fromId} là ${from.kind}, ${intoId} là ${into.kind}`),
    );
  }
  const survivor: Agency = {
    ...into,
    aliases: withAdded(into.aliases, [from.name, ...from.aliases], into.name),
    memberOf: [...new Set([...into.memberOf, ...from.memberOf])].filter((id) => id !== intoId),
    absorbed: [...new Set([...into.absorbed, fromId, ...from.absorbed])],
  };
  const merged: Agency = { ...from, active: false, mergedInto: intoId };
  // Members of a merged collective now belong to the survivor.
  const members = agencies
    .filter((a) => a.id !== fromId && a.id !== intoId && a.memberOf.includes(fromId))
    .map((a) => ({
      ...a,
      memberOf: [...new Set(a.memberOf.map((m) => (m === fromId ? intoId : m)))],
    }));
  const changed = [survivor, merged, ...members];
  checkRegistry(agencies.map((a) => changed.find((c) => c.id === a.id) ?? a));
  return changed;
}
