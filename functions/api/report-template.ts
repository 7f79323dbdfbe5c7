/**
 * The Word template of the quarterly report (admin):
 * - GET /report-template: the current template as a .docx (the province's, or the
 *   default with `x-report-template: default`), to restyle in Word;
 * - PUT /report-template: a new template, sent as the raw .docx with its media type;
 *   refused with 422 naming what is missing when it is not a .docx or lacks the required
 *   placeholders;
 * - DELETE /report-template: back to the platform's default.
 */
import { defaultReportTemplate } from '#shared/adapters/documents/default-report-template.ts';
import { templateProblems } from '#shared/adapters/documents/docx-report.ts';
import { DOCX_MEDIA_TYPE } from '#shared/platform/media-types.ts';
import {
  currentReportTemplate,
  MAX_TEMPLATE_BYTES,
  resetReportTemplate,
  uploadReportTemplate,
} from '#shared/use-cases/report-template.ts';
import { systemClock, tableStores } from '../wiring.ts';
import { dispatch } from './http/dispatch.ts';
import { file, httpApi, json } from './http/middleware.ts';
import { problem, problemResponse } from './http/problem.ts';
import { callerOf } from './http/request.ts';

const deps = {
  templates: tableStores().stores.reportTemplates,
  problemsOf: templateProblems,
  defaultTemplate: defaultReportTemplate,
};

export const handler = httpApi(
  dispatch<'reportTemplate'>({
    'GET /report-template': async () => {
      const template = await currentReportTemplate(deps);
      return file(template.file, DOCX_MEDIA_TYPE, 'mau-bao-cao-quy.docx', {
        'x-report-template': template.source,
      });
    },
    'PUT /report-template': async (event) => {
      const mediaType = event.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
      if (mediaType !== DOCX_MEDIA_TYPE) {
        return problemResponse(
          problem(415, 'unsupported-media-type', `send the template as ${DOCX_MEDIA_TYPE}`, [
            { field: 'header.content-type', reason: `must be ${DOCX_MEDIA_TYPE}` },
          ]),
        );
      }
      const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
      const caller = callerOf(event);
      const stored = await uploadReportTemplate(
        bytes,
        { tokenId: caller.tokenId, now: systemClock.now() },
        deps,
      );
      return json(200, stored);
    },
    'DELETE /report-template': async () => {
      await resetReportTemplate(deps);
      return json(200, { source: 'default' });
    },
  }),
  // Counted on the file's own bytes (the limit decodes a base64 body first).
  { maxBodyBytes: MAX_TEMPLATE_BYTES },
);
