/**
 * The plan registry's vocabulary: plans, tasks, schedules, targets and agencies.
 * zod schemas are the single source of truth; the types are inferred from them.
 */
import * as z from 'zod';

/** A calendar date in Asia/Ho_Chi_Minh, as `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof isoDateSchema>;

export const SECTORS = ['agriculture', 'industry', 'services'] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

export const SCHEDULE_KINDS = [
  'deadline',
  'window',
  'recurring',
  'ongoing',
  'conditional',
  'unspecified',
] as const;
export const RECURRENCES = ['monthly', 'quarterly', 'yearly'] as const;

export const scheduleSchema = z.object({
  /** The timeline exactly as printed (clean text). */
  text: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  start: isoDateSchema.nullable(),
  due: isoDateSchema.nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
  /** For `conditional`: the event the task waits for. */
  condition: z.string().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const milestoneSchema = z.object({
  due: isoDateSchema.nullable(),
  text: z.string(),
  schedule: scheduleSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const COMPARATORS = ['gte', 'gt', 'lte', 'eq'] as const;
export const targetSchema = z.object({
  /** Stable and unique within its task: reports send actuals under this key. */
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string(),
  value: z.number().finite(),
  unit: z.string(),
  comparator: z.enum(COMPARATORS),
  /** The phrase the target was read from. */
  text: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

export const AGENCY_KINDS = [
  'department', // Sở and equivalent provincial bodies
  'board', // Ban quản lý ...
  'commune', // one commune or ward People's Committee
  'collective', // a group named as one: "UBND các xã, phường", "Các sở ngành liên quan"
  'enterprise',
  'central', // central-government bodies in the province (customs, bank branch)
  'other',
] as const;

export const agencySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  /** Other spellings met in the tables; matched after normalisation. */
  aliases: z.array(z.string()),
  /** Collectives this agency belongs to: it acts for tasks assigned to them. */
  memberOf: z.array(z.string()),
  /** A deactivated agency keeps its history but takes no new tokens, links or reports. */
  active: z.boolean().default(true),
  /** Set when the agency was merged into another: its id keeps resolving to that one. */
  mergedInto: z.string().nullable().default(null),
  /**
   * The agencies merged into this one, kept on the survivor by the merge so that the
   * authorizer learns whom a token acts for from one item.
   */
  absorbed: z.array(z.string()).default([]),
  /**
   * The agency's contact addresses, where reminders and escalations are sent
   * (reminder/contacts.ts validates them where they enter); seeds carry none.
   */
  emails: z.array(z.string()).default([]),
});
export type Agency = z.infer<typeof agencySchema>;

/** An agency as a task names it: the registry id and the words printed in the table. */
export const agencyRefSchema = z.object({ id: z.string(), name: z.string() });
export type AgencyRef = z.infer<typeof agencyRefSchema>;

/**
 * A plan's code: KH266, TB150, KH300N2027. No hyphen, because task ids are
 * `<plan>-<section>-<stt>`.
 */
export const PLAN_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,23}$/;
export const planCodeSchema = z
  .string()
  .regex(PLAN_CODE_PATTERN, 'chữ in hoa và chữ số, không dấu gạch, ví dụ KH266')
  .meta({ example: 'KH266' });

export const taskSchema = z.object({
  id: z.string(),
  plan: planCodeSchema,
  section: z.object({ code: z.string(), title: z.string() }),
  sector: sectorSchema,
  /** The STT as printed (`1.1`, `28`, `106`). */
  ordinal: z.string(),
  parentId: z.string().nullable(),
  isGroup: z.boolean(),
  title: z.string(),
  lead: z.array(agencyRefSchema),
  coordinating: z.array(agencyRefSchema),
  schedule: scheduleSchema,
  milestones: z.array(milestoneSchema),
  expectedResult: z.string(),
  targets: z.array(targetSchema),
  note: z.string(),
  source: z.object({ file: z.string(), line: z.number().int().positive() }),
});
export type Task = z.infer<typeof taskSchema>;

/** A plan (Kế hoạch) or a conclusion notice (Thông báo), by the type in its number. */
export const PLAN_KINDS = ['plan', 'notice'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** An inclusive span of province days. */
export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((range) => range.start <= range.end, 'start must not be after end');

export const planSectionSchema = z.object({
  /** The Roman numeral as printed (`I`, `XVI`), or a notice's part (`2.1`). */
  code: z.string(),
  title: z.string(),
  sector: sectorSchema,
});
export type PlanSection = z.infer<typeof planSectionSchema>;

/** A plan as its document (and the request that imported it) says. */
export const planDocumentSchema = z.object({
  code: planCodeSchema,
  kind: z.enum(PLAN_KINDS),
  /** As the document numbers itself: `266/KH-UBND`; null when its export does not say. */
  number: z.string().nullable(),
  title: z.string(),
  issuingBody: z.string(),
  issuedOn: isoDateSchema,
  period: dateRangeSchema,
  sections: z.array(planSectionSchema),
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;

/**
 * What an import request says that the document may not: each field overrides what was
 * read. `code` defaults to the number's type and digits (`266/KH-UBND` → `KH266`).
 */
export const planOverridesSchema = z
  .strictObject({
    code: planCodeSchema.optional(),
    number: z.string().trim().min(1).max(100).optional(),
    title: z.string().trim().min(1).max(1_000).optional(),
    issuedOn: isoDateSchema.optional(),
    issuingBody: z.string().trim().min(1).max(300).optional(),
    period: dateRangeSchema.optional(),
    /** Section code (Roman numeral) → sector; overrides the proposal from the title. */
    sectors: z.record(z.string().max(20), sectorSchema).optional(),
  })
  .meta({ id: 'PlanOverrides' });
export type PlanOverrides = z.infer<typeof planOverridesSchema>;

/** Something the importer could not read as it should; never silent. */
export const importWarningSchema = z.object({
  file: z.string(),
  /** 0 when the issue is the file's, not one line's. */
  line: z.number().int().nonnegative(),
  /** A stable machine code (UNKNOWN_SECTION); `message` says it in Vietnamese. */
  code: z.string(),
  message: z.string(),
  /** The request field that would correct it (`sectors.IV`, `period`). */
  field: z.string().optional(),
  /** The values that field accepts. */
  allowed: z.array(z.string()).optional(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** A name in a lead or coordinating cell that no known agency answers to. */
export const unresolvedNameSchema = z.object({
  /** As printed, in the first spelling met. */
  name: z.string(),
  cells: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().positive(),
      column: z.enum(['lead', 'coordinating']),
    }),
  ),
  /** The closest known agencies, best first, at most five. */
  suggestions: z.array(
    z.object({ id: z.string(), name: z.string(), score: z.number().min(0).max(1) }),
  ),
});
export type UnresolvedName = z.infer<typeof unresolvedNameSchema>;
