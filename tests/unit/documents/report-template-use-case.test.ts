import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { UnprocessableError } from '#shared/domain/errors.ts';
import type {
  ReportTemplateRepository,
  StoredReportTemplate,
} from '#shared/use-cases/report-template-ports.ts';
import {
  currentReportTemplate,
  MAX_TEMPLATE_BYTES,
  resetReportTemplate,
  uploadReportTemplate,
} from '#shared/use-cases/report-template.ts';

/** The repository in memory. */
function memoryTemplates(): ReportTemplateRepository & { stored: StoredReportTemplate | null } {
  return {
    stored: null,
    async get() {
      return this.stored;
    },
    async put(template) {
      this.stored = template;
    },
    async remove() {
      this.stored = null;
    },
  };
}

const uploader = { tokenId: 'tok_admin', now: new Date('2026-09-01T02:00:00Z') };
const defaultTemplate = () => new Uint8Array([1, 2, 3]);

describe('the report template', () => {
  it('is the default until one is uploaded, the upload after, the default once reset', async () => {
    // Prepare
    const templates = memoryTemplates();
    const upload = new Uint8Array([9, 9]);

    // Act
    const before = await currentReportTemplate({ templates, defaultTemplate });
    const summary = await uploadReportTemplate(upload, uploader, {
      templates,
      problemsOf: () => [],
    });
    const during = await currentReportTemplate({ templates, defaultTemplate });
    await resetReportTemplate({ templates });
    const after = await currentReportTemplate({ templates, defaultTemplate });

    // Assess
    expect(before).toEqual({ file: defaultTemplate(), source: 'default' });
    expect(summary).toEqual({
      source: 'uploaded',
      bytes: 2,
      // sha256 of the bytes 09 09
      sha256: createHash('sha256').update(upload).digest('hex'),
      uploadedAt: '2026-09-01T02:00:00.000Z',
      uploadedBy: 'tok_admin',
    });
    expect(during).toEqual({ file: upload, source: 'uploaded' });
    expect(after.source).toBe('default');
  });

  it('refuses a file with problems, naming them, and keeps what was stored', async () => {
    // Prepare
    const templates = memoryTemplates();
    const problemsOf = () => [{ field: 'template.ky_bao_cao', reason: 'Thiếu {ky_bao_cao}' }];

    // Act
    const upload = uploadReportTemplate(new Uint8Array([1]), uploader, { templates, problemsOf });

    // Assess
    await expect(upload).rejects.toThrow(UnprocessableError);
    await expect(upload).rejects.toMatchObject({
      code: 'report-template-invalid',
      fields: [{ field: 'template.ky_bao_cao', reason: 'Thiếu {ky_bao_cao}' }],
    });
    expect(templates.stored).toBeNull();
  });

  it('refuses a file too large for its item without opening it', async () => {
    // Prepare
    const templates = memoryTemplates();
    const problemsOf = vi.fn(() => []);

    // Act
    const upload = uploadReportTemplate(new Uint8Array(MAX_TEMPLATE_BYTES + 1), uploader, {
      templates,
      problemsOf,
    });

    // Assess
    await expect(upload).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'body' })],
    });
    expect(problemsOf).not.toHaveBeenCalled();
  });
});
