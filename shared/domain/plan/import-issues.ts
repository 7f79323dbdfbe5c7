/**
 * What an import can say about a file. Each issue names the file and line (0: the file
 * as a whole), a stable machine code, a message in Vietnamese for the officer, and where
 * it helps the request field to correct and the values it accepts.
 */
import type { ImportWarning } from './model.ts';

/** Problems that make the plan wrong: the import returns nothing. */
export const IMPORT_ERROR_CODES = [
  'TABLE_TOO_LARGE', // over MAX_SOURCE_BYTES, MAX_TABLE_LINES or MAX_TABLE_TARGETS: 413
  'CELL_TOO_LONG', // over MAX_CELL_CHARS: 422, like every other error
  'TOO_MANY_UNRESOLVED_NAMES', // over MAX_UNRESOLVED_NAMES
  'NOT_A_PLAN_TABLE',
  'NO_PLAN_REFERENCE',
  'ISSUED_ON_UNREADABLE',
  'ISSUING_BODY_UNREADABLE',
  'INVALID_PLAN_CODE',
  'PERIOD_UNREADABLE',
  'INVALID_PERIOD',
  'UNKNOWN_SECTION',
  'AMBIGUOUS_SECTION',
  'DUPLICATE_SECTION',
  'SECTION_NOT_IN_TABLE',
  'TASK_OUTSIDE_SECTION',
  'DUPLICATE_STT',
  'INVALID_DATE',
] as const;

/** What is merely imperfect: the plan imports, and the officer is told. */
export const IMPORT_WARNING_CODES = [
  'UNRECOGNISED_ROW',
  'TIMELINE_UNREADABLE',
  'EMPTY_TASK',
  'ORPHAN_ROW',
  'NO_TITLE',
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export function issue(
  file: string,
  line: number,
  code: ImportErrorCode | ImportWarningCode,
  message: string,
  where: { field?: string; allowed?: readonly string[] } = {},
): ImportWarning {
  return {
    file,
    line,
    code,
    message,
    ...(where.field === undefined ? {} : { field: where.field }),
    ...(where.allowed === undefined ? {} : { allowed: [...where.allowed] }),
  };
}

/** The file cannot be imported: every error found, each with its file and line. */
export class PlanTableError extends Error {
  constructor(readonly issues: ImportWarning[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.code}: ${i.message}`).join('\n'));
    this.name = 'PlanTableError';
  }
}
