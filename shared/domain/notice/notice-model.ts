/**
 * What importing a source document yields, whether a plan appendix or a conclusion
 * notice: the document, its tasks, the agencies they name, the names nobody knows yet,
 * and what the reader noticed along the way.
 *
 * The shapes are the ones the plan-table parser returns too (issue 10); they are declared
 * here for the notice parser and are meant to become one definition with the parser's.
 */
import * as z from 'zod';
import { agencySchema, isoDateSchema, sectorSchema, taskSchema } from '../plan/model.ts';

export const documentCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,23}$/);

export const planDocumentSchema = z.object({
  /** `KH266` for a plan, `TB150` for notice 150/TB-…. */
  code: documentCodeSchema,
  kind: z.enum(['plan', 'notice']),
  /** The number as printed (`266/KH-UBND`), or null when the import was given a code only. */
  number: z.string().nullable(),
  title: z.string(),
  issuingBody: z.string(),
  issuedOn: isoDateSchema,
  period: z.object({ start: isoDateSchema, end: isoDateSchema }),
  sections: z.array(z.object({ code: z.string(), title: z.string(), sector: sectorSchema })),
});
export type PlanDocument = z.infer<typeof planDocumentSchema>;

export const unresolvedNameSchema = z.object({
  /** The name as the document prints it. */
  name: z.string(),
  /** Every place it is named. */
  cells: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().positive(),
      column: z.enum(['lead', 'coordinating']),
    }),
  ),
  /** The closest known agencies, best first. */
  suggestions: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })),
});
export type UnresolvedName = z.infer<typeof unresolvedNameSchema>;

/** Something the importer noticed (a warning) or could not accept (an error's issue). */
export const importWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  code: z.string(),
  /** In Vietnamese: an officer reads it. */
  message: z.string(),
  /** The request field that would settle it (`sectors.2.1`, `issuedOn`). */
  field: z.string().optional(),
  /** The values that field accepts. */
  allowed: z.array(z.string()).optional(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** A task of any document: the plan task, its `plan` being any document code (`TB150`). */
export const documentTaskSchema = taskSchema.extend({ plan: documentCodeSchema });

export const parsedSourceSchema = z.object({
  plan: planDocumentSchema,
  tasks: z.array(documentTaskSchema),
  agencies: z.array(agencySchema),
  unresolved: z.array(unresolvedNameSchema),
  warnings: z.array(importWarningSchema),
});
export type ParsedNotice = z.infer<typeof parsedSourceSchema>;

/**
 * What an import request may say about a notice that its text does not (the export
 * carries neither number nor date) or says in a way the officer corrects.
 */
export const noticeOverridesSchema = z
  .object({
    code: documentCodeSchema,
    number: z.string().trim().min(1),
    title: z.string().trim().min(1),
    issuedOn: isoDateSchema,
    issuingBody: z.string().trim().min(1),
    period: z.object({ start: isoDateSchema, end: isoDateSchema }),
    /** Section code (`2.1`, `3`) → sector, for headings the keywords cannot place. */
    sectors: z.record(z.string(), sectorSchema),
  })
  .partial()
  .strict();
export type NoticeOverrides = z.infer<typeof noticeOverridesSchema>;

/** A notice shipped in `seeds/notices/`: its import request, and where that comes from. */
export const noticeSeedSchema = noticeOverridesSchema.extend({ $comment: z.string() });
