/**
 * The Word template the quarterly report is filled into: the province's own upload, or
 * the platform's default. An upload is checked before it replaces anything, so a report
 * never fails on a template someone stored.
 */
import { createHash } from 'node:crypto';
import { UnprocessableError, type FieldProblem } from '#shared/domain/errors.ts';
import type { ReportTemplateRepository, StoredReportTemplate } from './report-template-ports.ts';

/** Under DynamoDB's 400 KB item limit with the item's other attributes. */
export const MAX_TEMPLATE_BYTES = 350 * 1024;

export interface ReportTemplateDeps {
  templates: ReportTemplateRepository;
  /** What keeps a file from serving as the template (docx-report.ts `templateProblems`). */
  problemsOf: (file: Uint8Array) => FieldProblem[];
  /** The platform's own template. */
  defaultTemplate: () => Uint8Array;
}

export interface CurrentTemplate {
  file: Uint8Array;
  source: 'uploaded' | 'default';
}

export type TemplateSummary = Omit<StoredReportTemplate, 'file'> & {
  source: 'uploaded';
  bytes: number;
};

/** Throws UnprocessableError naming every problem of the file; stores it otherwise. */
export async function uploadReportTemplate(
  file: Uint8Array,
  uploader: { tokenId: string; now: Date },
  deps: Pick<ReportTemplateDeps, 'templates' | 'problemsOf'>,
): Promise<TemplateSummary> {
  const problems =
    file.byteLength > MAX_TEMPLATE_BYTES
      ? [
          {
            field: 'body',
            reason: `Tệp mẫu ${file.byteLength} byte, vượt quá ${MAX_TEMPLATE_BYTES} byte cho phép`,
          },
        ]
      : deps.problemsOf(file);
  if (problems.length > 0) {
    throw new UnprocessableError(
      'report-template-invalid',
      `Mẫu báo cáo không dùng được: ${problems.map((problem) => problem.reason).join('; ')}`,
      problems,
    );
  }
  const stored: StoredReportTemplate = {
    file,
    sha256: createHash('sha256').update(file).digest('hex'),
    uploadedAt: uploader.now.toISOString(),
    uploadedBy: uploader.tokenId,
  };
  await deps.templates.put(stored);
  return summary(stored);
}

/** The template reports are filled into now. */
export async function currentReportTemplate(
  deps: Pick<ReportTemplateDeps, 'templates' | 'defaultTemplate'>,
): Promise<CurrentTemplate> {
  const stored = await deps.templates.get();
  return stored
    ? { file: stored.file, source: 'uploaded' }
    : { file: deps.defaultTemplate(), source: 'default' };
}

/** Back to the platform's default template. */
export async function resetReportTemplate(
  deps: Pick<ReportTemplateDeps, 'templates'>,
): Promise<void> {
  await deps.templates.remove();
}

function summary({ file, ...rest }: StoredReportTemplate): TemplateSummary {
  return { ...rest, source: 'uploaded', bytes: file.byteLength };
}
