/**
 * Why a submitted document cannot be read at all. Each failure has a stable code (the
 * problem type ends with it) and a message an officer can act on, in Vietnamese; the
 * HTTP edge answers 422 (an `UnprocessableError`).
 */
import { UnprocessableError } from '../errors.ts';

/** Bytes of `word/document.xml` the reader inflates at most: a zip bomb stops here. */
export const MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024;

const MESSAGES = {
  'not-a-docx': 'Tệp không phải là tài liệu Word (.docx): không đọc được tệp nén.',
  'docx-without-document': 'Tệp .docx không có nội dung văn bản (thiếu word/document.xml).',
  'docx-too-large': `Nội dung văn bản của tệp .docx vượt quá giới hạn ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MiB khi giải nén.`,
  'docx-malformed': 'Nội dung văn bản của tệp .docx bị hỏng hoặc không đầy đủ.',
  'docx-without-table': 'Tệp .docx không có bảng nào: phụ lục kế hoạch phải là một bảng.',
} as const;

export type DocumentProblem = keyof typeof MESSAGES;

export class DocumentReadError extends UnprocessableError {
  constructor(
    readonly problem: DocumentProblem,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(problem, `${file}: ${MESSAGES[problem]}`, [{ field: 'file', reason: MESSAGES[problem] }]);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
