/**
 * A notice that cannot be imported: every reason at once, each with its file and line and,
 * where the request can settle it, the field and the values it accepts. Nothing of such a
 * notice is returned, so nothing of it can be written.
 */
import { UnprocessableError } from '../errors.ts';
import type { ImportWarning } from './notice-model.ts';

export class NoticeError extends UnprocessableError {
  constructor(readonly issues: ImportWarning[]) {
    super(
      'invalid-notice',
      `Không nhập được thông báo: ${issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`,
      issues.map((i) => ({ field: i.field ?? `${i.file}:${i.line}`, reason: i.message })),
    );
  }
}
