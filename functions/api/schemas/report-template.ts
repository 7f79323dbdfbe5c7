/** OpenAPI pieces of the report-template routes and the documents' downloads. */
import * as z from 'zod';
import {
  TEMPLATE_FIELDS,
  type TemplateField,
} from '#shared/adapters/documents/report-template-fields.ts';
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#shared/platform/media-types.ts';

const binaryFile = z.string().meta({ format: 'binary' });
export const docxContent = { [DOCX_MEDIA_TYPE]: { schema: binaryFile } };
export const xlsxContent = { [XLSX_MEDIA_TYPE]: { schema: binaryFile } };

export const templateSummarySchema = z
  .object({
    source: z.literal('uploaded'),
    bytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
    uploadedBy: z.string().meta({ description: 'The uploading token’s public id' }),
  })
  .meta({ id: 'ReportTemplate' });

export const templateResetSchema = z.object({ source: z.literal('default') });

/** The placeholders, as a Markdown list, from the one vocabulary the check uses. */
function placeholderList(fields: readonly TemplateField[], depth = 0): string {
  return fields
    .map((field) => {
      const tag = field.items ? `{#${field.name}}…{/${field.name}}` : `{${field.name}}`;
      const line = `${'  '.repeat(depth)}- \`${tag}\`${field.required ? ' (bắt buộc)' : ''}: ${field.description}`;
      return field.items ? `${line}\n${placeholderList(field.items, depth + 1)}` : line;
    })
    .join('\n');
}

export const TEMPLATE_DESCRIPTION = `A .docx with docxtemplater placeholders ({name}; {#list}…{/list} repeats per item; {^list}…{/list} shows when the list is empty). At most 350 KiB. Placeholders:\n\n${placeholderList(TEMPLATE_FIELDS)}`;
